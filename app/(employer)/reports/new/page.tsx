import { getLocale, getTranslations } from 'next-intl/server';
import { NewReportForm } from '@/components/report-wizard/new-report-form';
import { requireEmployerAccess } from '@/lib/server/access';
import { todayInBaku } from '@/lib/server/clock';
import { getDb } from '@/lib/server/db';
import { listActivityCodes } from '@/lib/server/reports/list-activity-codes';
import { createReportAction } from './actions';

export async function generateMetadata() {
  const t = await getTranslations('wizard');
  return { title: t('newTitle') };
}

/** SPEC F1–F3: a new draft. */
export default async function NewReportPage() {
  const scope = await requireEmployerAccess('REPORTS');
  const t = await getTranslations('wizard');
  const locale = await getLocale();
  const codes = await listActivityCodes(await getDb(), scope);
  const thisYear = Number(todayInBaku().slice(0, 4));
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold">{t('newTitle')}</h1>
      <div className="mt-6 rounded-lg bg-surface p-6 shadow-sm">
        <NewReportForm
          years={[thisYear, thisYear - 1, thisYear - 2].filter((y) => y >= 2019)}
          activityCodes={codes.map((c) => ({ code: c.code, name: locale === 'en' ? c.nameEn : c.nameAz }))}
          create={createReportAction}
        />
      </div>
    </div>
  );
}
