'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { CorrectiveResult } from '@/lib/server/submissions/sending-views';

type Props = {
  reportId: string;
  /** Redirects to the new draft's check page on success; answers only on refusal. */
  create: (reportId: string) => Promise<CorrectiveResult>;
  compact?: boolean;
};

/** "Dəqiqləşdirilmiş hesabat yarat" (issue 6 §11) for an accepted report. */
export function CorrectiveButton({ reportId, create, compact = false }: Props) {
  const t = useTranslations('sending');
  const [refusal, setRefusal] = useState<CorrectiveResult | null>(null);
  const [pending, startTransition] = useTransition();
  const run = () =>
    startTransition(async () => {
      setRefusal(null);
      const result = await create(reportId);
      // On success the action redirects and never answers.
      if (result) setRefusal(result);
    });
  return (
    <div className={compact ? 'inline-block' : 'mt-4'}>
      <Button
        variant="secondary"
        onClick={run}
        disabled={pending}
        className={compact ? 'min-h-9 px-3 py-1 text-sm' : ''}
        data-testid="create-corrective"
      >
        {compact ? t('correctiveShort') : t('corrective')}
      </Button>
      {pending ? (
        <span role="status" className="ml-2 text-muted">
          {t('working')}
        </span>
      ) : null}
      {refusal ? (
        <p role="alert" className="mt-2 font-semibold text-danger" data-testid="corrective-error">
          {refusal.message}
          {refusal.link ? (
            <>
              {' '}
              <a href={refusal.link.href} data-testid="open-corrective">
                {refusal.link.label}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
