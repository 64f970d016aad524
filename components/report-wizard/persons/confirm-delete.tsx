'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { ConfirmDelete as ConfirmDeleteButton } from '@/components/ui/confirm-delete';
import type { ActionResult } from '@/lib/server/actions';
import { usePersonsAction } from './use-persons-action';

/** "Sil" with the confirmation in place (no browser dialog), for one row of a persons list. */
export function ConfirmDelete({
  what,
  remove,
  testId,
}: {
  what: string;
  remove: () => Promise<ActionResult>;
  testId?: string;
}) {
  const t = useTranslations('wizardPersons');
  const { pending, error, run } = usePersonsAction();
  return (
    <ConfirmDeleteButton
      label={t('delete')}
      ariaLabel={t('deleteOf', { who: what })}
      question={t('deleteConfirm', { who: what })}
      confirmLabel={t('deleteYes')}
      cancelLabel={t('cancel')}
      onConfirm={() => run(remove)}
      pending={pending}
      error={error?.message}
      testId={testId}
    />
  );
}
