'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import type { ActionResult } from '@/lib/server/actions';
import { Spinner } from './spinner';
import { StatusNote } from './status-note';
import { usePersonsAction } from './use-persons-action';

/** "Bölüşdür" (F19) / "BÖLÜŞDÜR" (F22): runs the distribution, then the page shows its result. */
export function DistributeButton({
  label,
  distribute,
}: {
  label: string;
  distribute: () => Promise<ActionResult>;
}) {
  const t = useTranslations('wizardPersons');
  const tw = useTranslations('wizard');
  const { pending, error, status, run } = usePersonsAction();
  return (
    <div className="mb-6">
      <ErrorSummary title={tw('errorSummary')} errors={error ? [{ message: error.message }] : []} />
      <StatusNote text={status} testId="distribute-status" />
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={() => run(distribute)} disabled={pending} data-testid="distribute">
          {label}
        </Button>
        {pending ? (
          <span aria-live="polite">
            <Spinner /> {t('distributing')}
          </span>
        ) : null}
      </div>
    </div>
  );
}
