import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { employerActivityCodes, reportMonths, reports } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import {
  checkYearQuarter,
  compareYearQuarter,
  hasQuarterEnded,
  quarterOfMonth,
} from '@/lib/domain';
import { assertNotStaffView, assertScopeService, type EmployerScope } from '../access';
import { writeAudit } from '../audit';
import { now, todayInBaku } from '../clock';
import { isUniqueViolation } from '../db-errors';
import { reportPeriod } from './report-draft';
import { createCorrectiveReport } from '../submissions/create-corrective-report';
import { ledgerBalanceBefore } from './report-ledger';
import { AppError } from '../errors';

export type CreateReportInput = {
  reportType: string;
  year: number;
  quarter: number;
  activityCode: string;
};

async function findInitialReportId(
  db: DbOrTx,
  employerId: string,
  input: CreateReportInput,
): Promise<string | null> {
  const [existing] = await db
    .select({ id: reports.id })
    .from(reports)
    .where(
      and(
        eq(reports.employerId, employerId),
        eq(reports.activityCode, input.activityCode),
        eq(reports.year, input.year),
        eq(reports.quarter, input.quarter),
        eq(reports.reportType, 'INITIAL'),
      ),
    );
  return existing?.id ?? null;
}

/**
 * Creates a draft from steps F1–F3 (SPEC F1–F4, DOMAIN.md §6): type, a quarter that has ended
 * (PERIOD_NOT_ENDED otherwise, for an initial report), one of the employer's registered codes. One İlkin report per key: a second
 * is refused with REPORT_EXISTS naming the first (pre-check, and the partial unique index
 * reports_one_initial_uq decides a race). F4 is the ledger balance before the quarter.
 */
export async function createReport(
  db: DbOrTx,
  scope: EmployerScope,
  input: CreateReportInput,
  asOf: Date = now(),
): Promise<{ reportId: string }> {
  assertScopeService(scope, 'REPORTS');
  assertNotStaffView(scope);
  if (input.reportType !== 'INITIAL' && input.reportType !== 'CORRECTIVE')
    throw new AppError('REPORT_TYPE_UNKNOWN', { field: 'reportType' });
  const checked = checkYearQuarter(input.year, input.quarter);
  if (!checked.ok || input.year < 2019 || input.year > 2100) {
    throw new AppError('PERIOD_INVALID', { field: 'year' });
  }
  const today = todayInBaku(asOf);
  const current = quarterOfMonth(today.slice(0, 7));
  if (current.ok && compareYearQuarter(checked.value, current.value) > 0) {
    throw new AppError('PERIOD_IN_FUTURE', { field: 'quarter' });
  }
  // An initial report declares the whole quarter, so it waits until the quarter is over (the
  // last day included): filed earlier, it would miss the wages of the days still to come.
  if (input.reportType === 'INITIAL' && !hasQuarterEnded(checked.value, today)) {
    throw new AppError('PERIOD_NOT_ENDED', { field: 'quarter' });
  }
  const [registered] = await db
    .select({ code: employerActivityCodes.activityCode })
    .from(employerActivityCodes)
    .where(
      and(
        eq(employerActivityCodes.employerId, scope.employerId),
        eq(employerActivityCodes.activityCode, String(input.activityCode)),
      ),
    );
  if (!registered) throw new AppError('ACTIVITY_CODE_NOT_REGISTERED', { field: 'activityCode' });
  if (input.reportType === 'CORRECTIVE') {
    // A corrective report starts from the accepted one for the key (issue 6 §11).
    const [accepted] = await db
      .select({ id: reports.id })
      .from(reports)
      .where(
        and(
          eq(reports.employerId, scope.employerId),
          eq(reports.activityCode, input.activityCode),
          eq(reports.year, input.year),
          eq(reports.quarter, input.quarter),
          eq(reports.status, 'ACCEPTED'),
        ),
      );
    if (!accepted) throw new AppError('CORRECTIVE_NEEDS_ACCEPTED', { field: 'reportType' });
    return createCorrectiveReport(db, scope, { reportId: accepted.id }, asOf);
  }

  const reportId = randomUUID();
  const { months } = reportPeriod(input);
  try {
    await db.transaction(async (tx) => {
      const existingId = await findInitialReportId(tx, scope.employerId, input);
      if (existingId) throw new AppError('REPORT_EXISTS', { params: { reportId: existingId } });
      const debtStartQepik = await ledgerBalanceBefore(
        tx,
        scope.employerId,
        input.activityCode,
        `${months[0]}-01`,
      );
      await tx.insert(reports).values({
        id: reportId,
        employerId: scope.employerId,
        activityCode: input.activityCode,
        year: input.year,
        quarter: input.quarter,
        reportType: 'INITIAL',
        debtStartQepik,
        createdByFin: scope.fin,
        createdAt: asOf,
        updatedAt: asOf,
      });
      await tx
        .insert(reportMonths)
        .values(months.map((month) => ({ reportId, employerId: scope.employerId, month })));
      await writeAudit(tx, {
        action: 'REPORT_CREATED',
        outcome: 'SUCCESS',
        actorFin: scope.fin,
        employerId: scope.employerId,
        details: {
          reportId,
          reportType: 'INITIAL',
          year: input.year,
          quarter: input.quarter,
          activityCode: input.activityCode,
          via: scope.via,
        },
      });
    });
  } catch (error) {
    // A concurrent create won between the pre-check and the insert.
    if (!isUniqueViolation(error)) throw error;
    const existingId = await findInitialReportId(db, scope.employerId, input);
    throw new AppError('REPORT_EXISTS', { params: { reportId: existingId ?? '' } });
  }
  return { reportId };
}
