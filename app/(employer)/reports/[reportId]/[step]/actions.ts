'use server';

import { redirect } from 'next/navigation';
import type { ActionRefusal, ActionResult } from '@/components/report-wizard/types';
import { formatMessage, parseAmount } from '@/lib/domain';
import { nextStep, stepById, type StepId } from '@/lib/report-wizard/steps';
import { serverLocale } from '@/lib/i18n/server-locale';
import { requireEmployerAccess, type EmployerScope } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { getDraftSummary } from '@/lib/server/reports/get-draft-summary';
import { markStepSeen } from '@/lib/server/reports/mark-step-seen';
import { saveHeadcount } from '@/lib/server/reports/save-headcount';
import { saveLabourPayments } from '@/lib/server/reports/save-labour-payments';
import { toUserError } from '@/lib/server/user-error';
import { errorMessage } from '@/lib/server/error-messages';

// Every export is a public endpoint: each one calls the guard, re-loads the report through the
// scope (inside the use case) and validates its input again.

async function nextHref(scope: EmployerScope, reportId: string, stepId: StepId): Promise<string> {
  const summary = await getDraftSummary(await getDb(), scope, reportId);
  const next = nextStep(summary, stepId);
  return `/reports/${reportId}/${next?.slug ?? 'check-answers'}`;
}

/** Runs a step's save; refusals come back for the form, success moves to the next step. */
async function saveStep(
  reportId: string,
  stepId: StepId,
  run: (scope: EmployerScope) => Promise<unknown>,
): Promise<ActionResult> {
  const scope = await requireEmployerAccess('REPORTS');
  try {
    await run(scope);
  } catch (error) {
    const refusal = toUserError(error, await serverLocale());
    return { ok: false, field: refusal.field, message: refusal.message };
  }
  redirect(await nextHref(scope, String(reportId), stepId));
}

/** "DAVAM ET" on a notice or read-only step. */
export async function continueStepAction(reportId: string, stepId: string): Promise<void> {
  const step = stepById(String(stepId));
  if (!step) return;
  const scope = await requireEmployerAccess('REPORTS');
  await markStepSeen(await getDb(), scope, { reportId: String(reportId), step: step.id });
  redirect(await nextHref(scope, String(reportId), step.id));
}

/** Every wrong month of a month form at once, so the error summary lists each one. */
function monthRefusal(errors: { field: string; message: string }[]): ActionRefusal {
  const [first] = errors;
  return { ok: false, field: first?.field, message: first?.message ?? '', fieldErrors: errors };
}

/** F7: labour payments per month, typed as the user wrote them (1 234,56). */
export async function saveLabourPaymentsAction(
  reportId: string,
  values: { month: string; value: string }[],
): Promise<ActionResult> {
  const locale = await serverLocale();
  const months: { month: string; labourPaymentsQepik: number }[] = [];
  const errors: { field: string; message: string }[] = [];
  for (const v of values) {
    const parsed = parseAmount(String(v.value ?? ''));
    if (parsed.ok) months.push({ month: String(v.month), labourPaymentsQepik: parsed.value });
    else
      errors.push({
        field: `labourPayments.${v.month}`,
        message: formatMessage(parsed.code, parsed.params, locale),
      });
  }
  if (errors.length > 0) return monthRefusal(errors);
  return saveStep(reportId, 'F7', async (scope) =>
    saveLabourPayments(await getDb(), scope, { reportId: String(reportId), months }),
  );
}

/** F18: headcount per month, whole numbers. */
export async function saveHeadcountAction(
  reportId: string,
  values: { month: string; value: string }[],
): Promise<ActionResult> {
  const locale = await serverLocale();
  const months: { month: string; headcount: number }[] = [];
  const errors: { field: string; message: string }[] = [];
  for (const v of values) {
    const text = String(v.value ?? '').trim();
    if (/^\d{1,8}$/.test(text)) months.push({ month: String(v.month), headcount: Number(text) });
    else
      errors.push({
        field: `headcount.${v.month}`,
        message: errorMessage('HEADCOUNT_INVALID', {}, locale),
      });
  }
  if (errors.length > 0) return monthRefusal(errors);
  return saveStep(reportId, 'F18', async (scope) =>
    saveHeadcount(await getDb(), scope, { reportId: String(reportId), months }),
  );
}
