'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { PersonsResult } from './persons-types';
import { usePersonsAction } from './use-persons-action';

/** "Sil" with the confirmation in place (no browser dialog), for one row of a list. */
export function ConfirmDelete({ what, remove, testId }: { what: string; remove: () => Promise<PersonsResult>; testId?: string }) {
  const t = useTranslations('wizardPersons');
  const [asking, setAsking] = useState(false);
  const { pending, error, run } = usePersonsAction();
  if (!asking) {
    return (
      <Button variant="danger" onClick={() => setAsking(true)} aria-label={t('deleteOf', { who: what })} data-testid={testId}>
        {t('delete')}
      </Button>
    );
  }
  return (
    <div role="group" aria-label={t('deleteOf', { who: what })}>
      {error ? <p role="alert" className="mb-2 font-semibold text-danger">{error.message}</p> : null}
      <p className="mb-2">{t('deleteConfirm', { who: what })}</p>
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" disabled={pending} onClick={() => run(remove)} data-testid={testId ? `${testId}-confirm` : undefined}>{t('deleteYes')}</Button>
        <Button variant="secondary" disabled={pending} onClick={() => setAsking(false)}>{t('cancel')}</Button>
      </div>
    </div>
  );
}
