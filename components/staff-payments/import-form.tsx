'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { refusalErrors, type RefusalState } from './use-refusal';

type Props = {
  action: (state: RefusalState, formData: FormData) => Promise<RefusalState>;
  maxMb: number;
};

/** The statement upload (issue 14 §5): the server checks size, text and format again. */
export function ImportForm({ action, maxMb }: Props) {
  const t = useTranslations('staffPayments');
  const [state, formAction, pending] = useActionState(action, null);
  const [tooLarge, setTooLarge] = useState(false);
  const id = 'statement-file';
  const { errorOf, summary } = refusalErrors(state, { file: id });
  const error = tooLarge ? t('tooLargeHere', { mb: maxMb }) : errorOf('file');
  const shown = tooLarge ? [{ message: t('tooLargeHere', { mb: maxMb }), fieldId: id }] : summary;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get('file');
    const over = file instanceof File && file.size > maxMb * 1024 * 1024;
    setTooLarge(over);
    if (!over) startTransition(() => formAction(data));
  }

  return (
    <form
      action={formAction}
      onSubmit={submit}
      noValidate
      encType="multipart/form-data"
      className="mt-4"
      data-testid="import-form"
    >
      <ErrorSummary title={t('errorSummary')} errors={shown} />
      <div className="mb-4">
        <label htmlFor={id} className="block font-semibold">
          {t('file')}
        </label>
        <p id={`${id}-hint`} className="text-sm text-muted">
          {t('fileHint', { mb: maxMb })}
        </p>
        {error ? (
          <p id={`${id}-error`} className="mt-1 font-semibold text-danger">
            {error}
          </p>
        ) : null}
        <input
          id={id}
          name="file"
          type="file"
          accept=".xml,.csv,.txt,text/xml,application/xml,text/csv"
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
          className="mt-1 block min-h-11"
        />
      </div>
      <Button type="submit" disabled={pending} data-testid="import-submit">
        {t('upload')}
      </Button>
    </form>
  );
}
