import 'server-only';
import { and, eq } from 'drizzle-orm';
import { reportSeniority } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../../access';
import { writeAudit } from '../../audit';
import { now } from '../../clock';
import { AppError } from '../../errors';
import { isUuid } from '../../uuid';
import { loadReportContext } from '../persons/report-context';
import { changeDraft } from '../draft-change';

/** Removes one preferential-seniority row of a draft (SPEC F24); another report's id is NOT_FOUND. */
export async function deleteSeniority(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; id: string },
  asOf: Date = now(),
): Promise<void> {
  assertScopeService(scope, 'REPORTS');
  if (!isUuid(input.id)) throw new AppError('NOT_FOUND');
  await db.transaction(async (tx) => {
    const report = await loadReportContext(tx, scope, input.reportId, { lock: true, draft: true });
    const deleted = await tx
      .delete(reportSeniority)
      .where(
        and(
          eq(reportSeniority.id, input.id),
          eq(reportSeniority.reportId, report.id),
          eq(reportSeniority.employerId, scope.employerId),
        ),
      )
      .returning({ id: reportSeniority.id });
    if (deleted.length === 0) throw new AppError('NOT_FOUND');
    await changeDraft(tx, scope, report, {
      step: 'F24',
      asOf: asOf,
      silent: true,
      keepDistribution: true,
    });
    await writeAudit(tx, {
      action: 'REPORT_SENIORITY_DELETED',
      outcome: 'SUCCESS',
      actorFin: scope.fin,
      employerId: scope.employerId,
      details: { reportId: report.id, id: input.id },
    });
  });
}
