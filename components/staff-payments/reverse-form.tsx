'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { startTransition, useActionState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { refusalErrors, type RefusalState } from './use-refusal';

type Props = {
  action: (state: RefusalState, formData: FormData) => Promise<RefusalState>;
  paymentId: string;
};

/** The reason for reversing a wrong payment (issue 14 §5), audited with it. */
export function ReverseForm({ action, paymentId }: Props) {
  const t = useTranslations('staffPayments');
  const [state, formAction, pending] = useActionState(action, null);
  const id = 'reverse-reason';
  const { errorOf, summary } = refusalErrors(state, { reason: id });
  const error = errorOf('reason');

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
      data-testid="reverse-form"
    >
      <ErrorSummary title={t('errorSummary')} errors={summary} />
      <input type="hidden" name="paymentId" value={paymentId} />
      <div className="mb-4">
        <label htmlFor={id} className="block font-semibold">
          {t('reason')}
        </label>
        <p id={`${id}-hint`} className="text-sm text-muted">
          {t('reasonHint')}
        </p>
        {error ? (
          <p id={`${id}-error`} className="mt-1 font-semibold text-danger">
            {error}
          </p>
        ) : null}
        <textarea
          id={id}
          name="reason"
          rows={3}
          maxLength={500}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
          className={`mt-1 block w-full max-w-xl rounded-md border-2 px-3 py-2 ${error ? 'border-danger' : 'border-ink/70'}`}
        />
      </div>
      <Button type="submit" variant="danger" disabled={pending} data-testid="reverse-submit">
        {t('reverse')}
      </Button>
    </form>
  );
}
