'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { startTransition, useActionState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import type { ActionRefusal } from '@/lib/server/actions';

// The fine, write-off and decision forms of /admin/debts (issue 14 §6). Each posts to its server
// action (works without JavaScript too); a refusal shows at its field and in the summary, and
// what was typed stays.

type State = ActionRefusal | null;
type Send = (state: State, formData: FormData) => Promise<State>;

function useRefusals(state: State, ids: Record<string, string>) {
  const errors =
    state === null
      ? []
      : (state.fieldErrors ?? [{ field: state.field, message: state.message }]).map((e) => ({
          field: e.field,
          message: e.message,
        }));
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const summary = errors.map((e) => ({
    message: e.message,
    fieldId: e.field && e.field in ids ? ids[e.field] : undefined,
  }));
  return { errorOf, summary };
}

/** Sent by hand so React does not reset the form: a refused form keeps what was typed. */
function submitWith(action: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
}

function TextArea(props: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  maxLength: number;
}) {
  const { id, error, hint } = props;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block font-semibold">
        {props.label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 font-semibold text-danger">
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        name={props.name}
        rows={3}
        maxLength={props.maxLength}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? true : undefined}
        className={`mt-1 block w-full max-w-xl rounded-md border-2 px-3 py-2 ${error ? 'border-danger' : 'border-ink/70'}`}
      />
    </div>
  );
}

type Option = { value: string; label: string };

type PostProps = {
  send: Send;
  employerId: string;
  codes: readonly Option[];
  basisMax: number;
  children?: ReactNode;
};

/** "Cərimə tətbiq et": activity code, legal basis, amount, date. */
export function FineForm({
  send,
  employerId,
  codes,
  basisMax,
  today,
}: PostProps & { today: string }) {
  const t = useTranslations('staffDebts');
  const [state, action, pending] = useActionState(send, null);
  const ids = {
    activityCode: 'fine-code',
    basis: 'fine-basis',
    amount: 'fine-amount',
    date: 'fine-date',
  };
  const { errorOf, summary } = useRefusals(state, ids);
  return (
    <form action={action} onSubmit={submitWith(action)} noValidate data-testid="fine-form">
      <ErrorSummary title={t('errorSummary')} errors={summary} />
      <input type="hidden" name="employerId" value={employerId} />
      <SelectField
        id={ids.activityCode}
        name="activityCode"
        label={t('activityCode')}
        emptyLabel={t('select')}
        options={codes}
        defaultValue={codes.length === 1 ? codes[0]!.value : ''}
        error={errorOf('activityCode')}
      />
      <TextArea
        id={ids.basis}
        name="basis"
        label={t('fineBasis')}
        hint={t('fineBasisHint', { max: basisMax })}
        error={errorOf('basis')}
        maxLength={basisMax}
      />
      <Field
        id={ids.amount}
        name="amount"
        label={t('amount')}
        hint={t('amountHint')}
        inputMode="decimal"
        autoComplete="off"
        error={errorOf('amount')}
      />
      <Field
        id={ids.date}
        name="date"
        type="date"
        label={t('fineDate')}
        max={today}
        defaultValue={today}
        error={errorOf('date')}
      />
      <Button type="submit" disabled={pending} data-testid="fine-submit">
        {pending ? t('saving') : t('submitFine')}
      </Button>
    </form>
  );
}

/** "Borcu sil": activity code, which debt, basis document, amount, period from–to. */
export function WriteOffForm({
  send,
  employerId,
  codes,
  categories,
  basisMax,
  thisMonth,
  children,
}: PostProps & { categories: readonly Option[]; thisMonth: string }) {
  const t = useTranslations('staffDebts');
  const [state, action, pending] = useActionState(send, null);
  const ids = {
    activityCode: 'write-off-code',
    category: 'write-off-category',
    basis: 'write-off-basis',
    amount: 'write-off-amount',
    periodFrom: 'write-off-from',
    periodTo: 'write-off-to',
  };
  const { errorOf, summary } = useRefusals(state, ids);
  return (
    <form action={action} onSubmit={submitWith(action)} noValidate data-testid="write-off-form">
      <ErrorSummary title={t('errorSummary')} errors={summary} />
      <input type="hidden" name="employerId" value={employerId} />
      <SelectField
        id={ids.activityCode}
        name="activityCode"
        label={t('activityCode')}
        emptyLabel={t('select')}
        options={codes}
        defaultValue={codes.length === 1 ? codes[0]!.value : ''}
        error={errorOf('activityCode')}
      />
      <SelectField
        id={ids.category}
        name="category"
        label={t('writeOffCategory')}
        emptyLabel={t('select')}
        options={categories}
        error={errorOf('category')}
      />
      <TextArea
        id={ids.basis}
        name="basis"
        label={t('writeOffBasis')}
        hint={t('writeOffBasisHint', { max: basisMax })}
        error={errorOf('basis')}
        maxLength={basisMax}
      />
      <Field
        id={ids.amount}
        name="amount"
        label={t('amount')}
        hint={t('amountHint')}
        inputMode="decimal"
        autoComplete="off"
        error={errorOf('amount')}
      />
      <p id="write-off-period-hint" className="mb-2 text-sm text-muted">
        {t('periodHint')}
      </p>
      <div className="flex flex-wrap gap-x-6">
        <Field
          id={ids.periodFrom}
          name="periodFrom"
          type="month"
          placeholder="2025-01"
          max={thisMonth}
          label={t('periodFrom')}
          error={errorOf('periodFrom')}
        />
        <Field
          id={ids.periodTo}
          name="periodTo"
          type="month"
          placeholder="2025-03"
          max={thisMonth}
          label={t('periodTo')}
          error={errorOf('periodTo')}
        />
      </div>
      {children}
      <Button type="submit" disabled={pending} data-testid="write-off-submit">
        {pending ? t('saving') : t('submitWriteOff')}
      </Button>
    </form>
  );
}

/** The head's decision on a pending write-off: approve (posts it), or reject with a reason. */
export function DecisionForms({
  actionId,
  approve,
  reject,
}: {
  actionId: string;
  approve: Send;
  reject: Send;
}) {
  const t = useTranslations('staffDebts');
  const [approved, approveAction, approving] = useActionState(approve, null);
  const [rejected, rejectAction, rejecting] = useActionState(reject, null);
  const ids = { reason: 'decision-reason' };
  const approval = useRefusals(approved, {});
  const rejection = useRefusals(rejected, ids);
  return (
    <div className="mt-4 grid gap-6 md:grid-cols-2">
      <form action={approveAction} onSubmit={submitWith(approveAction)} data-testid="approve-form">
        <ErrorSummary title={t('errorSummary')} errors={approval.summary} />
        <input type="hidden" name="actionId" value={actionId} />
        <Button type="submit" disabled={approving || rejecting} data-testid="approve-write-off">
          {t('approve')}
        </Button>
      </form>
      <form
        action={rejectAction}
        onSubmit={submitWith(rejectAction)}
        noValidate
        data-testid="reject-form"
      >
        <ErrorSummary title={t('errorSummary')} errors={rejection.summary} />
        <input type="hidden" name="actionId" value={actionId} />
        <TextArea
          id={ids.reason}
          name="reason"
          label={t('rejectReason')}
          error={rejection.errorOf('reason')}
          maxLength={500}
        />
        <Button
          type="submit"
          variant="danger"
          disabled={approving || rejecting}
          data-testid="reject-write-off"
        >
          {t('reject')}
        </Button>
      </form>
    </div>
  );
}
