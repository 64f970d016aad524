'use server';

import { redirect } from 'next/navigation';
import type { ActionRefusal, ActionResult, FieldError } from '@/components/report-wizard/types';
import type {
  NonLiableIncomeInput,
  PenaltyView,
} from '@/components/report-wizard/money/money-types';
import { formatMessage, parseAmount } from '@/lib/domain';
import { nextStep, type StepId } from '@/lib/report-wizard/steps';
import { serverLocale } from '@/lib/i18n/server-locale';
import { requireEmployerAccess, type EmployerScope } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { addAllReportPayments } from '@/lib/server/reports/add-all-report-payments';
import { addNonLiableIncome } from '@/lib/server/reports/add-non-liable-income';
import { addReportPayment } from '@/lib/server/reports/add-report-payment';
import { computePenalty } from '@/lib/server/reports/compute-penalty';
import { deleteNonLiableIncome } from '@/lib/server/reports/delete-non-liable-income';
import { getDraftSummary } from '@/lib/server/reports/get-draft-summary';
import { getReport } from '@/lib/server/reports/get-report';
import { removeReportPayment } from '@/lib/server/reports/remove-report-payment';
import { saveReportLines } from '@/lib/server/reports/save-report-lines';
import { updateNonLiableIncome } from '@/lib/server/reports/update-non-liable-income';
import { toUserError, toUserErrors } from '@/lib/server/user-error';
import { toPenaltyView } from './steps/money/penalty-view';
import { errorMessage } from '@/lib/server/error-messages';

// The money steps F6, F8, F11, F13–F16. Every export is a public endpoint: each one calls the
// guard, passes the ids to a use case that re-loads them through the scope, and parses amounts
// again. Refusals come back with the field they belong to; the form keeps what was typed.

type Parsed = { ok: true; qepik: number } | ActionRefusal;

async function parseField(text: unknown, field: string): Promise<Parsed> {
  const parsed = parseAmount(String(text ?? ''));
  if (parsed.ok) return { ok: true, qepik: parsed.value };
  return {
    ok: false,
    field,
    message: formatMessage(parsed.code, parsed.params, await serverLocale()),
  };
}

/** Runs a use case under the guard; a coded refusal becomes words for the form. */
async function attempt<T>(
  run: (scope: EmployerScope) => Promise<T>,
): Promise<{ ok: true; value: T; scope: EmployerScope } | ActionRefusal> {
  const scope = await requireEmployerAccess('REPORTS');
  try {
    return { ok: true, value: await run(scope), scope };
  } catch (error) {
    const refusal = toUserError(error, await serverLocale());
    return { ok: false, field: refusal.field, message: refusal.message };
  }
}

async function nextHref(scope: EmployerScope, reportId: string, stepId: StepId): Promise<string> {
  const next = nextStep(await getDraftSummary(await getDb(), scope, reportId), stepId);
  return `/reports/${reportId}/${next?.slug ?? 'check-answers'}`;
}

const done = (result: { ok: true } | ActionRefusal): ActionResult =>
  result.ok ? { ok: true } : result;

/** F6 "Əlavə et" on a row: the typed part of the payment, or (left empty) its whole remainder. */
export async function addReportPaymentAction(
  reportId: string,
  paymentId: string,
  amountText: string,
): Promise<ActionResult> {
  await requireEmployerAccess('REPORTS');
  let amountQepik: number | undefined;
  if (String(amountText ?? '').trim() !== '') {
    const parsed = await parseField(amountText, 'amount');
    if (!parsed.ok) return parsed;
    amountQepik = parsed.qepik;
  }
  return done(
    await attempt(async (scope) =>
      addReportPayment(await getDb(), scope, {
        reportId: String(reportId),
        paymentId: String(paymentId),
        amountQepik,
      }),
    ),
  );
}

/**
 * F6 "HAMISINI ƏLAVƏ ET": the remainder of every payment the report may use that is dated up to
 * the quarter's last day, and of the later ones too when the person ticked the box.
 */
export async function addAllReportPaymentsAction(
  reportId: string,
  includeLater: boolean,
): Promise<ActionResult> {
  return done(
    await attempt(async (scope) =>
      addAllReportPayments(await getDb(), scope, {
        reportId: String(reportId),
        includeLater: includeLater === true,
      }),
    ),
  );
}

/** F6 row button: the report no longer uses the payment. */
export async function removeReportPaymentAction(
  reportId: string,
  paymentId: string,
): Promise<ActionResult> {
  return done(
    await attempt(async (scope) =>
      removeReportPayment(await getDb(), scope, {
        reportId: String(reportId),
        paymentId: String(paymentId),
      }),
    ),
  );
}

/** Several field errors as one refusal: the first in field/message, all in fieldErrors. */
function refusalOf(errors: readonly FieldError[]): ActionRefusal {
  const first = errors[0];
  if (!first) throw new Error('refusalOf needs at least one error');
  const fieldErrors = errors.map(({ field, message }) => ({ field, message }));
  return { ok: false, field: first.field, message: first.message, fieldErrors };
}

