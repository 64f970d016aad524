import { getLocale, getTranslations } from 'next-intl/server';
import { NewReportForm } from '@/components/report-wizard/new-report-form';
import { requireEmployerAccess } from '@/lib/server/access';
import { todayInBaku } from '@/lib/server/clock';
import { getDb } from '@/lib/server/db';
import {
  findDefaultReportPeriods,
  FIRST_REPORT_YEAR,
} from '@/lib/server/reports/find-default-report-periods';
import { listActivityCodes } from '@/lib/server/reports/list-activity-codes';
import { createReportAction } from './actions';

export async function generateMetadata() {
  const t = await getTranslations('wizard');
  return { title: t('newTitle') };
}

/** SPEC F1–F3: a new draft, starting on the earliest quarter not filed yet. */
export default async function NewReportPage() {
  const scope = await requireEmployerAccess('REPORTS');
  const t = await getTranslations('wizard');
  const locale = await getLocale();
  const db = await getDb();
  const codes = await listActivityCodes(db, scope);
  const defaults = await findDefaultReportPeriods(db, scope);
  const thisYear = Number(todayInBaku().slice(0, 4));
  // The last three years, and back to the employer's first year with data if that is earlier.
  const oldest = Math.max(Math.min(thisYear - 2, defaults.earliestYear), FIRST_REPORT_YEAR);
  const years = Array.from({ length: thisYear - oldest + 1 }, (_, i) => thisYear - i);
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold">{t('newTitle')}</h1>
      <div className="mt-6 rounded-lg bg-surface p-6 shadow-sm">
        <NewReportForm
          years={years}
          defaultPeriods={defaults.byActivityCode}
          activityCodes={codes.map((c) => ({
            code: c.code,
            name: locale === 'en' ? c.nameEn : c.nameAz,
          }))}
          create={createReportAction}
        />
      </div>
    </div>
  );
}
