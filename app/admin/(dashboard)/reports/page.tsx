import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/registry/pagination';
import { Button } from '@/components/ui/button';
import { ScrollTable } from '@/components/ui/scroll-table';
import { SelectField } from '@/components/ui/select-field';
import { formatAmount } from '@/lib/domain/money-format';
import { formatDate, formatDateTime } from '@/lib/i18n/format-date';
import { loadInStaffScope, requireStaff } from '@/lib/server/access';
import {
  listReviewQueue,
  QUEUE_STATUSES,
  type QueueStatus,
} from '@/lib/server/staff/reports/review-queue';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export async function generateMetadata() {
  const t = await getTranslations('staffReports');
  return { title: t('queueTitle') };
}

/** The review queue of the body (issue 14 §8): filters, paged table, each row opens the report. */
export default async function ReviewQueuePage({ searchParams }: Props) {
  const staff = await requireStaff('REVIEWER');
  const query = await searchParams;
  const t = await getTranslations('staffReports');
  const locale = (await getLocale()) === 'en' ? 'en' : 'az';
  const statusText = first(query.status);
  const status = (QUEUE_STATUSES as readonly string[]).includes(statusText)
    ? (statusText as QueueStatus)
    : null;
  const year = Number.parseInt(first(query.year), 10) || null;
  const quarterNumber = Number.parseInt(first(query.quarter), 10);
  const quarter = quarterNumber >= 1 && quarterNumber <= 4 ? quarterNumber : null;
  const employerId = first(query.employer) || null;
  const page = Number.parseInt(first(query.page), 10) || 1;
  const queue = await loadInStaffScope(staff, 'page:reviewQueue', (db) =>
    listReviewQueue(db, staff, { status, employerId, year, quarter, page }),
  );
  const href = (p: number) => {
    const params = new URLSearchParams();
    if (status) params.set('status', status);
    if (employerId) params.set('employer', employerId);
    if (year) params.set('year', String(year));
    if (quarter) params.set('quarter', String(quarter));
    params.set('page', String(p));
    return `/admin/reports?${params.toString()}`;
  };
  const thisYear = new Date().getUTCFullYear();
  const years = Array.from({ length: thisYear - 2019 + 1 }, (_, i) => String(thisYear - i));

  return (
    <div>
      <h1 className="text-2xl font-bold">{t('queueTitle')}</h1>
      <p className="mt-2">{t('queueIntro')}</p>
      <form method="get" className="mt-6 rounded-md border-2 border-line p-4" role="search">
        <h2 className="mb-3 text-lg font-semibold">{t('filters')}</h2>
        <div className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField
            id="status"
            name="status"
            label={t('status')}
            emptyLabel={t('anyStatus')}
            defaultValue={status ?? ''}
            options={QUEUE_STATUSES.map((s) => ({ value: s, label: t(`status${s}`) }))}
          />
          <SelectField
            id="employer"
            name="employer"
            label={t('employer')}
            emptyLabel={t('anyEmployer')}
            defaultValue={employerId ?? ''}
            options={queue.employers.map((e) => ({ value: e.id, label: e.name }))}
          />
          <SelectField
            id="year"
            name="year"
            label={t('year')}
            emptyLabel={t('any')}
            defaultValue={year ? String(year) : ''}
            options={years.map((y) => ({ value: y, label: y }))}
          />
          <SelectField
            id="quarter"
            name="quarter"
            label={t('quarter')}
            emptyLabel={t('any')}
            defaultValue={quarter ? String(quarter) : ''}
            options={['1', '2', '3', '4'].map((q) => ({ value: q, label: q }))}
          />
        </div>
        <Button type="submit">{t('apply')}</Button>
      </form>

      {queue.rows.length === 0 ? (
        <p className="mt-6" data-testid="queue-empty">
          {t('none')}
        </p>
      ) : (
        <ScrollTable
          label={t('tableCaption', { total: queue.total })}
          className="mt-6"
          minWidth="min-w-[64rem]"
          testId="review-queue"
          columns={[
            { label: t('employer') },
            { label: t('period') },
            { label: t('status') },
            { label: t('receipt') },
            { label: t('receivedAt') },
            { label: t('deadline') },
            { label: t('mdss'), align: 'right' },
            { label: t('returnableUntil') },
            { label: t('open'), srOnly: true },
          ]}
        >
          {queue.rows.map((r) => (
            <tr key={r.reportId} className="border-b border-line align-top">
              <td className="p-3">
                {r.employerName}
                <span className="block text-sm text-muted">{r.voen}</span>
              </td>
              <td className="whitespace-nowrap p-3">
                {r.year} Q{r.quarter} · {r.activityCode}
              </td>
              <td className="p-3" data-testid="queue-status">
                {t(`status${r.status}`)}
              </td>
              <td className="p-3">{r.receiptNumber ?? '—'}</td>
              <td className="whitespace-nowrap p-3">
                {r.sentAt ? formatDateTime(r.sentAt, locale) : '—'}
              </td>
              <td className="whitespace-nowrap p-3">
                {r.dueDate ? formatDate(r.dueDate, locale) : '—'}
                {r.dueDate ? (
                  <span className={`block text-sm ${r.late ? 'font-semibold text-danger' : ''}`}>
                    {r.late ? t('late') : t('onTime')}
                  </span>
                ) : null}
              </td>
              <td className="whitespace-nowrap p-3 text-right">
                {r.mdssQepik === null ? '—' : formatAmount(r.mdssQepik, locale)}
              </td>
              <td className="whitespace-nowrap p-3">
                {r.returnableUntil
                  ? r.returnable
                    ? formatDate(r.returnableUntil, locale)
                    : t('windowClosed')
                  : '—'}
              </td>
              <td className="p-3">
                <Link href={`/admin/reports/${r.reportId}`} data-testid="open-report">
                  {t('open')}
                  <span className="sr-only">
                    {' '}
                    {r.employerName} {r.year} Q{r.quarter} {r.receiptNumber ?? ''}
                  </span>
                </Link>
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
      <Pagination
        page={queue.page}
        pageCount={queue.pageCount}
        previousHref={queue.page > 1 ? href(queue.page - 1) : null}
        nextHref={queue.page < queue.pageCount ? href(queue.page + 1) : null}
      />
    </div>
  );
}
