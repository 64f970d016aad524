import 'server-only';
import { and, eq } from 'drizzle-orm';
import { reportPersons } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../../access';
import { writeAudit } from '../../audit';
import { now } from '../../clock';
import { AppError } from '../../errors';
import { requireIncomes, requirePersonFin } from './person-input';
import { loadReportContext } from './report-context';
import { changeDraft } from '../draft-change';

/**
 * Changes a person's monthly incomes in a draft (SPEC F20). The name stays the registry
 * snapshot; a FIN not in this report (or the report of another employer) answers NOT_FOUND.
 */
export async function updateReportPerson(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; fin: string; incomesQepik: readonly (number | null)[] },
  asOf: Date = now(),
): Promise<void> {
  assertScopeService(scope, 'REPORTS');
  const fin = requirePersonFin(input.fin);
  const incomes = requireIncomes(input.incomesQepik);
  await db.transaction(async (tx) => {
    const report = await loadReportContext(tx, scope, input.reportId, { lock: true, draft: true });
    const updated = await tx
      .update(reportPersons)
      .set({ incomeM1Qepik: incomes[0], incomeM2Qepik: incomes[1], incomeM3Qepik: incomes[2] })
      .where(
        and(
          eq(reportPersons.reportId, report.id),
          eq(reportPersons.employerId, scope.employerId),
          eq(reportPersons.fin, fin),
        ),
      )
      .returning({ fin: reportPersons.fin });
    if (updated.length === 0) throw new AppError('NOT_FOUND');
    await changeDraft(tx, scope, report, { step: 'F20', asOf: asOf, silent: true });
    await writeAudit(tx, {
      action: 'REPORT_PERSON_UPDATED',
      outcome: 'SUCCESS',
      actorFin: scope.fin,
      employerId: scope.employerId,
      details: { reportId: report.id, fin },
    });
  });
}
