import 'server-only';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { employers, reports } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { lastReturnDay, DEFAULT_RETURN_WINDOW_DAYS } from '@/lib/domain/staff/report-return-rules';
import { staffBodyFilter, type StaffScope } from '../../access';
import { now, todayInBaku } from '../../clock';
import { isUuid } from '../../uuid';

export const REVIEW_QUEUE_PAGE_SIZE = 25;
/** The queue's statuses (issue 14 §8): Received (SENT: pending a decision), accepted, returned. */
export const QUEUE_STATUSES = ['SENT', 'ACCEPTED', 'RETURNED'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export type QueueFilter = {
  status?: QueueStatus | null;
  employerId?: string | null;
  year?: number | null;
  quarter?: number | null;
  page?: number;
};

export type QueueRow = {
  reportId: string;
  employerId: string;
  employerName: string;
  voen: string;
  activityCode: string;
  year: number;
  quarter: number;
  reportType: 'INITIAL' | 'CORRECTIVE';
  status: QueueStatus;
  receiptNumber: string | null;
  sentAt: Date | null;
  decidedAt: Date | null;
  dueDate: string | null;
  late: boolean;
  mdssQepik: number | null;
  /** For an accepted report: the last day a reviewer may return it. */
  returnableUntil: string | null;
  /** Whether that day is today or later. */
  returnable: boolean;
};

export type QueuePage = {
  rows: QueueRow[];
  total: number;
  page: number;
  pageCount: number;
  employers: { id: string; name: string }[];
};

/**
 * Pending first, then by deadline: the latest submission's due date, its late flag and the day it
 * was decided (in Baku), as the queue always ordered them — read from the report's own columns,
 * which the sending path writes with each submission (receive-submission.ts), so the order costs
 * no look-up per report of the body (issue 15 §11). The decision day is the report's: it differs
 * from its submission's only for an accepted report a reviewer returned later (return-report.ts),
 * which now sorts by the day it was returned.
 */
const QUEUE_ORDER = [
  sql`case ${reports.status} when 'SENT' then 0 else 1 end`,
  sql`${reports.dueDate} asc nulls last`,
  sql`${reports.late} asc nulls last`,
  sql`(${reports.decidedAt} at time zone 'Asia/Baku')::date asc nulls first`,
  desc(reports.sentAt),
  asc(reports.id),
];

/**
 * The review queue of the staff member's body (issue 14 §8): every sent report — Received (still
 * pending), accepted, returned — with its filing deadline (the latest submission's due date, as
 * fixed at receipt) and whether it was late, filtered by status, employer and period, pending
 * ones first, then by deadline; paged in SQL. An employer of another body filters to nothing.
 */
export async function listReviewQueue(
  db: DbOrTx,
  staff: StaffScope,
  filter: QueueFilter,
  asOf: Date = now(),
): Promise<QueuePage> {
  const where: (SQL | undefined)[] = [
    staffBodyFilter(staff, employers.localBodyCode),
    inArray(reports.status, filter.status ? [filter.status] : [...QUEUE_STATUSES]),
  ];
  if (filter.employerId) {
    where.push(isUuid(filter.employerId) ? eq(reports.employerId, filter.employerId) : sql`false`);
  }
  if (filter.year) where.push(eq(reports.year, filter.year));
  if (filter.quarter) where.push(eq(reports.quarter, filter.quarter));
  const condition = and(...where);
  // What a row shows of its latest submission: read for the page's rows only.
  const latest = sql`(select s.due_date || '|' || s.late::text || '|' ||
      coalesce(to_char(s.decided_at at time zone 'Asia/Baku', 'YYYY-MM-DD'), '')
    from submissions s where s.report_id = ${reports.id}
    order by s.received_at desc limit 1)`;
  // The total and the page, each from the queue index alone (every column the filter and the
  // order read is in it: an index-only scan per employer of the body), then the page's 25 rows
  // themselves — the body's other reports are never read. (A count(*) over () in the page's
  // query would save the count's pass but forbids the top-N sort: slower.)
  const [counted] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reports)
    .innerJoin(employers, eq(employers.id, reports.employerId))
    .where(condition);
  const total = Number(counted?.n ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / REVIEW_QUEUE_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(filter.page ?? 1) || 1), pageCount);
  const pageIds = db
    .select({ id: reports.id })
    .from(reports)
    .innerJoin(employers, eq(employers.id, reports.employerId))
    .where(condition)
    .orderBy(...QUEUE_ORDER)
    .limit(REVIEW_QUEUE_PAGE_SIZE)
    .offset((page - 1) * REVIEW_QUEUE_PAGE_SIZE)
    .as('page_ids');
  const rows = await db
    .select({
      reportId: reports.id,
      employerId: reports.employerId,
      employerName: employers.name,
      voen: employers.voen,
      activityCode: reports.activityCode,
      year: reports.year,
      quarter: reports.quarter,
      reportType: reports.reportType,
      status: reports.status,
      receiptNumber: reports.receiptNumber,
      sentAt: reports.sentAt,
      decidedAt: reports.decidedAt,
      mdssQepik: reports.mdssQepik,
      latest: sql<string | null>`${latest}`,
    })
    .from(pageIds)
    .innerJoin(reports, eq(reports.id, pageIds.id))
    .innerJoin(employers, eq(employers.id, reports.employerId))
    .orderBy(...QUEUE_ORDER);
  const bodyEmployers = await db
    .select({ id: employers.id, name: employers.name })
    .from(employers)
    .where(staffBodyFilter(staff, employers.localBodyCode))
    .orderBy(asc(employers.name))
    .limit(500);
  const today = todayInBaku(asOf);
  return {
    rows: rows.map(({ latest: l, ...r }) => {
      const [dueDate = '', late = 'false', acceptedOn = ''] = (l ?? '').split('|');
      const until =
        r.status === 'ACCEPTED' && acceptedOn
          ? lastReturnDay(acceptedOn, DEFAULT_RETURN_WINDOW_DAYS)
          : null;
      return {
        ...r,
        status: r.status as QueueStatus,
        dueDate: dueDate || null,
        late: late === 'true',
        returnableUntil: until,
        returnable: until !== null && today <= until,
      };
    }),
    total,
    page,
    pageCount,
    employers: bodyEmployers,
  };
}
