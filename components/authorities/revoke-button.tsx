'use client';

import * as Dialog from '@/components/ui/dialog';
import { useTranslations } from '@/lib/i18n/client/texts';
import { Button } from '@/components/ui/button';

type Props = {
  authorityId: string;
  name: string;
  fin: string;
  service: string;
  revoke: (formData: FormData) => Promise<void>;
};

/** SPEC C7 with a confirmation: revoking takes effect on the holder's next request. */
export function RevokeButton({ authorityId, name, fin, service, revoke }: Props) {
  const t = useTranslations('authorities');
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <Button
          variant="secondary"
          className="min-h-9 px-3 py-1 text-sm"
          data-testid={`revoke-${fin}`}
        >
          {t('revoke')}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-ink/50" />
        <Dialog.Content className="fixed left-1/2 top-1/2 w-[min(30rem,calc(100vw-1rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-surface p-5 shadow-xl">
          <Dialog.Title className="text-lg font-bold">{t('revokeConfirmTitle')}</Dialog.Title>
          <Dialog.Description className="mt-2">
            {t('revokeConfirm', { name, fin, service })}
          </Dialog.Description>
          <form action={revoke} className="mt-4 flex gap-3">
            <input type="hidden" name="authorityId" value={authorityId} />
            <Button type="submit" variant="danger" data-testid="revoke-confirm">
              {t('revoke')}
            </Button>
            <Dialog.Close asChild>
              <Button variant="secondary">{t('back')}</Button>
            </Dialog.Close>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
