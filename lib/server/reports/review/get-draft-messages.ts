import 'server-only';
import type { DbOrTx } from '@/db/types';
import type { ValidationResult } from '@/lib/domain';
import { assertScopeService, type EmployerScope } from '../../access';
import { isAppError } from '../../errors';
import { findOverBoundAmounts } from '../find-over-bound-amounts';
import { loadReportContext } from '../persons/report-context';
import { loadDraftReview } from './draft-review';

/**
 * What the "Addımlar" menu marks (issue 11 §3): the draft's rules through the same engine as
 * the check page (its cached result, draft-review.ts), so "has errors" shows on every step that
 * has one. A draft whose figures cannot be computed still shows where its over-bound amounts are.
 */
export async function getDraftMessages(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string },
): Promise<Pick<ValidationResult, 'step' | 'severity'>[]> {
  assertScopeService(scope, 'REPORTS');
  const report = await loadReportContext(db, scope, input.reportId);
  try {
    return (await loadDraftReview(db, report)).messages;
  } catch (error) {
    if (isAppError(error) && error.code === 'CALCULATION_FAILED')
      return findOverBoundAmounts(db, report);
    throw error;
  }
}
