import 'server-only';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { employers, messageHandled, messageReads, messages } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { staffBodyFilter, staffEmployer, type StaffScope } from '../../access';
import { isUuid } from '../../uuid';
import { MESSAGES_PAGE_SIZE, pageNumber } from '../../messages/message-views';

export const INBOX_BOXES = ['open', 'handled', 'all'] as const;
export type InboxBox = (typeof INBOX_BOXES)[number];

export type InboxRow = {
  employerId: string;
  employerName: string;
  threadId: string;
  subject: string;
  lastAt: Date;
  messageCount: number;
  /** The employer's messages in it no staff member has opened yet. */
  unreadForFund: number;
  /** Marked handled after the employer's latest message in it. */
  handled: boolean;
};

export type InboxPage = {
  box: InboxBox;
  rows: InboxRow[];
  total: number;
  page: number;
  pageCount: number;
};

/** A box named in the address, or the open inbox. */
export function inboxBox(value: unknown): InboxBox {
  return INBOX_BOXES.find((b) => b === value) ?? 'open';
}

/** The latest "handled" mark of each thread. */
const lastHandled = (db: DbOrTx) =>
  db
    .select({
      employerId: messageHandled.employerId,
      threadId: messageHandled.threadId,
      at: sql<Date>`max(${messageHandled.handledAt})`.as('handled_at'),
    })
    .from(messageHandled)
    .groupBy(messageHandled.employerId, messageHandled.threadId)
    .as('last_handled');

/**
 * The staff inbox (issue 14 §7): the threads in which employers of the staff member's local body
 * (all, for central staff) wrote to the fund; unread ones first, then the most recently active,
 * 20 a page, in SQL. `open` leaves out threads marked handled after the employer's latest
 * message (a new message from the employer reopens one); `handled` lists only those; `all` both.
 * `employerId` narrows it to one employer (NOT_FOUND outside the body).
 */
export async function listStaffInbox(
  db: DbOrTx,
  staff: StaffScope,
  input: { box?: InboxBox; employerId?: string; page?: number },
): Promise<InboxPage> {
  const box = input.box ?? 'open';
  const page = pageNumber(input.page ?? 1);
  if (input.employerId !== undefined) {
    if (!isUuid(input.employerId)) return { box, rows: [], total: 0, page, pageCount: 1 };
    await staffEmployer(db, staff, input.employerId);
  }
  const handledAt = lastHandled(db);
  const lastEmployerAt = sql`max(${messages.createdAt}) filter (where ${messages.direction} = 'EMPLOYER_TO_FUND')`;
  const handled = sql<boolean>`(${handledAt.at} is not null and ${handledAt.at} >= ${lastEmployerAt})`;
  const unread = sql<number>`(count(*) filter (where ${messages.direction} = 'EMPLOYER_TO_FUND' and ${messageReads.messageId} is null))::int`;
  const lastAt = sql<Date>`max(${messages.createdAt})`;
  const having: SQL[] = [sql`${lastEmployerAt} is not null`];
  if (box === 'open') having.push(sql`not ${handled}`);
  if (box === 'handled') having.push(handled);
  const grouped = db
    .select({
      employerId: messages.employerId,
      employerName: employers.name,
      threadId: messages.threadId,
      subject:
        sql<string>`max(case when ${messages.id} = ${messages.threadId} then ${messages.subject} end)`.as(
          'subject',
        ),
      lastAt: lastAt.as('last_at'),
      messageCount: sql<number>`count(*)::int`.as('message_count'),
      unreadForFund: unread.as('unread_for_fund'),
      handled: handled.as('handled'),
    })
    .from(messages)
    .innerJoin(employers, eq(employers.id, messages.employerId))
    .leftJoin(
      messageReads,
      and(
        eq(messageReads.employerId, messages.employerId),
        eq(messageReads.messageId, messages.id),
      ),
    )
    .leftJoin(
      handledAt,
      and(eq(handledAt.employerId, messages.employerId), eq(handledAt.threadId, messages.threadId)),
    )
    .where(
      and(
        staffBodyFilter(staff, employers.localBodyCode),
        input.employerId === undefined ? undefined : eq(messages.employerId, input.employerId),
      ),
    )
    .groupBy(messages.employerId, employers.name, messages.threadId, handledAt.at)
    .having(and(...having));
  const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(grouped.as('inbox'));
  const total = Number(counted?.n ?? 0);
  const rows = await grouped
    .orderBy(sql`(${unread} > 0) desc`, desc(lastAt), desc(messages.threadId))
    .limit(MESSAGES_PAGE_SIZE)
    .offset((page - 1) * MESSAGES_PAGE_SIZE);
  return {
    box,
    rows: rows.map((r) => ({
      employerId: r.employerId,
      employerName: r.employerName,
      threadId: r.threadId,
      subject: r.subject,
      lastAt: new Date(r.lastAt),
      messageCount: Number(r.messageCount),
      unreadForFund: Number(r.unreadForFund),
      handled: Boolean(r.handled),
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / MESSAGES_PAGE_SIZE)),
  };
}
