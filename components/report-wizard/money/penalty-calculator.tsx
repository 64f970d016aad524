'use client';

import Link from 'next/link';
import { useTranslations } from '@/lib/i18n/client/texts';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import type { ActionResult } from '@/lib/server/actions';
import type { PenaltyResultAction, PenaltyView } from './money-types';
import { PenaltyBreakdown } from './penalty-breakdown';

type Props = {
  /** The penalty as of today, computed when the page was made (never a stored copy). */
  current: PenaltyView;
  /** The penalty the last "HESABLA" recorded, already formatted, or null before the first. */
  storedText: string | null;
  /** The recorded penalty differs from today's: "HESABLA" records today's. */
  stale: boolean;
  compute: PenaltyResultAction;
  proceed: () => Promise<ActionResult>;
  backHref: string | null;
};

/**
 * SPEC F11: the penalty as of today with how it arises; "HESABLA" records it on the report (the
 * figure the check page and sending then start from), "DAVAM ET" moves on.
 */
export function PenaltyCalculator({
  current,
  storedText,
  stale,
  compute,
  proceed,
  backHref,
}: Props) {
  const t = useTranslations('wizardMoney');
  const tw = useTranslations('wizard');
  const tf = useTranslations('figures');
  const [penalty, setPenalty] = useState<PenaltyView | null>(null);
  const shown = penalty ?? current;
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const act = (run: () => Promise<void>) => startTransition(run);
  return (
    <div>
      <ErrorSummary title={tw('errorSummary')} errors={error ? [{ message: error }] : []} />
      <p className="mb-4 max-w-prose">{t('f11Lead')}</p>
      {penalty === null ? (
        <p
          className={`mb-4 ${stale ? 'rounded-md bg-warning-50 p-3' : ''}`}
          data-testid="penalty-stored"
        >
          {storedText ? t('computedOn', { amount: storedText }) : t('notComputed')}
          {stale ? ` ${tf('storedOutOfDate')}` : null}
        </p>
      ) : (
        <p className="mb-4 text-success" role="status" data-testid="penalty-recorded">
          {tf('recorded')}
        </p>
      )}
      <Button
        disabled={pending}
        data-testid="compute-penalty"
        onClick={() =>
          act(async () => {
            const result = await compute();
            if (result.ok) {
              setError(null);
              setPenalty(result.penalty);
            } else setError(result.message);
          })
        }
      >
        {pending ? t('computing') : t('compute')}
      </Button>
      <div aria-live="polite">
        <PenaltyBreakdown penalty={shown} />
      </div>
      <div className="mt-8 flex flex-wrap gap-3 border-t border-line pt-4">
        {backHref ? (
          <Link
            href={backHref}
            className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-600 px-4 py-2 font-semibold no-underline"
          >
            {tw('back')}
          </Link>
        ) : null}
        <Button
          disabled={pending}
          data-testid="step-forward"
          onClick={() =>
            act(async () => {
              const result = await proceed();
              if (!result.ok) setError(result.message);
            })
          }
        >
          {tw('continue')}
        </Button>
      </div>
    </div>
  );
}
