'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import type { ActionResult } from '@/lib/server/actions';
import { Spinner } from './spinner';
import { StatusNote } from './status-note';
import { usePersonsAction } from './use-persons-action';

/** F20: copies the employer's staff list for the report's activity code; announces the counts. */
export function PrefillButton({ prefill }: { prefill: () => Promise<ActionResult> }) {
  const t = useTranslations('wizardPersons');
  const tw = useTranslations('wizard');
  const { pending, error, status, run } = usePersonsAction();
  return (
    <section aria-labelledby="prefill-title" className="rounded-md border border-line p-4">
      <h2 id="prefill-title" className="mb-2 text-lg font-semibold">
        {t('prefillTitle')}
      </h2>
      <p className="mb-3 text-sm text-muted">{t('prefillHint')}</p>
      <ErrorSummary title={tw('errorSummary')} errors={error ? [{ message: error.message }] : []} />
      <StatusNote text={status} testId="prefill-status" />
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() => run(prefill)}
          data-testid="prefill"
        >
          {t('prefill')}
        </Button>
        {pending ? (
          <span aria-live="polite">
            <Spinner /> {t('prefilling')}
          </span>
        ) : null}
      </div>
    </section>
  );
}
