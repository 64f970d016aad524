'use client';

import * as Dialog from '@/components/ui/dialog';
import { useTranslations } from '@/lib/i18n/client/texts';
import { Button } from '@/components/ui/button';

type Props = {
  reportId: string;
  /** What is deleted, e.g. "İlkin hesabat · 2025, 3-cü rüb · 62.01". */
  description: string;
  /** The registry's query string, so the list comes back as it was. */
  returnQuery: string;
  action: (formData: FormData) => Promise<void>;
};

/** "Sil" on a draft row, with a confirmation: deleting cannot be undone (SPEC G1). */
export function DeleteDraftButton({ reportId, description, returnQuery, action }: Props) {
  const t = useTranslations('registry');
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <Button
          variant="secondary"
          className="min-h-9 px-3 py-1 text-sm"
          data-testid={`delete-${reportId}`}
        >
          {t('delete')}
          <span className="sr-only"> — {description}</span>
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-ink/50" />
        <Dialog.Content className="fixed left-1/2 top-1/2 w-[min(32rem,calc(100vw-1rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-surface p-5 shadow-xl">
          <Dialog.Title className="text-lg font-bold">{t('deleteTitle')}</Dialog.Title>
          <Dialog.Description className="mt-2">{description}</Dialog.Description>
          <form action={action} className="mt-4 flex flex-wrap gap-3">
            <input type="hidden" name="reportId" value={reportId} />
            <input type="hidden" name="returnQuery" value={returnQuery} />
            <Button type="submit" variant="danger" data-testid="delete-confirm">
              {t('deleteYes')}
            </Button>
            <Dialog.Close asChild>
              <Button variant="secondary">{t('cancel')}</Button>
            </Dialog.Close>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
