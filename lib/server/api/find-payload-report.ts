import 'server-only';
import { and, eq } from 'drizzle-orm';
import { reportPayments, reports } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { EmployerScope } from '../access';
import { exactQepikTotal, sumAsText } from '../exact-sum';

export type PayloadReport = {
  id: string;
  status: (typeof reports.$inferSelect)['status'];
  paidQepik: number;
};

/**
 * The employer's İlkin report for (activity code, year, quarter), if any — the one the payroll
 * API creates or replaces (issue 5 §3, §9) — with the payments it uses (F6, kept on replace).
 * `lock` takes its row lock, so two uploads of the same report queue.
 */
export async function findPayloadReport(
  db: DbOrTx,
  scope: EmployerScope,
  key: { activityCode: string; year: number; quarter: number },
  options: { lock?: boolean } = {},
): Promise<PayloadReport | null> {
  const query = db
    .select({ id: reports.id, status: reports.status })
    .from(reports)
    .where(
      and(
        eq(reports.employerId, scope.employerId),
        eq(reports.activityCode, key.activityCode),
        eq(reports.year, key.year),
        eq(reports.quarter, key.quarter),
        eq(reports.reportType, 'INITIAL'),
      ),
    );
  const [report] = options.lock ? await query.for('update') : await query;
  if (!report) return null;
  const [paid] = await db
    .select({ total: sumAsText(reportPayments.amountQepik).mapWith(exactQepikTotal) })
    .from(reportPayments)
    .where(
      and(eq(reportPayments.reportId, report.id), eq(reportPayments.employerId, scope.employerId)),
    );
  return { ...report, paidQepik: paid?.total ?? 0 };
}
