import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { reports, EDITABLE_STATUSES } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import {
  checkEnteredAmount,
  MAX_AMOUNT_QEPIK,
  quarterMonths,
  type MonthKey,
  type YearQuarter,
} from '@/lib/domain';
import { assertScopeService, type EmployerScope } from '../access';
import { writeAudit } from '../audit';
import { AppError } from '../errors';
import { isUuid } from '../uuid';

// Shared plumbing of the wizard's use cases: load a report through the scope, guard the draft,
// record a change. Every mutation goes lockDraft → change → touchDraft in one transaction.

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

/** The report if it belongs to the scope's employer; another employer's id answers NOT_FOUND. */
export async function getReportInScope(
  db: DbOrTx,
  scope: EmployerScope,
  reportId: string,
): Promise<ReportRow> {
  assertScopeService(scope, 'REPORTS');
  if (!isUuid(reportId)) throw new AppError('NOT_FOUND');
  const [report] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.id, reportId), eq(reports.employerId, scope.employerId)));
  if (!report) throw new AppError('NOT_FOUND');
  return report;
}

/**
 * Locks the draft row for the rest of the transaction (two tabs saving serialise here), after
 * checking scope, status and — when the caller passes it — the version the form was built on.
 */
export async function lockDraft(
  tx: DbOrTx,
  scope: EmployerScope,
  reportId: string,
  expectedVersion?: number,
): Promise<ReportRow> {
  assertScopeService(scope, 'REPORTS');
  if (!isUuid(reportId)) throw new AppError('NOT_FOUND');
  const [report] = await tx
    .select()
    .from(reports)
    .where(and(eq(reports.id, reportId), eq(reports.employerId, scope.employerId)))
    .for('update');
  if (!report) throw new AppError('NOT_FOUND');
  if (!EDITABLE_STATUSES.has(report.status)) throw new AppError('REPORT_NOT_DRAFT');
  if (expectedVersion !== undefined && expectedVersion !== report.version) {
    throw new AppError('CONFLICT');
  }
  return report;
}

/** Steps whose data the distribution (F19/F22) is computed from: a change makes it stale. */
const FEEDS_DISTRIBUTION: ReadonlySet<string> = new Set(['F6', 'F7', 'F8']);

/**
 * Bumps version and updated_at, optionally records the step as saved in step_state, and audits
 * REPORT_UPDATED with the step. Any change except passing a read-only step ("seen") withdraws
 * the "ready" mark, and a change to what the distribution uses withdraws the distribution, so
 * the check page never vouches for figures that have moved. Returns the new version.
 */
export async function touchDraft(
  tx: DbOrTx,
  scope: EmployerScope,
  report: ReportRow,
  change: {
    step: string;
    asOf: Date;
    markSaved?: boolean;
    seenOnly?: boolean;
    /** The change is made by sending itself (the penalty brought to the filing date). */
    keepReady?: boolean;
    details?: Record<string, unknown>;
  },
): Promise<number> {
  const saved = JSON.stringify({ [change.step]: change.asOf.toISOString() });
  const [updated] = await tx
    .update(reports)
    .set({
      version: sql`${reports.version} + 1`,
      updatedAt: change.asOf,
      ...(change.markSaved ? { stepState: sql`${reports.stepState} || ${saved}::jsonb` } : {}),
      ...(change.seenOnly || change.keepReady ? {} : { readyAt: null }),
      ...(FEEDS_DISTRIBUTION.has(change.step) && !change.seenOnly ? { distributedAt: null } : {}),
    })
    .where(and(eq(reports.id, report.id), eq(reports.employerId, scope.employerId)))
    .returning({ version: reports.version });
  await writeAudit(tx, {
    action: 'REPORT_UPDATED',
    outcome: 'SUCCESS',
    actorFin: scope.fin,
    employerId: scope.employerId,
    details: { reportId: report.id, step: change.step, via: scope.via, ...change.details },
  });
  return updated?.version ?? report.version + 1;
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
