import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/i18n/format-date';
import { requireStaff } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { nextDueDates } from '@/lib/server/staff/reference/list-reference';
import { REFERENCE_KINDS } from '@/lib/server/staff/reference/reference-kinds';
import { romanQuarter } from '@/lib/domain/staff/reference-change-rules';
import { DuePreview } from '@/components/staff/reference/due-preview';

export async function generateMetadata() {
  const t = await getTranslations('staffReference');
  return { title: t('title') };
}

/** "Sorğu kitabçaları" (issue 14 §11): the kinds of reference data and the next due dates. */
export default async function ReferencePage() {
  await requireStaff('ADMIN');
  const t = await getTranslations('staffReference');
  const due = await nextDueDates(await getDb());
  return (
    <div>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>
      <ul className="mt-4 list-disc pl-6">
        {REFERENCE_KINDS.map((kind) => (
          <li key={kind} className="mb-1">
            <Link href={`/admin/reference/${kind}`}>{t(`kind.${kind}`)}</Link>
          </li>
        ))}
      </ul>
      <DuePreview
        title={t('due.title')}
        report={t('due.report', {
          year: due.report.period.year,
          quarter: romanQuarter(due.report.period.quarter),
        })}
        reportDate={formatDate(due.report.dueDate)}
        contribution={t('due.contribution', { month: due.contribution.month })}
        contributionDate={formatDate(due.contribution.dueDate)}
        reportIso={due.report.dueDate}
      />
    </div>
  );
}
