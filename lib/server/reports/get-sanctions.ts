import 'server-only';
import type { DbOrTx } from '@/db/types';
import type { EmployerScope } from '../access';
import { quarterBounds } from './report-draft';
import { ledgerEntriesBetween, type LedgerEntryView } from './report-ledger';
import { loadReportContext } from './persons/report-context';

/**
 * F12: financial sanctions and administrative fines applied to the employer for this activity
 * code, dated inside the quarter (SPEC F12, DOMAIN.md §6). Read-only; passing the step
 * ("DAVAM ET", markStepSeen F12) stores the total as the SANCTIONS_FINES line's accrued amount.
 */
export async function getSanctions(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string },
): Promise<{ entries: LedgerEntryView[]; totalQepik: number }> {
  const report = await loadReportContext(db, scope, input.reportId);
  const entries = await ledgerEntriesBetween(
    db,
    scope.employerId,
    report.activityCode,
    ['FINE', 'SANCTION'],
    quarterBounds(report),
  );
  return { entries, totalQepik: entries.reduce((sum, e) => sum + e.amountQepik, 0) };
}
