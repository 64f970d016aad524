import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { activityCodes, reports, EDITABLE_STATUSES } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { quarterMonths, type MonthKey, type Sector, type YearQuarter } from '@/lib/domain';
import type { EmployerScope } from '../../access';
import { now } from '../../clock';
import { AppError } from '../../errors';
import { isUuid } from '../../uuid';

/** What the persons, distribution and review steps need to know about their report. */
export type ReportContext = {
  id: string;
  employerId: string;
  activityCode: string;
  sector: Sector;
  year: number;
  quarter: YearQuarter['quarter'];
  /** The quarter's months in order: index i is report_persons.income_m{i+1}_qepik. */
  months: [MonthKey, MonthKey, MonthKey];
  status: (typeof reports.$inferSelect)['status'];
  reportType: (typeof reports.$inferSelect)['reportType'];
  /** The accepted report a corrective one replaces. */
  replacesReportId: string | null;
  debtStartQepik: number;
  confirmations: unknown;
  distributedAt: Date | null;
  readyAt: Date | null;
};

/**
 * Loads a report through the scope (ARCHITECTURE.md §5): another employer's id, or a malformed
 * one, answers NOT_FOUND. `lock` takes the row lock so concurrent writers of one report queue
 * (call it inside the transaction); `draft` refuses anything but a DRAFT (REPORT_NOT_DRAFT).
 */
export async function loadReportContext(
  db: DbOrTx,
  scope: EmployerScope,
  reportId: string,
  options: { lock?: boolean; draft?: boolean } = {},
): Promise<ReportContext> {
  if (!isUuid(reportId)) throw new AppError('NOT_FOUND');
  const query = db
    .select({
      id: reports.id,
      employerId: reports.employerId,
      activityCode: reports.activityCode,
      sector: activityCodes.sector,
      year: reports.year,
      quarter: reports.quarter,
      status: reports.status,
      reportType: reports.reportType,
      replacesReportId: reports.replacesReportId,
      debtStartQepik: reports.debtStartQepik,
      confirmations: reports.confirmations,
      distributedAt: reports.distributedAt,
      readyAt: reports.readyAt,
    })
    .from(reports)
    .innerJoin(activityCodes, eq(activityCodes.code, reports.activityCode))
    .where(and(eq(reports.id, reportId), eq(reports.employerId, scope.employerId)));
  const [row] = options.lock ? await query.for('update', { of: reports }) : await query;
  if (!row) throw new AppError('NOT_FOUND');
  if (options.draft && !EDITABLE_STATUSES.has(row.status)) throw new AppError('REPORT_NOT_DRAFT');
  const quarter = row.quarter as YearQuarter['quarter'];
  return { ...row, quarter, months: quarterMonths({ year: row.year, quarter }) };
}

/**
 * Records that the draft changed: a "ready" mark made before no longer holds (the check page
 * must be re-run), nor does a distribution when amounts or persons changed (F22 must be
 * pressed again). Call inside the change's transaction.
 */
export async function markReportChanged(
  tx: DbOrTx,
  report: Pick<ReportContext, 'id' | 'employerId'>,
  asOf: Date = now(),
  options: { keepDistribution?: boolean } = {},
): Promise<void> {
  await tx
    .update(reports)
    .set({
      ...(options.keepDistribution ? {} : { distributedAt: null }),
      readyAt: null,
      updatedAt: asOf,
      version: sql`${reports.version} + 1`,
    })
    .where(and(eq(reports.id, report.id), eq(reports.employerId, report.employerId)));
}
