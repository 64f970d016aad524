import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/components/registry/status-badge';
import { formatDate } from '@/lib/i18n/format-date';
import { requireEmployerAccess } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { parseRegistryCriteria } from '@/lib/server/reports/registry/registry-criteria';
import { searchReports } from '@/lib/server/reports/registry/search-reports';

export async function generateMetadata() {
  const t = await getTranslations('reportsModule');
  return { title: t('title') };
}

/** SPEC D1: the reports module home: "Yeni Hesabat", "Hesabatların Reyestri", "Şəxsi Kabinet". */
export default async function ReportsModulePage() {
  const scope = await requireEmployerAccess('REPORTS');
  const t = await getTranslations('reportsModule');
  const tw = await getTranslations('wizard');
  const locale = await getLocale();
  // The newest reports; the registry has them all, with search.
  const { rows } = await searchReports(await getDb(), scope, parseRegistryCriteria({}).criteria);
  return (
    <div>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <ul className="mt-6 grid gap-4 md:grid-cols-3">
        <li>
          <Link
            href="/reports/new"
            className="block h-full rounded-lg border-2 border-brand-600 bg-surface p-5 no-underline shadow-sm hover:bg-brand-50"
            data-testid="new-report"
          >
            <span className="block text-lg font-semibold">{t('newReport')}</span>
            <span className="mt-3 inline-block rounded-md bg-brand-600 px-3 py-1 text-sm font-semibold text-white">
              {t('go')}
            </span>
          </Link>
        </li>
        <li>
          <Link
            href="/reports/registry"
            className="block h-full rounded-lg border-2 border-brand-600 bg-surface p-5 no-underline shadow-sm hover:bg-brand-50"
            data-testid="registry-card"
          >
            <span className="block text-lg font-semibold">{t('registry')}</span>
            <span className="mt-3 inline-block rounded-md bg-brand-600 px-3 py-1 text-sm font-semibold text-white">
              {t('go')}
            </span>
          </Link>
        </li>
        <li>
          <Link
            href="/cabinet"
            className="block h-full rounded-lg border-2 border-brand-600 bg-surface p-5 no-underline shadow-sm hover:bg-brand-50"
            data-testid="cabinet-card"
          >
            <span className="block text-lg font-semibold">{t('cabinet')}</span>
            <span className="mt-2 block text-sm text-muted">{t('cabinetHint')}</span>
            <span className="mt-3 inline-block rounded-md bg-brand-600 px-3 py-1 text-sm font-semibold text-white">
              {t('go')}
            </span>
          </Link>
        </li>
      </ul>
      <section className="mt-8" aria-labelledby="my-reports">
        <h2 id="my-reports" className="text-lg font-semibold">
          {t('myReports')}
        </h2>
        {rows.length === 0 ? (
          <p className="mt-2 text-muted">{t('noReports')}</p>
        ) : (
          <div className="relative mt-3 overflow-x-auto rounded-lg bg-surface shadow-sm">
            <table className="w-full min-w-[40rem] text-left" data-testid="reports-table">
              <thead className="border-b-2 border-line">
                <tr>
                  {[
                    tw('reportType'),
                    tw('year'),
                    tw('quarter'),
                    tw('activityCode'),
                    t('status'),
                    t('updated'),
                    '',
                  ].map((h, i) => (
                    <th key={i} scope="col" className="p-3">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className="border-b border-line" data-testid="report-row">
                    <td className="p-3">{tw(`type${r.reportType}`)}</td>
                    <td className="p-3">{r.year}</td>
                    <td className="p-3">{r.quarter}</td>
                    <td className="p-3">
                      {r.activityCode} — {locale === 'en' ? r.activityNameEn : r.activityNameAz}
                    </td>
                    <td className="p-3">
                      <StatusBadge status={r.status} ready={r.readyAt !== null} />
                    </td>
                    <td className="p-3">{formatDate(r.updatedAt, locale)}</td>
                    <td className="p-3">
                      <Link
                        href={
                          r.status === 'DRAFT'
                            ? `/reports/${r.id}/${r.readyAt ? 'check-answers' : 'debt-start'}`
                            : `/reports/${r.id}/view`
                        }
                      >
                        {t('open')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <p className="mt-8">
        <Link href="/reports/api-tokens">{t('apiTokens')}</Link>
      </p>
    </div>
  );
}
