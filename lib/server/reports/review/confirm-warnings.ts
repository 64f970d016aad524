import 'server-only';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../../access';
import { writeAudit } from '../../audit';
import { now } from '../../clock';
import { withWarningTexts } from '../distribution/distribution-warnings';
import { loadReportTotals } from '../figures/load-report-figures';
import { loadReportContext } from '../persons/report-context';
import { readConfirmations } from './confirmations';
import { AppError } from '../../errors';
import { changeDraft } from '../draft-change';

export const MAX_REASON_LENGTH = 500;

/**
 * Confirms warnings of the check page, each with a reason (DOMAIN.md §6: warnings need an
 * explicit confirmation with a reason). Keys are those getReportReview gives; a key that is no
 * longer a warning is refused (WARNING_UNKNOWN), so a stale page cannot confirm something else.
 */
export async function confirmWarnings(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; confirmations: readonly { key: string; reason: string }[] },
  asOf: Date = now(),
): Promise<void> {
  assertScopeService(scope, 'REPORTS');
  await db.transaction(async (tx) => {
    const report = await loadReportContext(tx, scope, input.reportId, { lock: true, draft: true });
    const warnings = withWarningTexts((await loadReportTotals(tx, report, { asOf })).warnings);
    const stored = readConfirmations(report.confirmations);
    input.confirmations.forEach(({ key, reason }, index) => {
      const warning = warnings.find((w) => w.key === key);
      if (!warning) throw new AppError('WARNING_UNKNOWN', { field: `confirmations.${index}` });
      const text = (reason ?? '').trim();
      if (text === '')
        throw new AppError('REASON_REQUIRED', { field: `confirmations.${index}.reason` });
      if (text.length > MAX_REASON_LENGTH) {
        throw new AppError('REASON_TOO_LONG', {
          field: `confirmations.${index}.reason`,
          params: { max: MAX_REASON_LENGTH },
        });
      }
      stored[key] = {
        reason: text,
        differenceQepik: warning.differenceQepik,
        confirmedByFin: scope.fin,
        confirmedAt: asOf.toISOString(),
      };
    });
    await changeDraft(tx, scope, report, {
      step: 'REVIEW',
      asOf,
      silent: true,
      keepReady: true,
      set: { confirmations: stored },
    });
    await writeAudit(tx, {
      action: 'REPORT_WARNINGS_CONFIRMED',
      outcome: 'SUCCESS',
      actorFin: scope.fin,
      employerId: scope.employerId,
      details: { reportId: report.id, keys: input.confirmations.map((c) => c.key) },
    });
  });
}
