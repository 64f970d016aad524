'use client';

import { useActionState, useState, type FormEvent } from 'react';
import { useTranslations } from '@/lib/i18n/client/texts';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import type { VerifyFileState } from '@/lib/server/verify/types';
import { VerifyResult } from './verify-result';

type Props = { check: (state: VerifyFileState, formData: FormData) => Promise<VerifyFileState> };

/** The action's own limit (app/(public)/verify/actions.ts); the transport's is 21 MB. */
const MAX_BYTES = 20 * 1024 * 1024;

/** Upload of a downloaded signed file for checking (issue 6 §6); works before hydration too. */
export function VerifyFileForm({ check }: Props) {
  const t = useTranslations('verify');
  const [state, action, pending] = useActionState(check, null);
  const [tooLarge, setTooLarge] = useState(false);
  const error = tooLarge ? t('fileTooLarge') : state?.ok === false ? state.message : undefined;
  // A file over the limit is never sent: past 21 MB the server could only refuse the request.
  function checkSize(event: FormEvent<HTMLFormElement>) {
    const file = new FormData(event.currentTarget).get('file');
    const isTooLarge = file instanceof File && file.size > MAX_BYTES;
    setTooLarge(isTooLarge);
    if (isTooLarge) event.preventDefault();
  }
  return (
    <>
      <form
        action={action}
        onSubmit={checkSize}
        noValidate
        className="mt-4"
        data-testid="verify-file-form"
      >
        <ErrorSummary
          title={t('errorTitle')}
          errors={error ? [{ message: error, fieldId: 'verify-file' }] : []}
        />
        <div className="mb-4">
          <label htmlFor="verify-file" className="block font-semibold">
            {t('fileLabel')}
          </label>
          <p id="verify-file-hint" className="text-sm text-muted">
            {t('fileHint')}
          </p>
          {error ? (
            <p id="verify-file-error" className="mt-1 font-semibold text-danger">
              {error}
            </p>
          ) : null}
          <input
            id="verify-file"
            name="file"
            type="file"
            accept="application/json,.json"
            aria-describedby={`verify-file-hint${error ? ' verify-file-error' : ''}`}
            aria-invalid={error ? true : undefined}
            className="mt-1 block w-full max-w-full"
          />
        </div>
        <Button type="submit" disabled={pending} data-testid="verify-file-submit">
          {t('checkFile')}
        </Button>
      </form>
      {state?.ok ? <VerifyResult outcome={state.outcome} id="verify-file-result" /> : null}
    </>
  );
}
