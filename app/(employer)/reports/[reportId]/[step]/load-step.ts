import 'server-only';
import { notFound, redirect } from 'next/navigation';
import {
  nextStep,
  previousStep,
  stepBySlug,
  STEPS,
  stepStatus,
  type StepDefinition,
} from '@/lib/report-wizard/steps';
import { loadInScope, requireEmployerAccess, type EmployerScope } from '@/lib/server/access';
import { getDraftSummary } from '@/lib/server/reports/get-draft-summary';
import { getReport, type ReportView } from '@/lib/server/reports/get-report';
import { getDraftMessages } from '@/lib/server/reports/review/get-draft-messages';

export type LoadedStep = {
  scope: EmployerScope;
  report: ReportView;
  step: StepDefinition;
  hrefOf: (step: StepDefinition | null) => string | null;
  nextHref: string;
  backHref: string | null;
  menu: { id: string; href: string; status: ReturnType<typeof stepStatus> }[];
};

/**
 * Everything a wizard page needs, through the guard: the draft (another employer's id is a 404),
 * the step from the URL, and the menu/next/back derived from the one step registry.
 */
export async function loadStep(reportId: string, slug: string): Promise<LoadedStep> {
  const scope = await requireEmployerAccess('REPORTS');
  const step = stepBySlug(slug);
  if (!step) notFound();
  // Another employer's id (or none at all) is a probe: audited, and the not-found page.
  const { report, summary, messages } = await loadInScope(scope, 'page:reportStep', async (db) => ({
    report: await getReport(db, scope, reportId),
    summary: await getDraftSummary(db, scope, reportId),
    messages: await getDraftMessages(db, scope, { reportId }),
  }));
  // A sent report is read-only: its sections live on the view page (issue 6 §2).
  if (report.status !== 'DRAFT' && report.status !== 'RETURNED')
    redirect(`/reports/${report.id}/view`);
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
  };
}
