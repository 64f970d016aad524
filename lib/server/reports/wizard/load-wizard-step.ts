import 'server-only';
import { notFound, redirect } from 'next/navigation';
import type { ValidationResult } from '@/lib/domain';
import {
  nextStep,
  previousStep,
  stepBySlug,
  STEPS,
  stepStatus,
  type StepDefinition,
} from '@/lib/report-wizard/steps';
import { loadInScope, requireEmployerAccess, type EmployerScope } from '../../access';
import { isAppError } from '../../errors';
import { findOverBoundAmounts } from '../find-over-bound-amounts';
import { draftSummaryOf } from '../get-draft-summary';
import { getReport, type ReportView } from '../get-report';
import { loadReportContext } from '../persons/report-context';
import { loadDraftReview, type DraftReview } from '../review/draft-review';

export type LoadedStep = {
  scope: EmployerScope;
  report: ReportView;
  step: StepDefinition;
  hrefOf: (step: StepDefinition | null) => string | null;
  nextHref: string;
  backHref: string | null;
  menu: { id: string; href: string; status: ReturnType<typeof stepStatus> }[];
  /** Stored amounts beyond the bound (issue 10 §5), shown at the top of every step. */
  overBound: ValidationResult[];
  /**
   * The draft's check figures (F10, F17, F19, F22, F23, the check page), read once per request
   * from report_review_cache; throws CALCULATION_FAILED when they cannot be computed, which
   * the step page shows in words.
   */
  review: () => DraftReview;
};

type Checked = { review: DraftReview; failure: null } | { review: null; failure: unknown };

/**
 * Everything a wizard page needs, through the guard: the draft (another employer's id is a 404),
 * the step from the URL, the menu/next/back derived from the one step registry, and the draft's
 * check figures. Few queries whatever the draft's size (issue 15): the guard's, the report row,
 * its small child tables in one statement, and the cached figures (one when warm). The page
 * calls it once and hands the result to its step body.
 */
export async function loadWizardStep(reportId: string, slug: string): Promise<LoadedStep> {
  const scope = await requireEmployerAccess('REPORTS');
  const step = stepBySlug(slug);
  if (!step) notFound();
  // Another employer's id (or none at all) is a probe: audited, and the not-found page.
  const { report, checked, overBound } = await loadInScope(scope, 'page:reportStep', async (db) => {
    const context = await loadReportContext(db, scope, reportId);
    let checked: Checked;
    try {
      checked = { review: await loadDraftReview(db, context), failure: null };
    } catch (error) {
      if (!isAppError(error) || error.code !== 'CALCULATION_FAILED') throw error;
      checked = { review: null, failure: error };
    }
    return {
      checked,
      report: await getReport(db, scope, reportId, {
        report: context,
        ...(checked.review ? { debtStartQepik: checked.review.debtStartQepik } : {}),
      }),
      // A draft whose figures cannot be computed still shows where its big amounts are.
      overBound: checked.review?.overBound ?? (await findOverBoundAmounts(db, context)),
    };
  });
  // A sent report is read-only: its sections live on the view page (issue 6 §2).
  if (report.status !== 'DRAFT' && report.status !== 'RETURNED')
    redirect(`/reports/${report.id}/view`);
  const summary = draftSummaryOf(report);
  const messages = checked.review?.messages ?? overBound;
  const hrefOf = (s: StepDefinition | null) => (s ? `/reports/${report.id}/${s.slug}` : null);
  return {
    scope,
    report,
    step,
    hrefOf,
    nextHref: hrefOf(nextStep(summary, step.id)) ?? `/reports/${report.id}/check-answers`,
    backHref: hrefOf(previousStep(summary, step.id)),
    menu: STEPS.filter((s) => s.isApplicable(summary)).map((s) => ({
      id: s.id,
      href: hrefOf(s) ?? '#',
      status: stepStatus(summary, s.id, messages),
    })),
    overBound,
    review: () => {
      if (checked.review) return checked.review;
      throw checked.failure;
    },
  };
}
