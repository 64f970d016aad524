'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import type { ActionResult } from '@/lib/server/actions';
import { usePersonsAction } from './use-persons-action';

/** Check answers: marks the draft ready to send; refused while blocking errors or unconfirmed warnings remain. */
export function MarkReadyButton({ markReady }: { markReady: () => Promise<ActionResult> }) {
  const t = useTranslations('wizardPersons');
  const tw = useTranslations('wizard');
  const { pending, error, run } = usePersonsAction();
  return (
    <div className="mt-8 border-t border-line pt-4">
      <ErrorSummary title={tw('errorSummary')} errors={error ? [{ message: error.message }] : []} />
      <Button onClick={() => run(markReady)} disabled={pending} data-testid="mark-ready">
        {t('markReady')}
      </Button>
    </div>
  );
}
