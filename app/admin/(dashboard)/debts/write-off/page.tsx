import { getTranslations } from 'next-intl/server';
import { WriteOffForm } from '@/components/admin/debts/debt-forms';
import { WRITE_OFF_CATEGORIES } from '@/lib/server/staff/debts/list-debt-actions';
import { formatAmount } from '@/lib/domain/money-format';
import { WRITE_OFF_APPROVAL_THRESHOLD_QEPIK } from '@/lib/domain/staff/write-off-rules';
import { requireStaff } from '@/lib/server/access';
import { todayInBaku } from '@/lib/server/clock';
import { BASIS_MAX } from '@/lib/server/staff/debts/debt-input';
import { requestWriteOffAction } from '../actions';
import { EmployerStep } from '../employer-step';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations('staffDebts');
  return { title: t('writeOffTitle') };
}

/** "Borcu sil" (issue 14 §6): up to 1 000 ₼ posted at once, above it sent to the head. */
export default async function WriteOffPage({ searchParams }: Props) {
  const staff = await requireStaff('OPERATOR');
  const t = await getTranslations('staffDebts');
  const employer = (await searchParams).employer;
  return (
    <EmployerStep
      staff={staff}
      path="/admin/debts/write-off"
      employerParam={typeof employer === 'string' ? employer : undefined}
      title={t('writeOffTitle')}
    >
      {(e, locale) => (
        <WriteOffForm
          send={requestWriteOffAction}
          employerId={e.id}
          basisMax={BASIS_MAX}
          thisMonth={todayInBaku().slice(0, 7)}
          codes={e.codes.map((c) => ({
            value: c.code,
            label: `${c.code} — ${locale === 'en' ? c.nameEn : c.nameAz}`,
          }))}
          categories={WRITE_OFF_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        >
          <p className="mb-4 text-sm" data-testid="write-off-threshold">
            {t('threshold', { amount: formatAmount(WRITE_OFF_APPROVAL_THRESHOLD_QEPIK, locale) })}
          </p>
        </WriteOffForm>
      )}
    </EmployerStep>
  );
}
