import 'server-only';
import { and, eq, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { reports } from '@/db/schema';
import {
  checkEnteredAmount,
  MAX_AMOUNT_QEPIK,
  quarterMonths,
  type MonthKey,
  type YearQuarter,
} from '@/lib/domain';
import type { EmployerScope } from '../access';
import { AppError } from '../errors';

// Shared plumbing of the wizard's use cases: the quarter of a report, its child rows, and the
// checks of an amount or a month. Every mutation goes loadReportContext({ lock, draft }) →
// change → changeDraft (draft-change.ts) in one transaction.

export type ReportRow = typeof reports.$inferSelect;

/** The report's quarter and its three months in order (m1..m3 of report_persons). */
export function reportPeriod(report: Pick<ReportRow, 'year' | 'quarter'>): {
  period: YearQuarter;
  months: [MonthKey, MonthKey, MonthKey];
} {
  const period = { year: report.year, quarter: report.quarter as YearQuarter['quarter'] };
  return { period, months: quarterMonths(period) };
}

/** First and last day of the quarter ('YYYY-MM-DD'), for date-range queries. */
export function quarterBounds(report: Pick<ReportRow, 'year' | 'quarter'>): {
  from: string;
  to: string;
} {
  const [m1, , m3] = reportPeriod(report).months;
  const [y, m] = m3.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${m1}-01`, to: `${m3}-${String(lastDay).padStart(2, '0')}` };
}

/** A table owned by a report (report_id, employer_id). */
export type ReportChild = { reportId: AnyPgColumn; employerId: AnyPgColumn };

/** Rows of a report's child table, always also filtered on the scope's employer. */
export function ofReport(table: ReportChild, reportId: string, scope: EmployerScope): SQL {
  return and(eq(table.reportId, reportId), eq(table.employerId, scope.employerId)) as SQL;
}

/**
 * A qəpik amount from the caller: whole, ≥ 0 (or > 0 when `positive`) and at most
 * MAX_AMOUNT_QEPIK, the bound of one entered figure (issue 10 §5), whichever path it came by.
 */
export function checkQepik(
  value: unknown,
  field: string,
  options: { positive?: boolean } = {},
): number {
  const checked = checkEnteredAmount(value);
  if (!checked.ok) {
    if (checked.code === 'AMOUNT_TOO_LARGE') {
      throw new AppError('AMOUNT_TOO_LARGE', { field, params: { maxQepik: MAX_AMOUNT_QEPIK } });
    }
    throw new AppError('AMOUNT_INVALID', { field });
  }
  if (options.positive && checked.value === 0) {
    throw new AppError('AMOUNT_NOT_POSITIVE', { field });
  }
  return checked.value;
}

/** The month if it is one of the report's quarter months, else MONTH_OUTSIDE_QUARTER. */
export function checkQuarterMonth(report: ReportRow, month: unknown, field: string): MonthKey {
  const { months } = reportPeriod(report);
  if (typeof month !== 'string' || !(months as string[]).includes(month)) {
    throw new AppError('MONTH_OUTSIDE_QUARTER', {
      field,
      params: { months: months.join(', ') },
    });
  }
  return month;
}
