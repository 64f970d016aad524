'use server';

import { z } from 'zod';
import { stepById } from '@/lib/report-wizard/steps';
import { ZFormIgnored, ZId, ZStepId } from '@/lib/server/action-schemas';
import { employerAction, redirectTo } from '@/lib/server/actions';
import { getDb } from '@/lib/server/db';
import { AppError, checkEveryField } from '@/lib/server/errors';
import { markStepSeen } from '@/lib/server/reports/mark-step-seen';
import { saveHeadcount } from '@/lib/server/reports/save-headcount';
import { saveLabourPayments } from '@/lib/server/reports/save-labour-payments';
import { typedAmount } from '@/lib/server/reports/typed-amount';
import { ZMonthValues } from '@/lib/server/reports/wizard-inputs';
import { nextStepHref } from './next-step-href';

// Every export is a public endpoint: the action client guards it and parses its arguments, the
// use case re-loads the report through the scope and checks the values again.

/** "DAVAM ET" on a notice or read-only step: records the step as passed, then moves on. */
export const continueStepAction = employerAction(
  'REPORTS',
  z.tuple([ZId, ZStepId, ZFormIgnored]),
  async (scope, reportId, stepId, _form?: unknown) => {
    const step = stepById(stepId);
    if (!step) throw new AppError('STEP_UNKNOWN', { field: 'step' });
    await markStepSeen(await getDb(), scope, { reportId, step: step.id });
    return redirectTo(await nextStepHref(scope, reportId, step.id));
  },
  { name: 'continueStep' },
);

/** F7: labour payments per month, typed as the user wrote them (1 234,56); every wrong one at once. */
export const saveLabourPaymentsAction = employerAction(
  'REPORTS',
  z.tuple([ZId, ZMonthValues]),
  async (scope, reportId, values) => {
    const months = checkEveryField(
      values.map(({ month, value }) => () => ({
        month,
        labourPaymentsQepik: typedAmount(value, `labourPayments.${month}`),
      })),
    );
    await saveLabourPayments(await getDb(), scope, { reportId, months });
    return redirectTo(await nextStepHref(scope, reportId, 'F7'));
  },
  { name: 'saveLabourPayments' },
);

/** F18: headcount per month, whole numbers; every wrong one at once. */
export const saveHeadcountAction = employerAction(
  'REPORTS',
  z.tuple([ZId, ZMonthValues]),
  async (scope, reportId, values) => {
    const months = checkEveryField(
      values.map(({ month, value }) => () => {
        const text = value.trim();
        if (!/^\d{1,8}$/.test(text))
          throw new AppError('HEADCOUNT_INVALID', { field: `headcount.${month}` });
        return { month, headcount: Number(text) };
      }),
    );
    await saveHeadcount(await getDb(), scope, { reportId, months });
    return redirectTo(await nextStepHref(scope, reportId, 'F18'));
  },
  { name: 'saveHeadcount' },
);
