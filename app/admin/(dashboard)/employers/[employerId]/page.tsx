import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { CabinetTableView } from '@/components/cabinet/cabinet-table-view';
import { Pagination } from '@/components/registry/pagination';
import { StatusBadge } from '@/components/registry/status-badge';
import { ScrollTable } from '@/components/ui/scroll-table';
import { formatAmount } from '@/lib/domain/money-format';
import { staffRoleCovers } from '@/lib/domain/staff/staff-roles';
import { formatDateTime } from '@/lib/i18n/format-date';
import { loadInStaffScope, requireStaff } from '@/lib/server/access';
import { hasLineControlCharacters } from '@/lib/server/control-characters';
import { getStaffEmployer } from '@/lib/server/staff/employers/get-staff-employer';

type Props = {
  params: Promise<{ employerId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations('staffEmployers');
  return { title: t('title') };
}

/**
 * Issue 14 §4: one employer of the staff member's body, read-only: its registration data, its
 * debt per activity code, payments and reports through the cabinet's own read models, and a link
 * to its correspondence. Another body's employer is the not-found page (audited).
 */
export default async function StaffEmployerPage({ params, searchParams }: Props) {
  const staff = await requireStaff();
  const { employerId } = await params;
  const query = await searchParams;
  if (hasLineControlCharacters(employerId)) notFound();
  const code =
    typeof query.code === 'string' && /^\d{2}\.\d{1,2}$/.test(query.code) ? query.code : undefined;
  const reportsPage = Number(typeof query.reportsPage === 'string' ? query.reportsPage : 1);
  const view = await loadInStaffScope(staff, 'getStaffEmployer', (db) =>
    getStaffEmployer(db, staff, {
      employerId,
      ...(code ? { code } : {}),
      reportsPage: Number.isSafeInteger(reportsPage) && reportsPage >= 1 ? reportsPage : 1,
    }),
  );
  const locale = (await getLocale()) === 'en' ? 'en' : 'az';
  const t = await getTranslations('staffEmployers');
  const tr = await getTranslations('registry');
  const { data, reports } = view;
  const reportsHref = (page: number) =>
    `/admin/employers/${employerId}?${new URLSearchParams({ ...(code ? { code } : {}), reportsPage: String(page) })}#reports`;
  const facts: [string, string][] = [
    [t('voen'), data.voen],
    [t('dsmf'), data.dsmfRegNumber],
    [t('type'), t(`employerType.${data.employerType}`)],
    [t('body'), `${data.localBody.name} (${data.localBody.code})`],
    [t('responsible'), `${data.responsible.fullName} (${data.responsible.fin})`],
    ...(data.parent ? ([[t('parent'), data.parent.name]] as [string, string][]) : []),
    [t('addresses'), data.addresses.map((a) => a.address).join('; ') || '—'],
    [t('contacts'), data.contacts.map((c) => c.value).join('; ') || '—'],
    [t('bankAccounts'), data.bankAccounts.map((b) => `${b.bankName}: ${b.iban}`).join('; ') || '—'],
    [
      t('activityCodes'),
      data.activityCodes
        .map((c) => `${c.code} ${locale === 'en' ? c.nameEn : c.nameAz}`)
        .join('; ') || '—',
    ],
  ];
  return (
    <div>
      <p>
        <Link href="/admin/employers">{t('back')}</Link>
      </p>
      <h1 className="mt-2 break-words text-2xl font-bold" data-testid="staff-employer-name">
        {data.name}
      </h1>
      <p className="mt-1 text-sm text-muted">{t('readOnly')}</p>

      <section aria-labelledby="employer-data" className="mt-6 rounded-lg bg-surface p-4 shadow-sm">
        <h2 id="employer-data" className="text-lg font-semibold">
          {t('data')}
        </h2>
        <dl className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-semibold">{label}</dt>
              <dd className="break-words">{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="employer-debt" className="mt-8" data-testid="staff-employer-debt">
        <h2 id="employer-debt" className="text-lg font-semibold">
          {t('debt')}
        </h2>
        <p className="mb-3 text-sm text-muted">{t('debtHint')}</p>
        {view.totalDebt.map((table) => (
          <CabinetTableView key={table.id} table={table} locale={locale} />
        ))}
        {view.codeDebt && view.context.code ? (
          <>
            <h3 className="mt-4 font-semibold">
              {t('codeDebt', { code: view.context.code.code })}
            </h3>
            {view.codeDebt.map((table) => (
              <CabinetTableView key={table.id} table={table} locale={locale} />
            ))}
          </>
        ) : null}
      </section>

      <section aria-labelledby="employer-payments" className="mt-8">
        <h2 id="employer-payments" className="text-lg font-semibold">
          {t('payments')}
        </h2>
        {view.payments.map((table) => (
          <CabinetTableView key={table.id} table={table} locale={locale} />
        ))}
      </section>

      <section aria-labelledby="employer-reports" id="reports" className="mt-8">
        <h2 id="employer-reports" className="text-lg font-semibold">
          {t('reports')}
        </h2>
        {reports.rows.length === 0 ? (
          <p className="rounded-lg bg-surface p-4 shadow-sm">{t('noReports')}</p>
        ) : (
          <ScrollTable
            label={t('reportsCaption', { total: reports.total })}
            columns={[
              { label: t('period') },
              { label: t('reportType') },
              { label: t('activityCodes') },
              { label: t('status') },
              { label: t('sentAt') },
              { label: t('mdss'), align: 'right' },
              { label: t('receipt') },
            ]}
            testId="staff-employer-reports"
          >
            {reports.rows.map((r) => (
              <tr key={r.id} className="border-b border-line">
                <th scope="row" className="p-3 text-left font-normal">
                  {r.year} / {r.quarter}
                </th>
                <td className="p-3">{tr(`type${r.reportType}`)}</td>
                <td className="p-3 font-mono">{r.activityCode}</td>
                <td className="p-3">
                  <StatusBadge status={r.status} />
                </td>
                <td className="p-3">{r.sentAt ? formatDateTime(r.sentAt, locale) : '—'}</td>
                <td className="p-3 text-right">
                  {r.mdssQepik === null ? '—' : formatAmount(r.mdssQepik, locale)}
                </td>
                <td className="p-3 font-mono">{r.receiptNumber ?? '—'}</td>
              </tr>
            ))}
          </ScrollTable>
        )}
        <Pagination
          page={reports.page}
          pageCount={reports.pageCount}
          previousHref={reports.page > 1 ? reportsHref(reports.page - 1) : null}
          nextHref={reports.page < reports.pageCount ? reportsHref(reports.page + 1) : null}
          testId="reports-pagination"
        />
      </section>

      {staffRoleCovers(staff.role, 'REVIEWER') ? (
        <section aria-labelledby="employer-messages" className="mt-8">
          <h2 id="employer-messages" className="text-lg font-semibold">
            {t('messages')}
          </h2>
          <p>
            <Link href={`/admin/messages?box=all&employer=${employerId}`}>{t('messagesLink')}</Link>
          </p>
        </section>
      ) : null}
    </div>
  );
}
