import 'server-only';
import { nextStep, type StepId } from '@/lib/report-wizard/steps';
import type { EmployerScope } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { getDraftSummary } from '@/lib/server/reports/get-draft-summary';

/** Where "Növbəti" / "DAVAM ET" of `stepId` leads: the next applicable step, else the check page. */
export async function nextStepHref(
  scope: EmployerScope,
  reportId: string,
  stepId: StepId,
): Promise<string> {
  const next = nextStep(await getDraftSummary(await getDb(), scope, reportId), stepId);
  return `/reports/${reportId}/${next?.slug ?? 'check-answers'}`;
}
