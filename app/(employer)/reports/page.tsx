import { getTranslations } from 'next-intl/server';
import { requireEmployerAccess } from '@/lib/server/access';

export async function generateMetadata() {
  const t = await getTranslations('reportsModule');
  return { title: t('title') };
}

/**
 * SPEC D1, module home. The wizard, registry and cabinet are later issues: the entries are listed
 * so the structure is visible, and plainly marked as not available yet.
 */
export default async function ReportsModulePage() {
  await requireEmployerAccess('REPORTS');
  const t = await getTranslations('reportsModule');
  return (
    <div>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-4 rounded-md bg-warning-50 p-4">{t('notYet')}</p>
      <ul className="mt-6 grid gap-4 md:grid-cols-3">
        {(['newReport', 'registry', 'cabinet'] as const).map((key) => (
          <li key={key} className="rounded-lg border-2 border-line bg-surface p-5 text-muted">
            <span className="block text-lg font-semibold">{t(key)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
