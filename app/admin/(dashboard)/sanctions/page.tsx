import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { SanctionDecisionForm } from '@/components/admin/reports/review-forms';
import { Pagination } from '@/components/registry/pagination';
import { ScrollTable } from '@/components/ui/scroll-table';
import { formatAmount } from '@/lib/domain/money-format';
import { formatDate, formatDateTime } from '@/lib/i18n/format-date';
import { loadInStaffScope, requireStaff } from '@/lib/server/access';
import { listSanctionProposals } from '@/lib/server/staff/reports/sanctions';
import { decideSanctionAction } from './actions';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations('staffReports');
  return { title: t('sanctionsTitle') };
}

/** Open late-filing sanction proposals of the body, each imposed or dismissed once (§10). */
export default async function SanctionsPage({ searchParams }: Props) {
  const staff = await requireStaff('REVIEWER');
  const query = await searchParams;
  const pageText = Array.isArray(query.page) ? query.page[0] : query.page;
  const t = await getTranslations('staffReports');
  const locale = (await getLocale()) === 'en' ? 'en' : 'az';
  const list = await loadInStaffScope(staff, 'page:sanctions', (db) =>
    listSanctionProposals(db, staff, { page: Number.parseInt(pageText ?? '', 10) || 1 }),
  );
  const href = (p: number) => `/admin/sanctions?page=${p}`;
  return (
    <div>
      <h1 className="text-2xl font-bold">{t('sanctionsTitle')}</h1>
      <p className="mt-2">{t('sanctionsIntro')}</p>
      {list.rows.length === 0 ? (
        <p className="mt-6">{t('noSanctions')}</p>
      ) : (
        <ScrollTable
          label={t('sanctionsCaption', { total: list.total })}
          className="mt-6"
          minWidth="min-w-[60rem]"
          testId="sanction-proposals"
          columns={[
            { label: t('employer') },
            { label: t('period') },
            { label: t('receipt') },
            { label: t('deadline') },
            { label: t('daysLate'), align: 'right' },
            { label: t('amount'), align: 'right' },
            { label: t('decision') },
          ]}
        >
          {list.rows.map((r) => (
            <tr key={r.proposalId} className="border-b border-line align-top">
              <td className="p-3">{r.employerName}</td>
              <td className="whitespace-nowrap p-3">
                {r.year} Q{r.quarter} · {r.activityCode}
              </td>
              <td className="p-3">
                <Link href={`/admin/reports/${r.reportId}`}>{r.receiptNumber}</Link>
                <span className="block text-sm">{formatDateTime(r.receivedAt, locale)}</span>
              </td>
              <td className="whitespace-nowrap p-3">{formatDate(r.dueDate, locale)}</td>
              <td className="p-3 text-right">{r.daysLate}</td>
              <td className="whitespace-nowrap p-3 text-right">
                {formatAmount(r.amountQepik, locale)}
              </td>
              <td className="p-3">
                <SanctionDecisionForm
                  proposalId={r.proposalId}
                  receipt={r.receiptNumber}
                  decideAction={decideSanctionAction}
                />
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        previousHref={list.page > 1 ? href(list.page - 1) : null}
        nextHref={list.page < list.pageCount ? href(list.page + 1) : null}
      />
    </div>
  );
}
