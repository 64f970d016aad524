import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PaymentForm } from '@/components/staff-payments/payment-form';
import { formatAmount } from '@/lib/domain/money-format';
import { formatDate } from '@/lib/i18n/format-date';
import { loadInStaffScope, requireStaff } from '@/lib/server/access';
import { todayInBaku } from '@/lib/server/clock';
import { staffQueueLine } from '@/lib/server/staff/payments/assign-line';
import { listBodyEmployers } from '@/lib/server/staff/payments/read-models';
import { assignStatementLineAction } from '../../actions';
import { statementCodeText } from '../../line-words';

type Props = {
  params: Promise<{ lineId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations('staffPayments');
  return { title: t('assignTitle') };
}

/** Assigning a waiting statement line to an employer of the body and an activity code. */
export default async function AssignLinePage({ params, searchParams }: Props) {
  const staff = await requireStaff('OPERATOR');
  const t = await getTranslations('staffPayments');
  const locale = (await getLocale()) === 'en' ? 'en' : 'az';
  const { lineId } = await params;
  const q = (await searchParams).q;
  const search = typeof q === 'string' ? q.slice(0, 100) : '';
  const { line, employers } = await loadInStaffScope(staff, 'staffQueueLine', async (db) => ({
    line: await staffQueueLine(db, staff, lineId),
    employers: await listBodyEmployers(db, staff, { search }),
  }));
  return (
    <div>
      <p>
        <Link href="/admin/payments/queue">← {t('queueTitle')}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t('assignTitle')}</h1>
      <p className="mt-2 font-semibold" data-testid="assign-line">
        {t('assignLine', {
          reference: line.bankReference,
          date: formatDate(line.valueDate, locale),
          amount: formatAmount(line.amountQepik, locale),
          payer: `${line.payerName ?? '—'} (${line.payerVoen ?? '—'})`,
        })}
      </p>
      <p className="mt-1 text-sm">{line.remittance}</p>
      <p className="mt-1 text-sm">{statementCodeText(line.reason ?? '', locale)}</p>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="employer-search" className="block font-semibold">
            {t('searchEmployer')}
          </label>
          <input
            id="employer-search"
            name="q"
            defaultValue={search}
            autoComplete="off"
            className="mt-1 block min-h-11 rounded-md border-2 border-ink/70 px-3 py-2"
          />
        </div>
        <button
          type="submit"
          className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-600 px-4 py-2 font-semibold text-brand-700"
        >
          {t('searchButton')}
        </button>
      </form>
      <PaymentForm
        action={assignStatementLineAction}
        employers={employers}
        mode="assign"
        lineId={line.id}
        lineClassCode={line.classCode}
        today={todayInBaku()}
      />
    </div>
  );
}
