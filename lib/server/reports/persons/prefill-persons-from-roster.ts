import 'server-only';
import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { employments, registryPersons, reportPersons } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { daysInMonth, parseMonthKey, type MonthKey } from '@/lib/domain';
import { assertScopeService, type EmployerScope } from '../../access';
import { writeAudit } from '../../audit';
import { now } from '../../clock';
import { loadReportContext } from './report-context';
import { changeDraft } from '../draft-change';

export type PrefillResult = {
  /** Persons of the roster employed in some month of the quarter. */
  rosterCount: number;
  added: number;
  /** Already in the report (kept as they are). */
  skipped: number;
};

function monthBounds(month: MonthKey): { first: string; last: string } {
  const parsed = parseMonthKey(month);
  if (!parsed.ok) throw new Error(`bad month ${month}`); // quarterMonths only makes valid ones
  const { year, month: m } = parsed.value;
  return {
    first: `${month}-01`,
    last: `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}`,
  };
}

/**
 * Copies the employer's roster for the report's activity code into the draft (SPEC F20; how a
 * 3,000-person employer starts, issue 5): each person's monthly wage in every month of the
 * quarter they were employed in (null otherwise), names from the registry. FINs already in the
 * report are skipped. One INSERT … SELECT, so the rows never travel through the app.
 */
export async function prefillPersonsFromRoster(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string },
  asOf: Date = now(),
): Promise<PrefillResult> {
  assertScopeService(scope, 'REPORTS');
  return db.transaction(async (tx) => {
    const report = await loadReportContext(tx, scope, input.reportId, { lock: true, draft: true });
    const bounds = report.months.map(monthBounds);
    const quarterStart = bounds[0]!.first;
    const quarterEnd = bounds[2]!.last;
    const wageIn = (b: { first: string; last: string }) =>
      sql<
        number | null
      >`case when ${employments.startDate} <= ${b.last}::date and (${employments.endDate} is null or ${employments.endDate} >= ${b.first}::date) then ${employments.monthlyWageQepik} end`;
    const roster = and(
      eq(employments.employerId, scope.employerId),
      eq(employments.activityCode, report.activityCode),
      lte(employments.startDate, quarterEnd),
      or(isNull(employments.endDate), gte(employments.endDate, quarterStart)),
    );
    const [counted] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(employments)
      .where(roster);
    const inserted = await tx
      .insert(reportPersons)
      .select(
        tx
          .select({
            reportId: sql<string>`${report.id}::uuid`.as('report_id'),
            employerId: employments.employerId,
            fin: employments.fin,
            surname: registryPersons.surname,
            name: registryPersons.name,
            patronymic: registryPersons.patronymic,
            incomeM1Qepik: wageIn(bounds[0]!).as('income_m1_qepik'),
            incomeM2Qepik: wageIn(bounds[1]!).as('income_m2_qepik'),
            incomeM3Qepik: wageIn(bounds[2]!).as('income_m3_qepik'),
          })
          .from(employments)
          .innerJoin(registryPersons, eq(registryPersons.fin, employments.fin))
          .where(roster),
      )
      .onConflictDoNothing()
      .returning({ fin: reportPersons.fin });
    const rosterCount = counted?.n ?? 0;
    if (inserted.length > 0)
      await changeDraft(tx, scope, report, { step: 'F20', asOf: asOf, silent: true });
    await writeAudit(tx, {
      action: 'REPORT_PERSONS_PREFILLED',
      outcome: 'SUCCESS',
      actorFin: scope.fin,
      employerId: scope.employerId,
      details: { reportId: report.id, added: inserted.length },
    });
    return { rosterCount, added: inserted.length, skipped: rosterCount - inserted.length };
  });
}
