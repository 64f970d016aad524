'use client';

import * as Dialog from '@/components/ui/dialog';
import { useTranslations } from '@/lib/i18n/client/texts';
import { Button } from '@/components/ui/button';

type Props = {
  tokenId: string;
  name: string;
  prefix: string;
  revoke: (formData: FormData) => Promise<void>;
};

/** Issue 5 §9 with a confirmation: a revoked token is refused (401) on its next request. */
export function RevokeTokenButton({ tokenId, name, prefix, revoke }: Props) {
  const t = useTranslations('apiTokens');
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <Button
          variant="secondary"
          className="min-h-9 px-3 py-1 text-sm"
          data-testid={`revoke-${prefix}`}
        >
          {t('revoke')}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-ink/50" />
        <Dialog.Content className="fixed left-1/2 top-1/2 w-[min(30rem,calc(100vw-1rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-surface p-5 shadow-xl">
          <Dialog.Title className="text-lg font-bold">{t('revokeConfirmTitle')}</Dialog.Title>
          <Dialog.Description className="mt-2">
            {t('revokeConfirm', { name, prefix })}
          </Dialog.Description>
          <form action={revoke} className="mt-4 flex gap-3">
            <input type="hidden" name="tokenId" value={tokenId} />
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
