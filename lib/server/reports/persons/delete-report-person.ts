import 'server-only';
import { and, eq } from 'drizzle-orm';
import { reportPersons, reportSeniority } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../../access';
import { writeAudit } from '../../audit';
import { now } from '../../clock';
import { AppError } from '../../errors';
import { requirePersonFin } from './person-input';
import { loadReportContext } from './report-context';
import { changeDraft } from '../draft-change';

/**
 * Removes an insured person from a draft (SPEC F20), with their preferential-seniority rows
 * (F24 accepts only persons of the report, so those rows would be orphans).
 */
export async function deleteReportPerson(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; fin: string },
  asOf: Date = now(),
): Promise<void> {
  assertScopeService(scope, 'REPORTS');
  const fin = requirePersonFin(input.fin);
  await db.transaction(async (tx) => {
    const report = await loadReportContext(tx, scope, input.reportId, { lock: true, draft: true });
    const deleted = await tx
      .delete(reportPersons)
      .where(
        and(
          eq(reportPersons.reportId, report.id),
          eq(reportPersons.employerId, scope.employerId),
          eq(reportPersons.fin, fin),
        ),
      )
      .returning({ fin: reportPersons.fin });
    if (deleted.length === 0) throw new AppError('NOT_FOUND');
    await tx
      .delete(reportSeniority)
      .where(
        and(
          eq(reportSeniority.reportId, report.id),
          eq(reportSeniority.employerId, scope.employerId),
          eq(reportSeniority.fin, fin),
        ),
      );
    await changeDraft(tx, scope, report, { step: 'F20', asOf: asOf, silent: true });
    await writeAudit(tx, {
      action: 'REPORT_PERSON_DELETED',
      outcome: 'SUCCESS',
      actorFin: scope.fin,
      employerId: scope.employerId,
      details: { reportId: report.id, fin },
    });
  });
}
