import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PaymentForm } from '@/components/staff-payments/payment-form';
import { requireStaff } from '@/lib/server/access';
import { todayInBaku } from '@/lib/server/clock';
import { getDb } from '@/lib/server/db';
import { listBodyEmployers } from '@/lib/server/staff/payments/read-models';
import { recordPaymentAction } from '../actions';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations('staffPayments');
  return { title: t('newTitle') };
}

/** Recording one payment by hand (issue 14 §5) for an employer of the body. */
export default async function NewPaymentPage({ searchParams }: Props) {
  const staff = await requireStaff('OPERATOR');
  const t = await getTranslations('staffPayments');
  const q = (await searchParams).q;
  const search = typeof q === 'string' ? q.slice(0, 100) : '';
  const employers = await listBodyEmployers(await getDb(), staff, { search });
  return (
    <div>
      <p>
        <Link href="/admin/payments">← {t('back')}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t('newTitle')}</h1>
      <p className="mt-2">{t('newIntro')}</p>
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
        action={recordPaymentAction}
        employers={employers}
        mode="record"
        today={todayInBaku()}
      />
    </div>
  );
}
