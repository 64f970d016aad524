import Link from 'next/link';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { DeleteDraftButton } from '@/components/registry/delete-draft-button';
import { SortHeader } from '@/components/registry/sort-header';
import { StatusBadge } from '@/components/registry/status-badge';
import { formatAmount } from '@/lib/domain';
import { formatDate, formatDateTime } from '@/lib/i18n/format-date';
import {
  registryQuery,
  type RegistryCriteria,
  type RegistrySort,
  type RegistryValues,
} from '@/lib/server/reports/registry/registry-criteria';
import type { RegistryPage, RegistryRow } from '@/lib/server/reports/registry/search-reports';
import { CorrectiveSlot, SendReportSlot } from '../sending/slots';
import { deleteDraftAction } from './actions';

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

// One table, two layouts (issue 10 §10). From lg (1024 px) it is a compact table — one or two
// short lines a row, so a laptop screen holds a dozen rows — whose actions column stays pinned
// to the right edge if the table ever scrolls sideways. Below lg each row is a card: cells stack
// with their own visible label, and the table keeps its roles for screen readers (explicit,
// since some browsers drop table semantics once the display changes).
const CELL = 'px-2 py-1.5 align-middle max-lg:block max-lg:p-0';
const CARD_LABEL = 'block text-xs font-normal text-muted lg:hidden';
const PINNED = 'lg:sticky lg:right-0 lg:bg-surface lg:shadow-[-6px_0_6px_-6px_rgb(0_0_0/0.25)]';

