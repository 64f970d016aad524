import 'server-only';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { messageAttachments, messageReads, messages } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../access';
import { MESSAGES_PAGE_SIZE, pageNumber } from './message-views';

export type MessageBox = 'inbox' | 'sent';

export type MessageListRow = {
  id: string;
  threadId: string;
  isReply: boolean;
  subject: string;
  createdAt: Date;
  /** Inbox: not yet read by the employer. Sent: not yet read by the fund. */
  unread: boolean;
  attachmentCount: number;
};

export type MessageList = {
  box: MessageBox;
  rows: MessageListRow[];
  page: number;
  pageCount: number;
  total: number;
};

/**
 * "İsmarıclar" (SPEC E1): the fund's messages to the employer (inbox) or the employer's to the
 * fund (sent), newest first, 20 a page, paged in SQL. A page past the end is empty.
 */
export async function listMessages(
  db: DbOrTx,
  scope: EmployerScope,
  input: { box: MessageBox; page?: number },
): Promise<MessageList> {
  assertScopeService(scope, 'REPORTS');
  const page = pageNumber(input.page ?? 1);
  const direction = input.box === 'inbox' ? 'FUND_TO_EMPLOYER' : 'EMPLOYER_TO_FUND';
  const where = and(eq(messages.employerId, scope.employerId), eq(messages.direction, direction));
  const [totalRow] = await db.select({ n: count() }).from(messages).where(where);
  const total = totalRow?.n ?? 0;
  const rows = await db
    .select({
      id: messages.id,
      threadId: messages.threadId,
      parentId: messages.parentId,
      subject: messages.subject,
      createdAt: messages.createdAt,
      readAt: messageReads.readAt,
      attachmentCount: sql<number>`(select count(*)::int from ${messageAttachments}
        where ${messageAttachments.employerId} = ${messages.employerId}
          and ${messageAttachments.messageId} = ${messages.id})`,
    })
    .from(messages)
    .leftJoin(
      messageReads,
      and(
        eq(messageReads.employerId, messages.employerId),
        eq(messageReads.messageId, messages.id),
      ),
    )
    .where(where)
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(MESSAGES_PAGE_SIZE)
    .offset((page - 1) * MESSAGES_PAGE_SIZE);
  return {
    box: input.box,
    rows: rows.map((r) => ({
      id: r.id,
      threadId: r.threadId,
      isReply: r.parentId !== null,
      subject: r.subject,
      createdAt: r.createdAt,
      unread: r.readAt === null,
      attachmentCount: Number(r.attachmentCount),
    })),
    page,
    pageCount: Math.max(1, Math.ceil(total / MESSAGES_PAGE_SIZE)),
    total,
  };
}
