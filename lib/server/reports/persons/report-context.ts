import 'server-only';
import { and, eq, getTableColumns } from 'drizzle-orm';
import { activityCodes, reports, EDITABLE_STATUSES } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { quarterMonths, type MonthKey, type Sector, type YearQuarter } from '@/lib/domain';
import { assertScopeService, type EmployerScope } from '../../access';
import { AppError } from '../../errors';
import { isUuid } from '../../uuid';

/**
 * A report as every use case sees it (issue 11 §4: one loader): its row, the sector of its
 * activity code, and its quarter's three months in order (index i is
 * report_persons.income_m{i+1}_qepik).
 */
export type ReportContext = Omit<typeof reports.$inferSelect, 'quarter'> & {
  quarter: YearQuarter['quarter'];
  sector: Sector;
  months: [MonthKey, MonthKey, MonthKey];
};

/**
 * The one report loader (ARCHITECTURE.md §5): loads a report through the scope — another
 * employer's id, or a malformed one, answers NOT_FOUND. `lock` takes the row lock for the rest
 * of the transaction, so concurrent writers of one report queue; `draft` refuses anything but
 * an editable report (REPORT_NOT_DRAFT); `version`, when given, must be the one the form was
 * built on (CONFLICT: another tab saved in between).
 */
export async function loadReportContext(
  db: DbOrTx,
  scope: EmployerScope,
  reportId: string,
  options: { lock?: boolean; draft?: boolean; version?: number } = {},
): Promise<ReportContext> {
  assertScopeService(scope, 'REPORTS');
  if (!isUuid(reportId)) throw new AppError('NOT_FOUND', { params: { reportId } });
  const query = db
    .select({ ...getTableColumns(reports), sector: activityCodes.sector })
    .from(reports)
    .innerJoin(activityCodes, eq(activityCodes.code, reports.activityCode))
    .where(and(eq(reports.id, reportId), eq(reports.employerId, scope.employerId)));
  const [row] = options.lock ? await query.for('update', { of: reports }) : await query;
  if (!row) throw new AppError('NOT_FOUND', { params: { reportId } });
  if (options.draft && !EDITABLE_STATUSES.has(row.status)) throw new AppError('REPORT_NOT_DRAFT');
  if (options.version !== undefined && options.version !== row.version)
    throw new AppError('CONFLICT');
  const quarter = row.quarter as YearQuarter['quarter'];
  return { ...row, quarter, months: quarterMonths({ year: row.year, quarter }) };
}
