import 'server-only';
import { and, count, desc, gt, sql } from 'drizzle-orm';
import { payments } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { EmployerScope } from '../access';
import { exactQepikTotal, sumAsText } from '../exact-sum';
import { remainderSql, usableByReport } from './payment-remainder';
import { getReportInScope } from './report-draft';

export type UnallocatedPayment = {
  id: string;
  paymentDate: string;
  amountQepik: number;
  remainderQepik: number;
  bankReference: string;
  economicClassCode: string;
  activityCode: string | null;
};

export const UNALLOCATED_PAGE_SIZE = 20;

/**
 * "Ödəniş əlavə et" (SPEC F6, DOMAIN.md §6): the employer's payments for the report's activity
 * code (or of no code) with a remainder left after every report's use, newest first, paged.
 */
export async function listUnallocatedPayments(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; page?: number; pageSize?: number },
): Promise<{
  rows: UnallocatedPayment[];
  total: number;
  totalRemainderQepik: number;
  page: number;
  pageSize: number;
}> {
  const report = await getReportInScope(db, scope, input.reportId);
  const pageSize = Math.min(Math.max(Math.trunc(input.pageSize ?? UNALLOCATED_PAGE_SIZE), 1), 200);
  const page = Math.max(Math.trunc(input.page ?? 1), 1);
  const where = and(usableByReport(report), gt(remainderSql, sql`0`));
  const rows = await db
    .select({
      id: payments.id,
      paymentDate: payments.paymentDate,
      amountQepik: payments.amountQepik,
      remainderQepik: remainderSql,
      bankReference: payments.bankReference,
      economicClassCode: payments.economicClassCode,
      activityCode: payments.activityCode,
    })
    .from(payments)
    .where(where)
    .orderBy(desc(payments.paymentDate), desc(payments.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [totals] = await db
    .select({ n: count(), remainder: sumAsText(remainderSql) })
    .from(payments)
    .where(where);
  return {
    rows: rows.map((r) => ({ ...r, remainderQepik: exactQepikTotal(r.remainderQepik) })),
    total: totals?.n ?? 0,
    totalRemainderQepik: exactQepikTotal(totals?.remainder),
    page,
    pageSize,
  };
}
