'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import type { ActionResult, PenaltyResultAction, PenaltyView } from './money-types';
import { PenaltyBreakdown } from './penalty-breakdown';

type Props = {
  /** The stored penalty line, already formatted, or null before the first "HESABLA". */
  storedText: string | null;
  compute: PenaltyResultAction;
  proceed: () => Promise<ActionResult>;
  backHref: string | null;
};

/** SPEC F11: "HESABLA" computes the penalty as of today and shows how; "DAVAM ET" moves on. */
export function PenaltyCalculator({ storedText, compute, proceed, backHref }: Props) {
  const t = useTranslations('wizardMoney');
  const tw = useTranslations('wizard');
  const [penalty, setPenalty] = useState<PenaltyView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const act = (run: () => Promise<void>) => startTransition(run);
  return (
    <div>
      <ErrorSummary title={tw('errorSummary')} errors={error ? [{ message: error }] : []} />
      <p className="mb-4 max-w-prose">{t('f11Lead')}</p>
      {penalty === null ? (
        <p className="mb-4" data-testid="penalty-stored">
          {storedText ? t('computedOn', { amount: storedText }) : t('notComputed')}
        </p>
      ) : null}
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
      <div aria-live="polite">{penalty ? <PenaltyBreakdown penalty={penalty} /> : null}</div>
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
