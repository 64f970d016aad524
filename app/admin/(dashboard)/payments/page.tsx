import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/registry/pagination';
import { ScrollTable } from '@/components/ui/scroll-table';
import { formatAmount } from '@/lib/domain/money-format';
import { formatDate } from '@/lib/i18n/format-date';
import { requireStaff } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import {
  listBodyEmployers,
  listBodyPayments,
  listQueue,
  PAYMENT_STATUSES,
} from '@/lib/server/staff/payments/read-models';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

export async function generateMetadata() {
  const t = await getTranslations('staffPayments');
  return { title: t('title') };
}

/** The body's payments (issue 14 §5): paged in SQL, filtered by employer, date and status. */
export default async function StaffPaymentsPage({ searchParams }: Props) {
  const staff = await requireStaff('OPERATOR');
  const t = await getTranslations('staffPayments');
  const locale = (await getLocale()) === 'en' ? 'en' : 'az';
  const params = await searchParams;
  const filters = {
    employerId: one(params.employer),
    from: one(params.from),
    to: one(params.to),
    status: one(params.status),
    reference: one(params.reference),
    page: Number(one(params.page) ?? 1),
  };
  const db = await getDb();
  const [list, employers, queue] = await Promise.all([
    listBodyPayments(db, staff, filters),
    listBodyEmployers(db, staff, { limit: 200 }),
    listQueue(db, staff, {}),
  ]);
  const hrefOf = (page: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...params, page: String(page) }))
      if (typeof value === 'string' && value !== '') query.set(key, value);
    return `/admin/payments?${query.toString()}`;
  };
  return (
    <div>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2">{t('intro', { body: staff.localBodyName ?? t('central') })}</p>
      {one(params.recorded) ? (
        <p role="status" className="mt-4 font-semibold" data-testid="payment-recorded">
          {t('recorded')}
        </p>
      ) : null}
      {one(params.reversed) ? (
        <p role="status" className="mt-4 font-semibold" data-testid="payment-reversed">
          {t('reversedNotice')}
        </p>
      ) : null}
      <ul className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <Link href="/admin/payments/new" className="inline-flex min-h-11 items-center">
            {t('recordLink')}
          </Link>
        </li>
        <li>
          <Link href="/admin/payments/import" className="inline-flex min-h-11 items-center">
            {t('importLink')}
          </Link>
        </li>
        <li>
          <Link href="/admin/payments/queue" className="inline-flex min-h-11 items-center">
            {t('queueLink', { count: queue.total })}
          </Link>
        </li>
      </ul>
      <form method="get" className="mt-6 flex flex-wrap items-end gap-4" aria-label={t('filters')}>
        <div>
          <label htmlFor="filter-employer" className="block font-semibold">
            {t('filterEmployer')}
          </label>
          <select
            id="filter-employer"
            name="employer"
            defaultValue={filters.employerId ?? ''}
            className="mt-1 block min-h-11 rounded-md border-2 border-ink/70 bg-surface px-3 py-2"
          >
            <option value="">{t('filterAll')}</option>
            {employers.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-from" className="block font-semibold">
            {t('filterFrom')}
          </label>
          <input
            id="filter-from"
            name="from"
            type="date"
            defaultValue={filters.from ?? ''}
            className="mt-1 block min-h-11 rounded-md border-2 border-ink/70 px-3 py-2"
          />
        </div>
        <div>
          <label htmlFor="filter-to" className="block font-semibold">
            {t('filterTo')}
          </label>
          <input
            id="filter-to"
            name="to"
            type="date"
            defaultValue={filters.to ?? ''}
            className="mt-1 block min-h-11 rounded-md border-2 border-ink/70 px-3 py-2"
          />
        </div>
        <div>
          <label htmlFor="filter-status" className="block font-semibold">
            {t('filterStatus')}
          </label>
          <select
            id="filter-status"
            name="status"
            defaultValue={filters.status ?? ''}
            className="mt-1 block min-h-11 rounded-md border-2 border-ink/70 bg-surface px-3 py-2"
          >
            <option value="">{t('filterAll')}</option>
            {PAYMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-reference" className="block font-semibold">
            {t('filterReference')}
          </label>
          <input
            id="filter-reference"
            name="reference"
            defaultValue={filters.reference ?? ''}
            autoComplete="off"
            className="mt-1 block min-h-11 rounded-md border-2 border-ink/70 px-3 py-2"
          />
        </div>
        <button
          type="submit"
          className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-600 px-4 py-2 font-semibold text-brand-700"
        >
          {t('filterApply')}
        </button>
      </form>
      <div className="mt-6">
        {list.rows.length === 0 ? (
          <p>{t('empty')}</p>
        ) : (
          <ScrollTable
            label={t('tableCaption', { total: list.total })}
            minWidth="min-w-[64rem]"
            testId="staff-payments-table"
            columns={[
              { label: t('colDate') },
              { label: t('colEmployer') },
              { label: t('colReference') },
              { label: t('colActivity') },
              { label: t('colClass') },
              { label: t('colAmount'), align: 'right' },
              { label: t('colRemainder'), align: 'right' },
              { label: t('colStatus') },
              { label: t('colActions'), srOnly: true },
            ]}
          >
            {list.rows.map((r) => (
              <tr key={r.id} className="border-b border-line" data-testid="staff-payment-row">
                <td className="p-3">{formatDate(r.paymentDate, locale)}</td>
                <td className="p-3">{r.employerName}</td>
                <td className="p-3 font-mono">{r.bankReference}</td>
                <td className="p-3">{r.activityCode ?? '—'}</td>
                <td className="p-3">{r.economicClassCode}</td>
                <td className="p-3 text-right">{formatAmount(r.amountQepik, locale)}</td>
                <td className="p-3 text-right">{formatAmount(r.remainderQepik, locale)}</td>
                <td className="p-3">{t(`status${r.status}`)}</td>
                <td className="p-3">
                  {r.status === 'UNUSED' && !r.isPart ? (
                    <Link
                      href={`/admin/payments/${r.id}/reverse`}
                      aria-label={t('reverseLinkLabel', { reference: r.bankReference })}
                    >
                      {t('reverseLink')}
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </ScrollTable>
        )}
        <Pagination
          page={list.page}
          pageCount={list.pageCount}
          previousHref={list.page > 1 ? hrefOf(list.page - 1) : null}
          nextHref={list.page < list.pageCount ? hrefOf(list.page + 1) : null}
        />
      </div>
    </div>
  );
}