/** A cell; on a card it shows its column's name above the value unless the value says it all. */
function Cell({
  label,
  className = '',
  children,
}: {
  label: string | null;
  className?: string;
  children: ReactNode;
}) {
  return (
    <td role="cell" className={`${CELL} ${className}`}>
      {label ? (
        <span aria-hidden="true" className={CARD_LABEL}>
          {label}
        </span>
      ) : null}
      {children}
    </td>
  );
}

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
        compact
        href={`/reports/registry${registryQuery(values, { sort, dir, page: undefined })}`}
      />
    );
  };
  const plain = (label: ReactNode, className = '') => (
    <th role="columnheader" scope="col" className={`px-2 py-2 align-bottom ${className}`}>
      {label}
    </th>
  );
  const money = (qepik: number | null) => (qepik === null ? '—' : formatAmount(qepik, locale));
  const caption = t('tableCaption', { page: result.page, pageCount: result.pageCount });
  return (
    <div
      className="relative mt-3 rounded-lg bg-surface shadow-sm lg:overflow-x-auto"
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      <table
        role="table"
        className="w-full text-left text-sm max-lg:block"
        data-testid="registry-table"
      >
        <caption className="sr-only">{caption}</caption>
        <thead role="rowgroup" className="border-b-2 border-line max-lg:sr-only">
          <tr role="row">
            {sortHeader('period', t('colPeriod'))}
            {plain(t('colActivity'))}
            {sortHeader('status', t('colStatus'))}
            {sortHeader('sent', t('colSentReceipt'))}
            {sortHeader('amount', t('colAmount'), 'right')}
            {plain(t('colDebtEnd'), 'text-right')}
            {plain(
              <>
                <span aria-hidden="true">{t('colPersonsShort')}</span>
                <span className="sr-only">{t('colPersons')}</span>
              </>,
              'text-right',
            )}
            {plain(t('colActions'), PINNED)}
          </tr>
        </thead>
        <tbody role="rowgroup" className="max-lg:block">
          {result.rows.map((r) => (
            <ResultRow key={r.id} row={r} locale={locale} here={here} money={money} t={t} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

type RowProps = {
  row: RegistryRow;
  locale: 'az' | 'en';
  here: string;
  money: (qepik: number | null) => string;
  t: Awaited<ReturnType<typeof getTranslations<'registry'>>>;
};

function ResultRow({ row: r, locale, here, money, t }: RowProps) {
  const period = t('period', { year: r.year, quarter: r.quarter });
  const activityName = locale === 'en' ? r.activityNameEn : r.activityNameAz;
  const activity = `${r.activityCode} — ${activityName}`;
  const rowName = t('rowActions', { period, activity: r.activityCode });
  const type = t(`type${r.reportType}`);
  const editable = r.status === 'DRAFT' || r.status === 'RETURNED';
  const link = 'inline-flex min-h-9 items-center whitespace-nowrap px-1 font-semibold';
  return (
    <tr
      role="row"
      className="border-b border-line max-lg:grid max-lg:grid-cols-2 max-lg:gap-x-4 max-lg:gap-y-3 max-lg:p-4"
      data-testid="registry-row"
      data-report-id={r.id}
    >
      <Cell label={null} className="whitespace-nowrap max-lg:col-span-2">
        <span className="font-semibold max-lg:text-base">{period}</span>
        <span className="block text-xs text-muted max-lg:inline max-lg:text-sm">
          <span className="lg:hidden"> · </span>
          {type}
        </span>
      </Cell>
      <Cell label={null} className="max-lg:col-span-2 max-lg:-mt-2">
        <span className="font-semibold tabular-nums">{r.activityCode}</span>
        <span
          className="block max-w-[10rem] truncate text-xs text-muted max-lg:inline max-lg:max-w-none max-lg:whitespace-normal max-lg:text-sm"
          title={activityName}
        >
          <span className="lg:hidden"> — </span>
          {activityName}
        </span>
      </Cell>
      <Cell label={t('colStatus')}>
        <StatusBadge status={r.status} />
        {r.status === 'DRAFT' && r.readyAt !== null ? (
          <span className="block text-xs text-muted">{t('statusReady')}</span>
        ) : null}
      </Cell>
      <Cell label={t('colSentReceipt')} className="whitespace-nowrap">
        {r.sentAt ? (
          <>
            <span className="block tabular-nums">{r.receiptNumber ?? '—'}</span>
            <span className="block text-xs text-muted tabular-nums">
              {formatDateTime(r.sentAt, locale)}
            </span>
          </>
        ) : (
          <span className="text-xs text-muted">
            {t('changed', { date: formatDate(r.updatedAt, locale) })}
          </span>
        )}
      </Cell>
      <Cell label={t('colAmount')} className="whitespace-nowrap tabular-nums lg:text-right">
        {money(r.mdssQepik)}
      </Cell>
      <Cell label={t('colDebtEnd')} className="whitespace-nowrap tabular-nums lg:text-right">
        {money(r.debtEndQepik)}
      </Cell>
      <Cell label={t('colPersons')} className="tabular-nums lg:text-right">
        {r.personsCount ?? '—'}
      </Cell>
      <Cell label={null} className={`max-lg:col-span-2 ${PINNED}`}>
        {/* The row's buttons as compact as its links (the buttons' own size is for forms). */}
        <div className="flex items-center gap-x-2 gap-y-1 max-lg:flex-wrap lg:flex-nowrap [&_button]:min-h-9 [&_button]:py-1">
          {editable ? (
            <>
              <Link
                href={`/reports/${r.id}/${r.readyAt ? 'check-answers' : 'debt-start'}`}
                className={link}
                data-testid="registry-edit"
              >
                {t('edit')}
                <span className="sr-only"> — {rowName}</span>
              </Link>
              <SendReportSlot reportId={r.id} compact />
            </>
          ) : null}
          {r.status === 'DRAFT' ? (
            <DeleteDraftButton
              reportId={r.id}
              returnQuery={here}
              action={deleteDraftAction}
              description={t('deleteConfirm', { type, period, activity })}
            />
          ) : (
            // A returned report keeps its history: open it to read the reasons.
            <Link href={`/reports/${r.id}/view`} className={link} data-testid="registry-view">
              {t('view')}
              <span className="sr-only"> — {rowName}</span>
            </Link>
          )}
          {r.status === 'ACCEPTED' ? <CorrectiveSlot reportId={r.id} compact /> : null}
          {r.latestSubmissionId ? (
            <Link
              href={`/reports/submissions/${r.latestSubmissionId}/receipt`}
              className={link}
              data-testid="registry-receipt"
            >
              {t('receipt')}
              <span className="sr-only"> — {rowName}</span>
            </Link>
          ) : null}
        </div>
      </Cell>
    </tr>
  );
}
