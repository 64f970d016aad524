import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireEmployerAccess } from '@/lib/server/access';

export async function generateMetadata() {
  const t = await getTranslations('reportsModule');
  return { title: t('title') };
}

/** SPEC D1: the reports module home. The registry and cabinet are later issues, marked as such. */
export default async function ReportsModulePage() {
  await requireEmployerAccess('REPORTS');
  const t = await getTranslations('reportsModule');
  return (
    <div>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <ul className="mt-6 grid gap-4 md:grid-cols-3">
        <li>
          <Link href="/reports/new" className="block h-full rounded-lg border-2 border-brand-600 bg-surface p-5 no-underline shadow-sm hover:bg-brand-50" data-testid="new-report">
            <span className="block text-lg font-semibold">{t('newReport')}</span>
            <span className="mt-3 inline-block rounded-md bg-brand-600 px-3 py-1 text-sm font-semibold text-white">{t('go')}</span>
          </Link>
        </li>
        {(['registry', 'cabinet'] as const).map((key) => (
          <li key={key} className="rounded-lg border-2 border-line bg-surface p-5 text-muted">
            <span className="block text-lg font-semibold">{t(key)}</span>
            <span className="mt-2 block text-sm">{t('notYet')}</span>
          </li>
        ))}
      </ul>
      <p className="mt-8">
        <Link href="/reports/api-tokens">{t('apiTokens')}</Link>
      </p>
    </div>
  );
}
