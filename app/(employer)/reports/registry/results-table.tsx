import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DeleteDraftButton } from '@/components/registry/delete-draft-button';
import { SortHeader } from '@/components/registry/sort-header';
import { StatusBadge } from '@/components/registry/status-badge';
import { formatAmount } from '@/lib/domain';
import {
  registryQuery,
  type RegistryCriteria,
  type RegistrySort,
  type RegistryValues,
} from '@/lib/server/reports/registry/registry-criteria';
import type { RegistryPage } from '@/lib/server/reports/registry/search-reports';
import { CorrectiveSlot, SendReportSlot } from '../sending/slots';
import { deleteDraftAction } from './actions';
import { formatDate, formatDateTime } from '@/lib/i18n/format-date';

type Props = {
  result: RegistryPage;
  criteria: RegistryCriteria;
  values: RegistryValues;
  locale: 'az' | 'en';
};

/** The direction a column sorts in when first chosen: newest, drafts first, largest. */
const FIRST_DIRECTION: Record<RegistrySort, 'asc' | 'desc'> = {
  period: 'desc',
  status: 'asc',
  sent: 'desc',
  amount: 'desc',
};

/** The registry's results (SPEC G1): one page, sortable headers, row actions by status. */
export async function ResultsTable({ result, criteria, values, locale }: Props) {
  const t = await getTranslations('registry');
  const here = registryQuery(values);
  const sortHeader = (sort: RegistrySort, label: string, align?: 'right') => {
    const sorted = criteria.sort === sort ? criteria.dir : null;
    const dir = sorted ? (sorted === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[sort];
    return (
      <SortHeader
        label={label}
        align={align}
        sorted={sorted}
        href={`/reports/registry${registryQuery(values, { sort, dir, page: undefined })}`}
      />
    );
  };
  const plain = (label: string, align?: 'right') => (
    <th scope="col" className={`p-3 ${align === 'right' ? 'text-right' : ''}`}>
      {label}
    </th>
  );
  const caption = t('tableCaption', { page: result.page, pageCount: result.pageCount });
  return (
    <div
      className="relative mt-3 overflow-x-auto rounded-lg bg-surface shadow-sm"
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      <table className="w-full min-w-[64rem] text-left" data-testid="registry-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b-2 border-line">
          <tr>
            {sortHeader('period', t('colPeriod'))}
            {plain(t('colType'))}
            {plain(t('colActivity'))}
            {sortHeader('status', t('colStatus'))}
            {sortHeader('sent', t('colSent'))}
            {sortHeader('amount', t('colAmount'), 'right')}
            {plain(t('colDebtEnd'), 'right')}
            {plain(t('colPersons'), 'right')}
            {plain(t('colReceipt'))}
            {plain(t('colActions'))}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((r) => {
            const period = t('period', { year: r.year, quarter: r.quarter });
            const activity = `${r.activityCode} — ${locale === 'en' ? r.activityNameEn : r.activityNameAz}`;
            const rowName = t('rowActions', { period, activity: r.activityCode });
            const money = (qepik: number | null) =>
              qepik === null ? '—' : formatAmount(qepik, locale);
            return (
              <tr
                key={r.id}
                className="border-b border-line align-top"
                data-testid="registry-row"
                data-report-id={r.id}
              >
                <td className="whitespace-nowrap p-3">{period}</td>
                <td className="p-3">{t(`type${r.reportType}`)}</td>
                <td className="p-3">{activity}</td>
                <td className="p-3">
                  <StatusBadge status={r.status} ready={r.readyAt !== null} />
                </td>
                <td className="whitespace-nowrap p-3">
                  {r.sentAt ? (
                    formatDateTime(r.sentAt)
                  ) : (
                    <span className="text-sm text-muted">
                      {t('changed', { date: formatDate(r.updatedAt) })}
                    </span>
                  )}
                </td>
                <td className="whitespace-nowrap p-3 text-right tabular-nums">
                  {money(r.mdssQepik)}
                </td>
                <td className="whitespace-nowrap p-3 text-right tabular-nums">
                  {money(r.debtEndQepik)}
                </td>
                <td className="p-3 text-right tabular-nums">{r.personsCount ?? '—'}</td>
                <td className="p-3">{r.receiptNumber ?? '—'}</td>
                <td className="p-3">
                  <div className="flex flex-wrap items-center gap-3">
                    {r.status === 'DRAFT' || r.status === 'RETURNED' ? (
                      <>
                        <Link
                          href={`/reports/${r.id}/${r.readyAt ? 'check-answers' : 'debt-start'}`}
                          data-testid="registry-edit"
                        >
                          {t('edit')}
                          <span className="sr-only"> — {rowName}</span>
                        </Link>
                        <SendReportSlot reportId={r.id} compact />
                        {r.status === 'RETURNED' ? (
                          // A returned report keeps its history: open it to read the reasons.
                          <Link href={`/reports/${r.id}/view`} data-testid="registry-view">
                            {t('view')}
                            <span className="sr-only"> — {rowName}</span>
                          </Link>
                        ) : (
                          <DeleteDraftButton
                            reportId={r.id}
                            returnQuery={here}
                            action={deleteDraftAction}
                            description={t('deleteConfirm', {
                              type: t(`type${r.reportType}`),
                              period,
                              activity,
                            })}
                          />
                        )}
                      </>
                    ) : (
                      <Link href={`/reports/${r.id}/view`} data-testid="registry-view">
                        {t('view')}
                        <span className="sr-only"> — {rowName}</span>
                      </Link>
                    )}
                    {r.status === 'ACCEPTED' ? <CorrectiveSlot reportId={r.id} compact /> : null}
                    {r.latestSubmissionId ? (
                      <Link
                        href={`/reports/submissions/${r.latestSubmissionId}/receipt`}
                        data-testid="registry-receipt"
                      >
                        {t('receipt')}
                        <span className="sr-only"> — {rowName}</span>
                      </Link>
                    ) : null}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
