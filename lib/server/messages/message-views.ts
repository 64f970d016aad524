import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { messageAttachments, messageReads, messages, type MessageDirection } from '@/db/schema';
import type { DbOrTx } from '@/db/types';

// What the pages show of messages, loaded by an employer id the caller already holds through a
// scope (an EmployerScope, or a StaffScope and the employer of a message it loaded).

/** How many messages one page of a list shows (SPEC E1 paging). */
export const MESSAGES_PAGE_SIZE = 20;

export type AttachmentView = {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
};

export type ThreadMessageView = {
  id: string;
  parentId: string | null;
  direction: MessageDirection;
  subject: string;
  body: string;
  authorFin: string | null;
  fromFund: boolean;
  createdAt: Date;
  /** When the receiving side first read it; null while unread. */
  readAt: Date | null;
  attachments: AttachmentView[];
};

export type ThreadView = {
  threadId: string;
  subject: string;
  messages: ThreadMessageView[];
};

/** A page number from the address: 1 or more, whole; anything else is page 1. */
export function pageNumber(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isSafeInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

/** Every message of one thread of the employer, oldest first, with the attachments' metadata. */
export async function loadThreadMessages(
  db: DbOrTx,
  employerId: string,
  threadId: string,
): Promise<ThreadView | null> {
  const rows = await db
    .select({
      id: messages.id,
      parentId: messages.parentId,
      direction: messages.direction,
      subject: messages.subject,
      body: messages.body,
      authorFin: messages.authorFin,
      createdAt: messages.createdAt,
      readAt: messageReads.readAt,
    })
    .from(messages)
    .leftJoin(
      messageReads,
      and(
        eq(messageReads.employerId, messages.employerId),
        eq(messageReads.messageId, messages.id),
      ),
    )
    .where(and(eq(messages.employerId, employerId), eq(messages.threadId, threadId)))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const root = rows.find((r) => r.id === threadId);
  if (!root) return null;
  const files = await db
    .select({
      id: messageAttachments.id,
      messageId: messageAttachments.messageId,
      fileName: messageAttachments.fileName,
      mediaType: messageAttachments.mediaType,
      sizeBytes: messageAttachments.sizeBytes,
    })
    .from(messageAttachments)
    .where(
      and(
        eq(messageAttachments.employerId, employerId),
        inArray(
          messageAttachments.messageId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(asc(messageAttachments.fileName), asc(messageAttachments.id));
  return {
    threadId,
    subject: root.subject,
    messages: rows.map((r) => ({
      ...r,
      fromFund: r.direction === 'FUND_TO_EMPLOYER',
      attachments: files
        .filter((f) => f.messageId === r.id)
        .map(({ id, fileName, mediaType, sizeBytes }) => ({ id, fileName, mediaType, sizeBytes })),
    })),
  };
}
