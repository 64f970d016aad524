import 'server-only';
import type { DbOrTx } from '@/db/types';
import { stepById } from '@/lib/report-wizard/steps';
import type { EmployerScope } from '../access';
import { now } from '../clock';
import { quarterBounds } from './report-draft';
import { ledgerEntriesBetween } from './report-ledger';
import { upsertReportLine } from './report-line-store';
import { AppError } from '../errors';
import { loadReportContext } from './persons/report-context';
import { changeDraft } from './draft-change';

/**
 * "DAVAM ET" on a notice, read-only or optional-list step (F4, F5, F6, F8, F9, F10, F12, F17,
 * F23, F24 — the registry's completesOnContinue): records in step_state that it was passed.
 * Steps with their own form refuse (they are saved by their use case). F12 also stores the
 * sanctions and fines shown as the SANCTIONS_FINES line, so the report states what was seen.
 */
export async function markStepSeen(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; step: string; version?: number },
  asOf: Date = now(),
): Promise<{ version: number }> {
  const step = stepById(input.step);
  if (!step) throw new AppError('STEP_UNKNOWN', { field: 'step' });
  if (!step.completesOnContinue) throw new AppError('STEP_NOT_SEEN_ON_CONTINUE', { field: 'step' });
  return db.transaction(async (tx) => {
    const report = await loadReportContext(tx, scope, input.reportId, {
      lock: true,
      draft: true,
      version: input.version,
    });
    let details: Record<string, unknown> = {};
    if (step.id === 'F12') {
      const entries = await ledgerEntriesBetween(
        tx,
        scope.employerId,
        report.activityCode,
        ['FINE', 'SANCTION'],
        quarterBounds(report),
      );
      const accruedQepik = entries.reduce((sum, e) => sum + e.amountQepik, 0);
      await upsertReportLine(tx, scope, report.id, 'SANCTIONS_FINES', { accruedQepik });
      details = { sanctionsQepik: accruedQepik };
    }
    const version = await changeDraft(tx, scope, report, {
      step: step.id,
      asOf,
      markSaved: true,
      // Passing a step changes nothing, except F12, which records the sanctions it showed.
      seenOnly: step.id !== 'F12',
      details,
    });
    return { version };
  });
}
