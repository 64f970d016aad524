'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import type { EmployerOption } from '@/lib/server/staff/payments/read-models';
import { refusalErrors, type RefusalState } from './use-refusal';

type Props = {
  action: (state: RefusalState, formData: FormData) => Promise<RefusalState>;
  employers: readonly EmployerOption[];
  /** 'record': a payment typed by hand; 'assign': a queued statement line (date, amount, reference are the line's). */
  mode: 'record' | 'assign';
  lineId?: string;
  /** The line's classification code, preselected when it is of the chosen activity code. */
  lineClassCode?: string | null;
  today: string;
};

/**
 * A payment for an employer of the staff member's body (issue 14 §5): the employer, one of its
 * activity codes and that code's employer or employee classification code (DOMAIN.md §8), and —
 * typed by hand — the date, amount and bank reference. What was typed stays on a refusal.
 */
export function PaymentForm({ action, employers, mode, lineId, lineClassCode, today }: Props) {
  const t = useTranslations('staffPayments');
  const [state, formAction, pending] = useActionState(action, null);
  const [employerId, setEmployerId] = useState(employers.length === 1 ? employers[0]!.id : '');
  const [activityCode, setActivityCode] = useState('');
  const [classCode, setClassCode] = useState('');
  const ids = {
    employerId: 'payment-employer',
    activityCode: 'payment-activity',
    economicClassCode: 'payment-class',
    paymentDate: 'payment-date',
    amount: 'payment-amount',
    bankReference: 'payment-reference',
    lineId: 'payment-employer',
  };
  const { errorOf, summary } = refusalErrors(state, ids);
  const employer = employers.find((e) => e.id === employerId);
  const activity = employer?.activityCodes.find((c) => c.code === activityCode);
  const classOptions = activity
    ? [
        {
          value: activity.employerClass,
          label: t('classEmployer', { code: activity.employerClass }),
        },
        {
          value: activity.employeeClass,
          label: t('classEmployee', { code: activity.employeeClass }),
        },
      ]
    : [];

  function chooseActivity(code: string) {
    setActivityCode(code);
    const chosen = employer?.activityCodes.find((c) => c.code === code);
    if (
      chosen &&
      lineClassCode &&
      [chosen.employerClass, chosen.employeeClass].includes(lineClassCode)
    )
      setClassCode(lineClassCode);
    else setClassCode('');
  }

  // Sent by hand so React does not reset the form: a refused payment keeps what was typed.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }

  return (
    <form
      action={formAction}
      onSubmit={submit}
      noValidate
      className="mt-4"
      data-testid="payment-form"
    >
      <ErrorSummary title={t('errorSummary')} errors={summary} />
      {lineId ? <input type="hidden" name="lineId" value={lineId} /> : null}
      <SelectField
        id={ids.employerId}
        name="employerId"
        label={t('employer')}
        emptyLabel={t('choose')}
        value={employerId}
        onChange={(e) => {
          setEmployerId(e.target.value);
          setActivityCode('');
          setClassCode('');
        }}
        options={employers.map((e) => ({ value: e.id, label: `${e.name} (${e.voen})` }))}
        error={errorOf('employerId')}
      />
      <SelectField
        id={ids.activityCode}
        name="activityCode"
        label={t('activityCode')}
        emptyLabel={employer ? t('choose') : t('chooseEmployerFirst')}
        value={activityCode}
        onChange={(e) => chooseActivity(e.target.value)}
        options={(employer?.activityCodes ?? []).map((c) => ({
          value: c.code,
          label: `${c.code} — ${c.name}`,
        }))}
        error={errorOf('activityCode')}
      />
      <SelectField
        id={ids.economicClassCode}
        name="economicClassCode"
        label={t('classCode')}
        emptyLabel={t('choose')}
        value={classCode}
        onChange={(e) => setClassCode(e.target.value)}
        options={classOptions}
        error={errorOf('economicClassCode')}
      />
      {mode === 'record' ? (
        <>
          <Field
            id={ids.paymentDate}
            name="paymentDate"
            type="date"
            max={today}
            label={t('paymentDate')}
            error={errorOf('paymentDate')}
          />
          <Field
            id={ids.amount}
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            label={t('amount')}
            hint={t('amountHint')}
            error={errorOf('amount')}
          />
          <Field
            id={ids.bankReference}
            name="bankReference"
            autoComplete="off"
            maxLength={35}
            label={t('bankReference')}
            hint={t('bankReferenceHint')}
            error={errorOf('bankReference')}
          />
        </>
      ) : null}
      <Button type="submit" disabled={pending} data-testid="payment-submit">
        {mode === 'record' ? t('save') : t('assign')}
      </Button>
    </form>
  );
}
