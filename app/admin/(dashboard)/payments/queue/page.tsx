import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/registry/pagination';
import { ScrollTable } from '@/components/ui/scroll-table';
import { formatAmount } from '@/lib/domain/money-format';
import { formatDate } from '@/lib/i18n/format-date';
import { requireStaff } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { listQueue } from '@/lib/server/staff/payments/read-models';
import { statementCodeText } from '../line-words';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations('staffPayments');
  return { title: t('queueTitle') };
}

/**
 * The statement lines waiting for a person (issue 14 §5): the body's unmatched lines (lines of
 * no employer are the importing body's; administrators see every body's).
 */
export default async function StatementQueuePage({ searchParams }: Props) {
  const staff = await requireStaff('OPERATOR');
  const t = await getTranslations('staffPayments');
  const locale = (await getLocale()) === 'en' ? 'en' : 'az';
  const query = await searchParams;
  const page = Number(typeof query.page === 'string' ? query.page : 1);
  const queue = await listQueue(await getDb(), staff, { page });
  return (
    <div>
      <p>
        <Link href="/admin/payments">← {t('back')}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t('queueTitle')}</h1>
      <p className="mt-2 max-w-3xl">{t('queueIntro')}</p>
      {typeof query.assigned === 'string' ? (
        <p role="status" className="mt-4 font-semibold" data-testid="line-assigned">
          {t('assignedNotice')}
        </p>
      ) : null}
      <div className="mt-6">
        {queue.rows.length === 0 ? (
          <p>{t('queueEmpty')}</p>
        ) : (
          <ScrollTable
            label={t('queueCaption', { total: queue.total })}
            minWidth="min-w-[56rem]"
            testId="queue-lines"
            columns={[
              { label: t('colReference') },
              { label: t('colDate') },
              { label: t('colAmount'), align: 'right' },
              { label: t('colPayer') },
              { label: t('colText') },
              { label: t('colMatch') },
              { label: t('colActions'), srOnly: true },
            ]}
          >
            {queue.rows.map((l) => (
              <tr key={l.id} className="border-b border-line" data-testid="queue-line">
                <td className="p-3 font-mono">{l.bankReference}</td>
                <td className="p-3">{formatDate(l.valueDate, locale)}</td>
                <td className="p-3 text-right">{formatAmount(l.amountQepik, locale)}</td>
                <td className="p-3">
                  {l.payerName ?? '—'}
                  <br />
                  <span className="text-sm">
                    {t('colVoen')}: {l.payerVoen ?? '—'}
                  </span>
                </td>
                <td className="p-3 text-sm">{l.remittance}</td>
                <td className="p-3">{statementCodeText(l.reason ?? '', locale)}</td>
                <td className="p-3">
                  <Link
                    href={`/admin/payments/queue/${l.id}`}
                    aria-label={t('assignLinkLabel', { reference: l.bankReference })}
                  >
                    {t('assignLink')}
                  </Link>
                </td>
              </tr>
            ))}
          </ScrollTable>
        )}
        <Pagination
          page={queue.page}
          pageCount={queue.pageCount}
          previousHref={queue.page > 1 ? `/admin/payments/queue?page=${queue.page - 1}` : null}
          nextHref={
            queue.page < queue.pageCount ? `/admin/payments/queue?page=${queue.page + 1}` : null
          }
        />
      </div>
    </div>
  );
}
