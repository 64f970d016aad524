import 'server-only';
import type { DbOrTx } from '@/db/types';
import { reportSignatories } from '@/db/schema';
import { assertScopeService, type EmployerScope } from '../../access';
import { writeAudit } from '../../audit';
import { now } from '../../clock';
import { loadReportContext } from '../persons/report-context';
import { findSignatory, type FoundSignatory } from './find-signatory';
import { AppError } from '../../errors';
import { changeDraft } from '../draft-change';

export const SIGNATORY_ROLES = ['RESPONSIBLE', 'CHIEF_ACCOUNTANT'] as const;
export type SignatoryRole = (typeof SIGNATORY_ROLES)[number];

/**
 * "Əlavə et" (SPEC F25): sets the responsible person or the chief accountant of a draft. The
 * person is looked up again (the name shown after "AXTAR" is never taken from the client);
 * saving a role again replaces the previous person in it.
 */
export async function saveSignatory(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; role: string; fin: string; documentType: string },
  asOf: Date = now(),
): Promise<FoundSignatory & { role: SignatoryRole }> {
  assertScopeService(scope, 'REPORTS');
  const role = input.role as SignatoryRole;
  if (!SIGNATORY_ROLES.includes(role)) throw new AppError('SIGNATORY_ROLE', { field: 'role' });
  const person = await findSignatory(db, scope, input);
  return db.transaction(async (tx) => {
    const report = await loadReportContext(tx, scope, input.reportId, { lock: true, draft: true });
    const row = {
      reportId: report.id,
      employerId: scope.employerId,
      role,
      fin: person.fin,
      documentType: person.documentType,
      surname: person.surname,
      name: person.name,
      patronymic: person.patronymic,
    };
    await tx
      .insert(reportSignatories)
      .values(row)
      .onConflictDoUpdate({
        target: [reportSignatories.reportId, reportSignatories.role],
        set: row,
      });
    await changeDraft(tx, scope, report, {
      step: 'F25',
      asOf: asOf,
      silent: true,
      keepDistribution: true,
    });
    await writeAudit(tx, {
      action: 'REPORT_SIGNATORY_SAVED',
      outcome: 'SUCCESS',
      actorFin: scope.fin,
      employerId: scope.employerId,
      details: { reportId: report.id, role, fin: person.fin },
    });
    return { ...person, role };
  });
}
