import 'server-only';
import { and, asc, eq, inArray, min } from 'drizzle-orm';
import { employerActivityCodes, ledgerEntries, payments, reports } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import {
  compareYearQuarter,
  earliestUnfiledQuarter,
  lastEndedQuarter,
  quarterMonths,
  quarterOfMonth,
  type YearQuarter,
} from '@/lib/domain';
import { assertScopeService, type EmployerScope } from '../access';
import { now, todayInBaku } from '../clock';

/** The first year a report can be made for (createReport refuses earlier ones). */
export const FIRST_REPORT_YEAR = 2019;

// A quarter counts as filed once its initial report reached the fund: sent, accepted, or
// accepted and since replaced by a corrective one. A draft or a returned report is not filed.
const FILED_STATUSES = ['SENT', 'ACCEPTED', 'REPLACED'] as const;

export type DefaultReportPeriods = {
  /** Per registered activity code: the quarter "Yeni Hesabat" starts on. */
  byActivityCode: Record<string, YearQuarter>;
  /** The earliest year the employer has data for (ledger, payments, reports), ≥ 2019. */
  earliestYear: number;
};

/** The employer's earliest dated fact, 'YYYY-MM-DD', or null for an employer with none. */
async function firstDataDate(db: DbOrTx, employerId: string): Promise<string | null> {
  const [ledger] = await db
    .select({ day: min(ledgerEntries.entryDate) })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.employerId, employerId));
  const [paid] = await db
    .select({ day: min(payments.paymentDate) })
    .from(payments)
    .where(eq(payments.employerId, employerId));
  const [reported] = await db
    .select({ year: reports.year, quarter: reports.quarter })
    .from(reports)
    .where(eq(reports.employerId, employerId))
    .orderBy(asc(reports.year), asc(reports.quarter))
    .limit(1);
  const reportDay = reported
    ? `${quarterMonths({ year: reported.year, quarter: reported.quarter as YearQuarter['quarter'] })[0]}-01`
    : null;
  const days = [ledger?.day, paid?.day, reportDay].filter((d): d is string => Boolean(d));
  return days.sort()[0] ?? null;
}

/**
 * The quarter a new report starts on for each of the employer's activity codes (SPEC F2,
 * issue 10): the earliest quarter that has ended and has no filed initial report for the code,
 * counted from the quarter of the employer's first data (never before 2019); when every ended
 * quarter is filed, the latest ended one.
 */
export async function findDefaultReportPeriods(
  db: DbOrTx,
  scope: EmployerScope,
  asOf: Date = now(),
): Promise<DefaultReportPeriods> {
  assertScopeService(scope, 'REPORTS');
  const today = todayInBaku(asOf);
  const last = lastEndedQuarter(today);
  if (!last.ok) throw new Error(`findDefaultReportPeriods: clock gave ${today}`);
  const codes = await db
    .select({ code: employerActivityCodes.activityCode })
    .from(employerActivityCodes)
    .where(eq(employerActivityCodes.employerId, scope.employerId));
  const filed = await db
    .selectDistinct({
      activityCode: reports.activityCode,
      year: reports.year,
      quarter: reports.quarter,
    })
    .from(reports)
    .where(
      and(
        eq(reports.employerId, scope.employerId),
        eq(reports.reportType, 'INITIAL'),
        inArray(reports.status, [...FILED_STATUSES]),
      ),
    );
  const firstDay = await firstDataDate(db, scope.employerId);
  const firstQuarter = firstDay ? quarterOfMonth(firstDay.slice(0, 7)) : null;
  const floor: YearQuarter = { year: FIRST_REPORT_YEAR, quarter: 1 };
  // From the quarter of the employer's first data, never before 2019; no data: the latest ended.
  const from = !firstQuarter?.ok
    ? last.value
    : compareYearQuarter(firstQuarter.value, floor) < 0
      ? floor
      : firstQuarter.value;
  const byActivityCode: Record<string, YearQuarter> = {};
  for (const { code } of codes) {
    const start = earliestUnfiledQuarter({
      from,
      today,
      filed: filed
        .filter((r) => r.activityCode === code)
        .map((r) => ({ year: r.year, quarter: r.quarter as YearQuarter['quarter'] })),
    });
    byActivityCode[code] = start.ok ? start.value : last.value;
  }
  return {
    byActivityCode,
    earliestYear: Math.min(Math.max(from.year, FIRST_REPORT_YEAR), last.value.year),
  };
}
