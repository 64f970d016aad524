import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ReverseForm } from '@/components/staff-payments/reverse-form';
import { formatAmount } from '@/lib/domain/money-format';
import { formatDate } from '@/lib/i18n/format-date';
import { loadInStaffScope, requireStaff } from '@/lib/server/access';
import { loadBodyPayment } from '@/lib/server/staff/payments/read-models';
import { reversePaymentAction } from '../../actions';

type Props = { params: Promise<{ paymentId: string }> };

export async function generateMetadata() {
  const t = await getTranslations('staffPayments');
  return { title: t('reverseTitle') };
}

/** Reversing a wrong, unused payment (issue 14 §5) with a reason. */
export default async function ReversePaymentPage({ params }: Props) {
  const staff = await requireStaff('OPERATOR');
  const t = await getTranslations('staffPayments');
  const locale = (await getLocale()) === 'en' ? 'en' : 'az';
  const { paymentId } = await params;
  const payment = await loadInStaffScope(staff, 'loadBodyPayment', (db) =>
    loadBodyPayment(db, staff, paymentId),
  );
  const reversible = payment.status === 'UNUSED' && !payment.isPart;
  return (
    <div>
      <p>
        <Link href="/admin/payments">← {t('back')}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t('reverseTitle')}</h1>
      <p className="mt-2 font-semibold">
        {t('reversePayment', {
          reference: payment.bankReference,
          date: formatDate(payment.paymentDate, locale),
          amount: formatAmount(payment.amountQepik, locale),
          employer: payment.employerName,
        })}
      </p>
      <p className="mt-2 max-w-3xl">{t('reverseIntro')}</p>
      {reversible ? (
        <ReverseForm action={reversePaymentAction} paymentId={payment.id} />
      ) : (
        <p className="mt-4 font-semibold" role="status">
          {t('cannotReverse', { why: t(`status${payment.status}`) })}
        </p>
      )}
    </div>
  );
}
