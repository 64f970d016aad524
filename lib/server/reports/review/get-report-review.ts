import 'server-only';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../../access';
import { loadReportContext } from '../persons/report-context';
import { buildReportReview, type ReportReview } from './build-report-review';

export type { ReportReview } from './build-report-review';
export type { ReviewMessage } from './review-messages';

/**
 * "Check your answers" (issue 5 §7, DOMAIN.md §6): every section of the report summarised with
 * its step for the change link, the balance, and every blocking error and warning with az/en
 * text. Reads only.
 */
export async function getReportReview(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string },
): Promise<ReportReview> {
  assertScopeService(scope, 'REPORTS');
  const report = await loadReportContext(db, scope, input.reportId);
  return buildReportReview(db, report);
}
