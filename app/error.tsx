'use client';

import { useTranslations } from '@/lib/i18n/client/texts';

/** Never shows error.message: raw errors must not reach a user (ARCHITECTURE.md §6). */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('error');
  return (
    <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
      <h1 className="text-2xl font-bold">{t('heading')}</h1>
      <p className="mt-3">{t('body')}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-brand-600 px-4 py-2 font-semibold text-white"
      >
        {t('retry')}
      </button>
    </main>
  );
}
