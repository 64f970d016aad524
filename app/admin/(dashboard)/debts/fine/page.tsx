import { getTranslations } from 'next-intl/server';
import { FineForm } from '@/components/admin/debts/debt-forms';
import { requireStaff } from '@/lib/server/access';
import { todayInBaku } from '@/lib/server/clock';
import { BASIS_MAX } from '@/lib/server/staff/debts/debt-input';
import { imposeFineAction } from '../actions';
import { EmployerStep } from '../employer-step';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations('staffDebts');
  return { title: t('fineTitle') };
}

/** "Cərimə tətbiq et" (issue 14 §6): posts one FINE entry on the employer's chosen code. */
export default async function FinePage({ searchParams }: Props) {
  const staff = await requireStaff('OPERATOR');
  const t = await getTranslations('staffDebts');
  const employer = (await searchParams).employer;
  return (
    <EmployerStep
      staff={staff}
      path="/admin/debts/fine"
      employerParam={typeof employer === 'string' ? employer : undefined}
      title={t('fineTitle')}
    >
      {(e, locale) => (
        <FineForm
          send={imposeFineAction}
          employerId={e.id}
          basisMax={BASIS_MAX}
          today={todayInBaku()}
          codes={e.codes.map((c) => ({
            value: c.code,
            label: `${c.code} — ${locale === 'en' ? c.nameEn : c.nameAz}`,
          }))}
        />
      )}
    </EmployerStep>
  );
}
