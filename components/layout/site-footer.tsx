import { getTranslations } from 'next-intl/server';

export async function SiteFooter() {
  const t = await getTranslations('footer');
  return (
    <footer className="mt-12 border-t border-line bg-surface print:hidden">
      <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-muted">
        <p>{t('copyright')}</p>
        <p>{t('simulated')}</p>
      </div>
    </footer>
  );
}
