'use client';

import * as Dialog from '@/components/ui/dialog';
import { useTranslations } from '@/lib/i18n/client/texts';
import { Button } from '@/components/ui/button';

type Props = {
  signOutEverywhere: (formData: FormData) => Promise<void>;
};

/** The user menu's "Hər yerdən çıxış", asked first: it ends every session of the person. */
export function SignOutEverywhere({ signOutEverywhere }: Props) {
  const t = useTranslations('header');
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <button
          type="button"
          className="rounded-md px-2 py-1 font-medium text-white underline hover:bg-white/10"
          data-testid="sign-out-everywhere"
        >
          {t('signOutEverywhere')}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-ink/50" />
        <Dialog.Content className="fixed left-1/2 top-1/2 w-[min(30rem,calc(100vw-1rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-surface p-5 text-ink shadow-xl">
          <Dialog.Title className="text-lg font-bold">{t('signOutEverywhereTitle')}</Dialog.Title>
          <Dialog.Description className="mt-2">{t('signOutEverywhereBody')}</Dialog.Description>
          <form action={signOutEverywhere} className="mt-4 flex flex-wrap gap-3">
            <Button type="submit" variant="danger" data-testid="sign-out-everywhere-confirm">
              {t('signOutEverywhereConfirm')}
            </Button>
            <Dialog.Close asChild>
              <Button variant="secondary">{t('signOutEverywhereCancel')}</Button>
            </Dialog.Close>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
