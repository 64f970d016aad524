import 'server-only';
import { and, eq } from 'drizzle-orm';
import { reportPersons } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { populationRegistry } from '@/lib/integrations/population-registry';
import { assertScopeService, type EmployerScope } from '../../access';
import { writeAudit } from '../../audit';
import { now } from '../../clock';
import { isUniqueViolation } from '../../db-errors';
import { requireIncomes, requirePersonFin } from './person-input';
import { loadReportContext } from './report-context';
import { AppError } from '../../errors';
import { changeDraft } from '../draft-change';

export type AddReportPersonInput = {
  reportId: string;
  fin: string;
  /** Qəpik for the quarter's months in order; null = not employed that month. */
  incomesQepik: readonly (number | null)[];
};

export type AddedReportPerson = { fin: string; surname: string; name: string; patronymic: string };

/**
 * Adds an insured person to a draft by FIN (SPEC F20, DOMAIN.md §6, §9): the registry gives
 * the name (snapshot), a FIN it does not know is refused at the FIN field, and a FIN already in
 * the report is refused (also when a concurrent add wins: the primary key decides).
 */
export async function addReportPerson(
  db: DbOrTx,
  scope: EmployerScope,
  input: AddReportPersonInput,
  asOf: Date = now(),
): Promise<AddedReportPerson> {
  assertScopeService(scope, 'REPORTS');
  const fin = requirePersonFin(input.fin);
  const incomes = requireIncomes(input.incomesQepik);
  const person = await populationRegistry(db).findPerson(fin);
  if (!person) throw new AppError('PERSON_NOT_FOUND', { field: 'fin' });
  try {
    return await db.transaction(async (tx) => {
      const report = await loadReportContext(tx, scope, input.reportId, {
        lock: true,
        draft: true,
      });
      const [existing] = await tx
        .select({ fin: reportPersons.fin })
        .from(reportPersons)
        .where(and(eq(reportPersons.reportId, report.id), eq(reportPersons.fin, fin)));
      if (existing) throw new AppError('PERSON_DUPLICATE', { field: 'fin' });
      await tx.insert(reportPersons).values({
        reportId: report.id,
        employerId: report.employerId,
        fin,
        surname: person.surname,
        name: person.name,
        patronymic: person.patronymic,
        incomeM1Qepik: incomes[0],
        incomeM2Qepik: incomes[1],
        incomeM3Qepik: incomes[2],
      });
      await changeDraft(tx, scope, report, { step: 'F20', asOf: asOf, silent: true });
      await writeAudit(tx, {
        action: 'REPORT_PERSON_ADDED',
        outcome: 'SUCCESS',
        actorFin: scope.fin,
        employerId: scope.employerId,
        details: { reportId: report.id, fin },
      });
      return { fin, surname: person.surname, name: person.name, patronymic: person.patronymic };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('PERSON_DUPLICATE', { field: 'fin' });
    throw error;
  }
}
