import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { preferentialSeniorityEntries, reportPersons, reportSeniority } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { dateFromDayNumber, dayNumber, isIsoDate } from '@/lib/domain';
import { assertScopeService, type EmployerScope } from '../../access';
import { writeAudit } from '../../audit';
import { now } from '../../clock';
import { requirePersonFin } from '../persons/person-input';
import { loadReportContext, type ReportContext } from '../persons/report-context';
import { AppError } from '../../errors';
import { changeDraft } from '../draft-change';

export type AddSeniorityInput = {
  reportId: string;
  fin: string;
  entryId: number;
  /** Either the number of days … */
  days?: number | null;
  /** … or a from–to within the quarter ('YYYY-MM-DD', inclusive). */
  fromDate?: string | null;
  toDate?: string | null;
};

function quarterBounds(report: ReportContext): { from: string; to: string; days: number } {
  const startMonth = (report.quarter - 1) * 3 + 1;
  const first = dayNumber(report.year, startMonth, 1);
  const next = dayNumber(
    startMonth === 10 ? report.year + 1 : report.year,
    startMonth === 10 ? 1 : startMonth + 3,
    1,
  );
  return { from: dateFromDayNumber(first), to: dateFromDayNumber(next - 1), days: next - first };
}

/** Days or dates, checked against the quarter (DOMAIN.md §8: "days or from–to within the quarter"). */
function checkPeriod(input: AddSeniorityInput, report: ReportContext) {
  const quarter = quarterBounds(report);
  const hasDays = input.days !== undefined && input.days !== null;
  const hasDates = Boolean(input.fromDate) || Boolean(input.toDate);
  if (hasDays === hasDates) throw new AppError('SENIORITY_PERIOD_REQUIRED', { field: 'days' });
  if (hasDays) {
    const days = input.days as number;
    if (!Number.isInteger(days) || days < 1 || days > quarter.days) {
      throw new AppError('SENIORITY_DAYS_RANGE', {
        field: 'days',
        params: { max: quarter.days },
      });
    }
    return { days, fromDate: null, toDate: null };
  }
  const from = input.fromDate ?? '';
  const to = input.toDate ?? '';
  const inside = (d: string) => isIsoDate(d) && d >= quarter.from && d <= quarter.to;
  if (!inside(from) || !inside(to) || from > to) {
    throw new AppError('SENIORITY_DATES_OUTSIDE_QUARTER', {
      field: inside(from) ? 'toDate' : 'fromDate',
      params: { from: quarter.from, to: quarter.to },
    });
  }
  return { days: null, fromDate: from, toDate: to };
}

/**
 * Adds a person with preferential seniority (SPEC F24, DOMAIN.md §8): the FIN must be one of
 * the report's insured persons, the list entry must exist, and the period is a number of days
 * (1 … days in the quarter) or a from–to inside the quarter. Returns the new row's id.
 */
export async function addSeniority(
  db: DbOrTx,
  scope: EmployerScope,
  input: AddSeniorityInput,
  asOf: Date = now(),
): Promise<{ id: string }> {
  assertScopeService(scope, 'REPORTS');
  const fin = requirePersonFin(input.fin);
  return db.transaction(async (tx) => {
    const report = await loadReportContext(tx, scope, input.reportId, { lock: true, draft: true });
    const [person] = await tx
      .select({ fin: reportPersons.fin })
      .from(reportPersons)
      .where(
        and(
          eq(reportPersons.reportId, report.id),
          eq(reportPersons.employerId, scope.employerId),
          eq(reportPersons.fin, fin),
        ),
      );
    if (!person) throw new AppError('SENIORITY_PERSON_NOT_IN_REPORT', { field: 'fin' });
    const entryId = Number.isSafeInteger(input.entryId) ? input.entryId : -1;
    const [entry] = await tx
      .select({ id: preferentialSeniorityEntries.id })
      .from(preferentialSeniorityEntries)
      .where(eq(preferentialSeniorityEntries.id, entryId));
    if (!entry) throw new AppError('SENIORITY_ENTRY_NOT_FOUND', { field: 'entryId' });
    const period = checkPeriod(input, report);
    const id = randomUUID();
    await tx
      .insert(reportSeniority)
      .values({ id, reportId: report.id, employerId: scope.employerId, fin, entryId, ...period });
    await changeDraft(tx, scope, report, {
      step: 'F24',
      asOf: asOf,
      silent: true,
      keepDistribution: true,
    });
    await writeAudit(tx, {
      action: 'REPORT_SENIORITY_ADDED',
      outcome: 'SUCCESS',
      actorFin: scope.fin,
      employerId: scope.employerId,
      details: { reportId: report.id, fin, entryId },
    });
    return { id };
  });
}
