'use server';

import { z } from 'zod';
import { stepById } from '@/lib/report-wizard/steps';
import { ZAmountText, ZId, ZStepId } from '@/lib/server/action-schemas';
import { employerAction, redirectTo } from '@/lib/server/actions';
import { getDb } from '@/lib/server/db';
import { AppError, checkEveryField } from '@/lib/server/errors';
import { addAllReportPayments } from '@/lib/server/reports/add-all-report-payments';
import { addNonLiableIncome } from '@/lib/server/reports/add-non-liable-income';
import { addReportPayment } from '@/lib/server/reports/add-report-payment';
import { computePenalty } from '@/lib/server/reports/compute-penalty';
import { deleteNonLiableIncome } from '@/lib/server/reports/delete-non-liable-income';
import { getReport } from '@/lib/server/reports/get-report';
import { removeReportPayment } from '@/lib/server/reports/remove-report-payment';
import { saveReportLines } from '@/lib/server/reports/save-report-lines';
import { typedAmount } from '@/lib/server/reports/typed-amount';
import { updateNonLiableIncome } from '@/lib/server/reports/update-non-liable-income';
import {
  ZLineAmounts,
  ZNonLiableIncomeInput,
  type NonLiableIncomeInput,
} from '@/lib/server/reports/wizard-inputs';
import { nextStepHref } from './next-step-href';
import { toPenaltyView } from './steps/money/penalty-view';

// The money steps F6, F8, F11, F13–F16. Every export is a public endpoint: the action client
// guards it and parses its arguments, the use case re-loads the ids through the scope and
// checks the amounts again. Refusals come back at their field; the form keeps what was typed.

/** F6 "Əlavə et" on a row: the typed part of the payment, or (left empty) its whole remainder. */
export const addReportPaymentAction = employerAction(
  'REPORTS',
  z.tuple([ZId, ZId, ZAmountText]),
  async (scope, reportId, paymentId, amountText) => {
    const amountQepik = amountText.trim() === '' ? undefined : typedAmount(amountText, 'amount');
    await addReportPayment(await getDb(), scope, { reportId, paymentId, amountQepik });
    return { ok: true as const };
  },
  { name: 'addReportPayment' },
);

/**
 * F6 "HAMISINI ƏLAVƏ ET": the remainder of every payment the report may use that is dated up to
 * the quarter's last day, and of the later ones too when the person ticked the box.
 */
export const addAllReportPaymentsAction = employerAction(
  'REPORTS',
  z.tuple([ZId, z.boolean()]),
  async (scope, reportId, includeLater) => {
    await addAllReportPayments(await getDb(), scope, { reportId, includeLater });
    return { ok: true as const };
  },
  { name: 'addAllReportPayments' },
);

/** F6 row button: the report no longer uses the payment. */
export const removeReportPaymentAction = employerAction(
  'REPORTS',
  z.tuple([ZId, ZId]),
  async (scope, reportId, paymentId) => {
    await removeReportPayment(await getDb(), scope, { reportId, paymentId });
    return { ok: true as const };
  },
  { name: 'removeReportPayment' },
);

/**
 * F8's fields as typed, every one that is wrong at once (the error summary lists them all): a
 * reason and a month chosen, an amount that parses. The use case checks them fully again.
 */
function nonLiableFields(input: NonLiableIncomeInput) {
  const [reasonCode, month, amountQepik] = checkEveryField([
    () => {
      if (input.reasonCode === '') throw new AppError('REASON_UNKNOWN', { field: 'reasonCode' });
      return input.reasonCode;
    },
    () => {
      if (input.month === '') throw new AppError('MONTH_OUTSIDE_QUARTER', { field: 'month' });
      return input.month;
    },
    () => typedAmount(input.amount, 'amount'),
  ]);
  return { reasonCode, month, amountQepik };
}

/** F8 "Əlavə et": one income not subject to MDSS. */
export const addNonLiableIncomeAction = employerAction(
  'REPORTS',
  z.tuple([ZId, ZNonLiableIncomeInput]),
  async (scope, reportId, input) => {
    const fields = nonLiableFields(input);
    await addNonLiableIncome(await getDb(), scope, { reportId, ...fields });
    return { ok: true as const };
  },
  { name: 'addNonLiableIncome' },
);

/** F8 edit of one row. */
export const updateNonLiableIncomeAction = employerAction(
  'REPORTS',
  z.tuple([ZId, ZId, ZNonLiableIncomeInput]),
  async (scope, reportId, incomeId, input) => {
    const fields = nonLiableFields(input);
    await updateNonLiableIncome(await getDb(), scope, { reportId, incomeId, ...fields });
    return { ok: true as const };
  },
  { name: 'updateNonLiableIncome' },
);

/** F8 delete of one row. */
export const deleteNonLiableIncomeAction = employerAction(
  'REPORTS',
  z.tuple([ZId, ZId]),
  async (scope, reportId, incomeId) => {
    await deleteNonLiableIncome(await getDb(), scope, { reportId, incomeId });
    return { ok: true as const };
  },
  { name: 'deleteNonLiableIncome' },
);

/** F11 "HESABLA": the penalty as of today, with its breakdown per month and interval. */
export const computePenaltyAction = employerAction(
  'REPORTS',
  z.tuple([ZId]),
  async (scope, reportId) => {
    const penalty = await computePenalty(await getDb(), scope, { reportId });
    return { ok: true as const, penalty: toPenaltyView(penalty) };
  },
  { name: 'computePenalty' },
);

/** F11 "DAVAM ET": computes the penalty first if it never was, then moves on. */
export const continuePenaltyAction = employerAction(
  'REPORTS',
  z.tuple([ZId]),
  async (scope, reportId) => {
    const db = await getDb();
    const report = await getReport(db, scope, reportId);
    if (report.penaltyComputedAt === null) await computePenalty(db, scope, { reportId: report.id });
    return redirectTo(await nextStepHref(scope, reportId, 'F11'));
  },
  { name: 'continuePenalty' },
);

/** F13–F16 "Növbəti": accrued and paid (F15's accrued is the fund's, taken from the ledger). */
export const saveReportLinesAction = employerAction(
  'REPORTS',
  z.tuple([ZId, ZStepId, ZLineAmounts]),
  async (scope, reportId, stepId, input) => {
    // Both amounts are checked before either refusal goes back: the summary lists every error.
    const [accruedQepik, paidQepik] = checkEveryField([
      () => (stepId === 'F15' ? 0 : typedAmount(input.accrued ?? '', 'accrued')),
      () => typedAmount(input.paid, 'paid'),
    ]);
    // An unknown step is refused by the use case (STEP_UNKNOWN) before anything is saved.
    await saveReportLines(await getDb(), scope, {
      reportId,
      step: stepId,
      accruedQepik,
      paidQepik,
    });
    const step = stepById(stepId);
    if (!step) throw new AppError('STEP_UNKNOWN', { field: 'step' });
    return redirectTo(await nextStepHref(scope, reportId, step.id));
  },
  { name: 'saveReportLines' },
);
