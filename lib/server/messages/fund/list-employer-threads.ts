import 'server-only';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { messageReads, messages } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { staffEmployer, type StaffScope } from '../../access';
import { isUuid } from '../../uuid';
import { MESSAGES_PAGE_SIZE, pageNumber } from '../message-views';

export type EmployerThreadRow = {
  threadId: string;
  subject: string;
  startedAt: Date;
  lastAt: Date;
  messageCount: number;
  /** The employer's messages in it the fund has not read yet. */
  unreadForFund: number;
};

/**
 * The fund's side (staff dashboard, SPEC H1): one employer's threads, the most recently active
 * first, 20 a page. Any staff role may read correspondence; the dashboard decides which pages
 * it shows to whom. An employer of another local body (or none) is NOT_FOUND.
 */
export async function listEmployerThreads(
  db: DbOrTx,
  staff: StaffScope,
  input: { employerId: string; page?: number },
): Promise<{ rows: EmployerThreadRow[]; page: number; pageCount: number; total: number }> {
  const page = pageNumber(input.page ?? 1);
  if (!isUuid(input.employerId)) return { rows: [], page, pageCount: 1, total: 0 };
  // Only an employer of the staff member's local body (NOT_FOUND otherwise).
  await staffEmployer(db, staff, input.employerId);
  const ofEmployer = eq(messages.employerId, input.employerId);
  const [totalRow] = await db
    .select({ n: sql<number>`count(distinct ${messages.threadId})::int` })
    .from(messages)
    .where(ofEmployer);
  const total = Number(totalRow?.n ?? 0);
  const lastAt = sql<Date>`max(${messages.createdAt})`;
  const rows = await db
    .select({
      threadId: messages.threadId,
      subject: sql<string>`max(case when ${messages.id} = ${messages.threadId} then ${messages.subject} end)`,
      startedAt: sql<Date>`min(${messages.createdAt})`,
      lastAt,
      messageCount: count(),
      unreadForFund: sql<number>`count(*) filter (where ${messages.direction} = 'EMPLOYER_TO_FUND' and ${messageReads.messageId} is null)::int`,
    })
    .from(messages)
    .leftJoin(
      messageReads,
      and(
        eq(messageReads.employerId, messages.employerId),
        eq(messageReads.messageId, messages.id),
      ),
    )
    .where(ofEmployer)
    .groupBy(messages.threadId)
    .orderBy(desc(lastAt), desc(messages.threadId))
    .limit(MESSAGES_PAGE_SIZE)
    .offset((page - 1) * MESSAGES_PAGE_SIZE);
  return {
    rows: rows.map((r) => ({
      threadId: r.threadId,
      subject: r.subject,
      startedAt: new Date(r.startedAt),
      lastAt: new Date(r.lastAt),
      messageCount: Number(r.messageCount),
      unreadForFund: Number(r.unreadForFund),
    })),
    page,
    pageCount: Math.max(1, Math.ceil(total / MESSAGES_PAGE_SIZE)),
    total,
  };
}
