import 'server-only';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../../access';
import { loadReportContext } from '../persons/report-context';
import { loadReportTotals } from '../figures/load-report-figures';
import { withWarningTexts, type DistributionWarning } from './distribution-warnings';

/**
 * The F23 warnings of a report as it stands now: per month, the difference, its cause and the
 * step that fixes it (DOMAIN.md §6), plus whether "BÖLÜŞDÜR" has been pressed since the last
 * change. Reads only; works on drafts and sent reports alike.
 */
export async function getDistributionWarnings(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string },
): Promise<{ warnings: DistributionWarning[]; distributedAt: Date | null }> {
  assertScopeService(scope, 'REPORTS');
  const report = await loadReportContext(db, scope, input.reportId);
  const { warnings } = await loadReportTotals(db, report);
  return { warnings: withWarningTexts(warnings), distributedAt: report.distributedAt };
}
