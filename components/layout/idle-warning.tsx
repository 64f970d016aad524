'use client';

import * as Dialog from '@/components/ui/dialog';
import { useTranslations } from '@/lib/i18n/client/texts';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

type Props = {
  idleSeconds: number;
  warnSeconds: number;
  signOut: (formData: FormData) => Promise<void>;
  /** A server action that passes the guard: the server marks the session as seen. */
  keepAlive: () => Promise<unknown>;
  /** Where an idled-out session goes: the employers' login or the staff dashboard's. */
  loginHref?: string;
};

/**
 * Warns before the 30-minute idle timeout, which the server enforces on the session's row.
 * "Stay signed in" calls the server (the session is seen again, the cookie re-issued; an ended
 * session answers the login page); closing the tab simply lets it run out.
 */
export function IdleWarning({
  idleSeconds,
  warnSeconds,
  signOut,
  keepAlive,
  loginHref = '/login',
}: Props) {
  const t = useTranslations('idle');
  const [lastActivity, setLastActivity] = useState(() => Date.now());
  const [open, setOpen] = useState(false);
  const router = useRouter();

  useEffect(() => {
    const timer = setInterval(() => {
      const idle = (Date.now() - lastActivity) / 1000;
      if (idle >= idleSeconds) router.push(loginHref);
      else if (idle >= idleSeconds - warnSeconds) setOpen(true);
    }, 5000);
    return () => clearInterval(timer);
  }, [lastActivity, idleSeconds, warnSeconds, router, loginHref]);

  const stay = async () => {
    await keepAlive();
    setLastActivity(Date.now());
    setOpen(false);
  };

  return (
    <Dialog.Root open={open} onOpenChange={(o) => !o && void stay()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-ink/50" />
        <Dialog.Content
          role="alertdialog"
          className="fixed left-1/2 top-1/2 w-[min(28rem,calc(100vw-1rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-surface p-5 shadow-xl"
        >
          <Dialog.Title className="text-lg font-bold">{t('title')}</Dialog.Title>
          <Dialog.Description className="mt-2">
            {t('body', { minutes: Math.round(warnSeconds / 60) })}
          </Dialog.Description>
          <div className="mt-4 flex gap-3">
            <button
              type="button"
              onClick={() => void stay()}
              className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white"
            >
              {t('stay')}
            </button>
            <form action={signOut}>
              <button
                type="submit"
                className="rounded-md border-2 border-brand-600 px-4 py-2 font-semibold"
              >
                {t('signOut')}
              </button>
            </form>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