/**
 * F8's fields as typed, every one that is wrong at once (the error summary lists them all): a
 * reason and a month chosen, an amount that parses. The use case checks them fully again.
 */
async function nonLiableFields(
  input: NonLiableIncomeInput,
): Promise<
  { ok: true; fields: { reasonCode: string; month: string; amountQepik: number } } | ActionRefusal
> {
  const locale = await serverLocale();
  const reasonCode = String(input?.reasonCode ?? '');
  const month = String(input?.month ?? '');
  const amount = parseAmount(String(input?.amount ?? ''));
  const errors: FieldError[] = [];
  if (reasonCode === '')
    errors.push({ field: 'reasonCode', message: errorMessage('REASON_UNKNOWN', {}, locale) });
  if (month === '')
    errors.push({
      field: 'month',
      message: errorMessage('MONTH_OUTSIDE_QUARTER', {}, locale),
    });
  if (!amount.ok)
    errors.push({ field: 'amount', message: formatMessage(amount.code, amount.params, locale) });
  if (amount.ok && errors.length === 0)
    return { ok: true, fields: { reasonCode, month, amountQepik: amount.value } };
  return refusalOf(errors);
}

/** Runs an F8 use case under the guard; every field it refuses comes back, in the form's order. */
async function attemptEveryField(
  run: (scope: EmployerScope) => Promise<unknown>,
): Promise<ActionResult> {
  const scope = await requireEmployerAccess('REPORTS');
  try {
    await run(scope);
    return { ok: true };
  } catch (error) {
    return refusalOf(toUserErrors(error, await serverLocale()));
  }
}

/** F8 "Əlavə et": one income not subject to MDSS. */
export async function addNonLiableIncomeAction(
  reportId: string,
  input: NonLiableIncomeInput,
): Promise<ActionResult> {
  await requireEmployerAccess('REPORTS');
  const checked = await nonLiableFields(input);
  if (!checked.ok) return checked;
  return attemptEveryField(async (scope) =>
    addNonLiableIncome(await getDb(), scope, { reportId: String(reportId), ...checked.fields }),
  );
}

/** F8 edit of one row. */
export async function updateNonLiableIncomeAction(
  reportId: string,
  incomeId: string,
  input: NonLiableIncomeInput,
): Promise<ActionResult> {
  await requireEmployerAccess('REPORTS');
  const checked = await nonLiableFields(input);
  if (!checked.ok) return checked;
  return attemptEveryField(async (scope) =>
    updateNonLiableIncome(await getDb(), scope, {
      reportId: String(reportId),
      incomeId: String(incomeId),
      ...checked.fields,
    }),
  );
}

/** F8 delete of one row. */
export async function deleteNonLiableIncomeAction(
  reportId: string,
  incomeId: string,
): Promise<ActionResult> {
  return done(
    await attempt(async (scope) =>
      deleteNonLiableIncome(await getDb(), scope, {
        reportId: String(reportId),
        incomeId: String(incomeId),
      }),
    ),
  );
}

/** F11 "HESABLA": the penalty as of today, with its breakdown per month and interval. */
export async function computePenaltyAction(
  reportId: string,
): Promise<{ ok: true; penalty: PenaltyView } | ActionRefusal> {
  const result = await attempt(async (scope) =>
    computePenalty(await getDb(), scope, { reportId: String(reportId) }),
  );
  return result.ok ? { ok: true, penalty: toPenaltyView(result.value) } : result;
}

/** F11 "DAVAM ET": computes the penalty first if it never was, then moves on. */
export async function continuePenaltyAction(reportId: string): Promise<ActionResult> {
  const result = await attempt(async (scope) => {
    const db = await getDb();
    const report = await getReport(db, scope, String(reportId));
    if (report.penaltyComputedAt === null) await computePenalty(db, scope, { reportId: report.id });
  });
  if (!result.ok) return result;
  redirect(await nextHref(result.scope, String(reportId), 'F11'));
}

/** F13–F16 "Növbəti": accrued and paid (F15's accrued is the fund's, taken from the ledger). */
export async function saveReportLinesAction(
  reportId: string,
  step: string,
  input: { accrued: string; paid: string },
): Promise<ActionResult> {
  await requireEmployerAccess('REPORTS');
  // An unknown step is refused by the use case (STEP_UNKNOWN) before anything is saved.
  const stepId = String(step);
  // Both amounts are checked before either refusal goes back: the summary lists every error.
  const accrued = stepId === 'F15' ? null : await parseField(input?.accrued, 'accrued');
  const paid = await parseField(input?.paid, 'paid');
  if (!paid.ok || (accrued !== null && !accrued.ok))
    return refusalOf([accrued, paid].filter((p): p is ActionRefusal => p !== null && !p.ok));
  const accruedQepik = accrued?.qepik ?? 0;
  const result = await attempt(async (scope) =>
    saveReportLines(await getDb(), scope, {
      reportId: String(reportId),
      step: stepId,
      accruedQepik,
      paidQepik: paid.qepik,
    }),
  );
  if (!result.ok) return result;
  redirect(await nextHref(result.scope, String(reportId), stepId as StepId));
}
