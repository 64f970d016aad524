import 'server-only';
import { and, asc, count, desc, gt, sql } from 'drizzle-orm';
import { payments } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { EmployerScope } from '../access';
import { exactQepikTotal, sumAsText } from '../exact-sum';
import { remainderSql, usableByReport } from './payment-remainder';
import { quarterBounds } from './report-draft';
import { loadReportContext } from './persons/report-context';

export type UnallocatedPayment = {
  id: string;
  paymentDate: string;
  amountQepik: number;
  remainderQepik: number;
  bankReference: string;
  economicClassCode: string;
  activityCode: string | null;
  /** Paid after the report's quarter ended: offered, but last and marked. */
  afterQuarter: boolean;
};

/** Count and remainder of one group of the list. */
export type UnallocatedGroup = { count: number; remainderQepik: number };

export const UNALLOCATED_PAGE_SIZE = 20;

/**
 * "Ödəniş əlavə et" (SPEC F6, DOMAIN.md §6): the employer's payments for the report's activity
 * code (or of no code) with a remainder left after every report's use, paged. Payments up to
 * the quarter's last day come first (newest first: this quarter's, then older debt's); payments
 * made after the quarter follow, nearest first and marked, because they usually belong to the
 * next report.
 */
export async function listUnallocatedPayments(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; page?: number; pageSize?: number },
): Promise<{
  rows: UnallocatedPayment[];
  total: number;
  totalRemainderQepik: number;
  /** Payments dated up to the quarter's last day: what "HAMISINI ƏLAVƏ ET" adds by default. */
  upToQuarterEnd: UnallocatedGroup;
  afterQuarter: UnallocatedGroup;
  /** The quarter's last day, 'YYYY-MM-DD'. */
  quarterEnd: string;
  page: number;
  pageSize: number;
}> {
  const report = await loadReportContext(db, scope, input.reportId);
  const quarterEnd = quarterBounds(report).to;
  const pageSize = Math.min(Math.max(Math.trunc(input.pageSize ?? UNALLOCATED_PAGE_SIZE), 1), 200);
  const page = Math.max(Math.trunc(input.page ?? 1), 1);
  const where = and(usableByReport(report), gt(remainderSql, sql`0`));
  const isLater = sql<boolean>`(${payments.paymentDate} > ${quarterEnd}::date)`;
  // Within the quarter newest first, after it oldest first: one key that flips its sign.
  const laterDaysSql = sql`case when ${isLater} then ${payments.paymentDate} - ${quarterEnd}::date
    else ${quarterEnd}::date - ${payments.paymentDate} end`;
  const rows = await db
    .select({
      id: payments.id,
      paymentDate: payments.paymentDate,
      amountQepik: payments.amountQepik,
      remainderQepik: remainderSql,
      bankReference: payments.bankReference,
      economicClassCode: payments.economicClassCode,
      activityCode: payments.activityCode,
      afterQuarter: isLater,
    })
    .from(payments)
    .where(where)
    .orderBy(asc(isLater), asc(laterDaysSql), desc(payments.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [totals] = await db
    .select({
      laterCount: sql<string>`count(*) filter (where ${isLater})`,
      laterRemainder: sql<string>`coalesce(sum(${remainderSql}) filter (where ${isLater}), 0)::text`,
      allCount: count(),
      allRemainder: sumAsText(remainderSql),
    })
    .from(payments)
    .where(where);
  // count(*) filter and sum(bigint) arrive as strings on both engines.
  const allCount = Number(totals?.allCount ?? 0);
  const allRemainder = exactQepikTotal(totals?.allRemainder);
  const afterQuarter: UnallocatedGroup = {
    count: Number(totals?.laterCount ?? 0),
    remainderQepik: exactQepikTotal(totals?.laterRemainder),
  };
  const upToQuarterEnd: UnallocatedGroup = {
    count: allCount - afterQuarter.count,
    remainderQepik: allRemainder - afterQuarter.remainderQepik,
  };
  return {
    rows: rows.map((r) => ({
      ...r,
      remainderQepik: exactQepikTotal(r.remainderQepik),
      afterQuarter: Boolean(r.afterQuarter),
    })),
    total: allCount,
    totalRemainderQepik: allRemainder,
    upToQuarterEnd,
    afterQuarter,
    quarterEnd,
    page,
    pageSize,
  };
}
