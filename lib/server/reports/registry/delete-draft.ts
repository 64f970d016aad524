import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { reportPayments, reports, submissions } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertNotStaffView, type EmployerScope } from '../../access';
import { writeAudit } from '../../audit';

import { AppError } from '../../errors';
import { loadReportContext } from '../persons/report-context';

/**
 * "Sil" in the registry (SPEC G1): deletes a draft with everything entered in it. Only a draft
 * that was never sent: a signed report is evidence and stays. Its rows in the child tables go
 * with it (ON DELETE CASCADE), so the parts of payments it used are free for other reports.
 */
export async function deleteDraft(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string },
): Promise<void> {
  assertNotStaffView(scope);
  await db.transaction(async (tx) => {
    const report = await loadReportContext(tx, scope, input.reportId, { lock: true, draft: true });
    const [sent] = await tx
      .select({ id: submissions.id })
      .from(submissions)
      .where(and(eq(submissions.reportId, report.id), eq(submissions.employerId, scope.employerId)))
      .limit(1);
    if (sent) throw new AppError('REPORT_NOT_DRAFT');
    const [used] = await tx
      .select({
        payments: sql<number>`count(*)::int`,
        amountQepik: sql<number>`coalesce(sum(${reportPayments.amountQepik}), 0)::bigint`,
      })
      .from(reportPayments)
      .where(
        and(
          eq(reportPayments.reportId, report.id),
          eq(reportPayments.employerId, scope.employerId),
        ),
      );
    await tx
      .delete(reports)
      .where(and(eq(reports.id, report.id), eq(reports.employerId, scope.employerId)));
    await writeAudit(tx, {
      action: 'REPORT_DELETED',
      outcome: 'SUCCESS',
      actorFin: scope.fin,
      employerId: scope.employerId,
      details: {
        reportId: report.id,
        reportType: report.reportType,
        year: report.year,
        quarter: report.quarter,
        activityCode: report.activityCode,
        releasedPayments: Number(used?.payments ?? 0),
        releasedQepik: Number(used?.amountQepik ?? 0),
        via: scope.via,
      },
    });
  });
}
