import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/registry/pagination';
import { ScrollTable } from '@/components/ui/scroll-table';
import { formatAmount } from '@/lib/domain/money-format';
import { formatDate } from '@/lib/i18n/format-date';
import { requireStaff } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { listDebtActions, pendingWriteOffCounts } from '@/lib/server/staff/debts/list-debt-actions';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUSES = ['PENDING', 'POSTED', 'REJECTED'] as const;
type Status = (typeof STATUSES)[number];

export async function generateMetadata() {
  const t = await getTranslations('staffDebts');
  return { title: t('title') };
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The body's fines and write-offs (issue 14 §6), paged in SQL, by status; the head's count. */
export default async function DebtsPage({ searchParams }: Props) {
  const staff = await requireStaff('OPERATOR');
  const t = await getTranslations('staffDebts');
  const locale = (await getLocale()) === 'en' ? 'en' : 'az';
  const params = await searchParams;
  const statusText = one(params.status);
  const status: Status | null = STATUSES.find((s) => s === statusText) ?? null;
  const pageText = one(params.page);
  const page = pageText && /^\d{1,5}$/.test(pageText) ? Number(pageText) : 1;
  const db = await getDb();
  const [list, counts] = await Promise.all([
    listDebtActions(db, staff, { status, page }),
    pendingWriteOffCounts(db, staff),
  ]);
  const href = (s: Status | null, p = 1) => {
    const q = new URLSearchParams();
    if (s) q.set('status', s);
    if (p > 1) q.set('page', String(p));
    const text = q.toString();
    return `/admin/debts${text ? `?${text}` : ''}`;
  };

  return (
    <div>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t('intro')}</p>
      <p className="mt-4 flex flex-wrap gap-4">
        <Link href="/admin/debts/fine" className="font-semibold" data-testid="debts-new-fine">
          {t('newFine')}
        </Link>
        <Link
          href="/admin/debts/write-off"
          className="font-semibold"
          data-testid="debts-new-write-off"
        >
          {t('newWriteOff')}
        </Link>
      </p>
      {counts.pending > 0 ? (
        <p
          className="mt-4 rounded-md border-2 border-brand-600 bg-brand-50 p-3 font-semibold"
          data-testid="debts-pending-count"
        >
          <Link href={href('PENDING')}>
            {counts.awaitingMe > 0
              ? t('awaitingMe', { count: counts.awaitingMe })
              : t('pendingCount', { count: counts.pending })}
          </Link>
        </p>
      ) : null}
      <nav aria-label={t('filterLabel')} className="mt-6">
        <ul className="flex flex-wrap gap-2">
          {[null, ...STATUSES].map((s) => (
            <li key={s ?? 'all'}>
              <Link
                href={href(s)}
                aria-current={s === status ? 'page' : undefined}
                className={`inline-block rounded-md border-2 px-3 py-1 ${s === status ? 'border-brand-600 font-semibold' : 'border-line'}`}
              >
                {s ? t(`status.${s}`) : t('filterAll')}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="mt-4" role="status" data-testid="debts-total">
        {t('total', { total: list.total })}
      </p>
      {list.rows.length === 0 ? (
        <p className="mt-2 text-muted">{t('none')}</p>
      ) : (
        <ScrollTable
          label={t('tableCaption')}
          testId="debts-table"
          minWidth="min-w-[60rem]"
          className="mt-2"
          columns={[
            { label: t('col.date') },
            { label: t('col.kind') },
            { label: t('col.employer') },
            { label: t('col.code') },
            { label: t('col.category') },
            { label: t('col.amount'), align: 'right' },
            { label: t('col.basis') },
            { label: t('col.status') },
            { label: t('col.requestedBy') },
          ]}
        >
          {list.rows.map((row) => (
            <tr key={row.id} data-testid="debts-row" data-status={row.status}>
              <td className="px-2 py-2 whitespace-nowrap">{formatDate(row.actionDate, locale)}</td>
              <td className="px-2 py-2">
                <Link href={`/admin/debts/${row.id}`}>{t(`kind.${row.kind}`)}</Link>
              </td>
              <td className="px-2 py-2">{row.employerName}</td>
              <td className="px-2 py-2">{row.activityCode}</td>
              <td className="px-2 py-2">{t(`category.${row.category}`)}</td>
              <td className="px-2 py-2 text-right whitespace-nowrap">
                {formatAmount(row.amountQepik, locale)}
              </td>
              <td className="px-2 py-2">{row.basis}</td>
              <td className="px-2 py-2">{t(`status.${row.status}`)}</td>
              <td className="px-2 py-2">{row.requestedByName}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        previousHref={list.page > 1 ? href(status, list.page - 1) : null}
        nextHref={list.page < list.pageCount ? href(status, list.page + 1) : null}
      />
    </div>
  );
}
