import 'server-only';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../../access';
import { writeAudit } from '../../audit';
import { now } from '../../clock';
import { loadReportContext } from '../persons/report-context';
import { buildReportReviewTotals } from './build-report-review';
import { AppError } from '../../errors';
import { changeDraft } from '../draft-change';

/**
 * Marks a draft ready to send after the check page (issue 5 §7, DOMAIN.md §6): refused while
 * any blocking error exists (REPORT_HAS_BLOCKING_ERRORS) or any warning lacks a confirmation
 * with a reason (WARNINGS_UNCONFIRMED). Checked under the report's row lock, so a concurrent
 * change either lands before the check or clears ready_at after it.
 */
export async function markReportReady(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string },
  asOf: Date = now(),
): Promise<{ readyAt: Date }> {
  assertScopeService(scope, 'REPORTS');
  return db.transaction(async (tx) => {
    const report = await loadReportContext(tx, scope, input.reportId, { lock: true, draft: true });
    const review = await buildReportReviewTotals(tx, report);
    if (review.blockingCount > 0) {
      throw new AppError('REPORT_HAS_BLOCKING_ERRORS', {
        params: { count: review.blockingCount },
      });
    }
    if (review.unconfirmedWarningCount > 0) {
      throw new AppError('WARNINGS_UNCONFIRMED', {
        params: { count: review.unconfirmedWarningCount },
      });
    }
    await changeDraft(tx, scope, report, {
      step: 'REVIEW',
      asOf,
      silent: true,
      set: { readyAt: asOf },
    });
    await writeAudit(tx, {
      action: 'REPORT_MARKED_READY',
      outcome: 'SUCCESS',
      actorFin: scope.fin,
      employerId: scope.employerId,
      details: {
        reportId: report.id,
        warnings: review.messages.filter((m) => m.key).map((m) => m.key),
      },
    });
    return { readyAt: asOf };
  });
}
