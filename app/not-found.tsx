import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/components/layout/site-header';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <>
      <SiteHeader homeHref="/" />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        <h1 className="text-2xl font-bold">{t('heading')}</h1>
        <p className="mt-3">{t('body')}</p>
        <p className="mt-6">
          <Link href="/">{t('back')}</Link>
        </p>
      </main>
    </>
  );
}
