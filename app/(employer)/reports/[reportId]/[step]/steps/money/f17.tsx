import { getTranslations } from 'next-intl/server';
import { PaymentApplicationTable } from '@/components/report-figures/payment-application-table';
import { ContinueForm } from '@/components/report-wizard/continue-form';
import { money, moneyLocale } from '@/components/report-wizard/money/display';
import { SummaryTable } from '@/components/report-wizard/money/summary-table';
import { continueStepAction } from '../../actions';
import type { StepProps } from '../step-props';

/**
 * SPEC F17: debt at the end of the period (DOMAIN.md §6), with every line that makes it up —
 * the payments on the side their classification code names (§5, §8) — and how the payments
 * were used, in the same figures as F19, the check page and the receipt.
 */
export async function StepF17({ loaded, locale }: StepProps) {
  const t = await getTranslations('wizardMoney');
  const tw = await getTranslations('wizard');
  const ts = await getTranslations('wizardSteps');
  const { report } = loaded;
  const { balanceLines, balance, application } = loaded.review().figures;
  const m = (q: number) => money(q, locale);
  const end = balance.debtEndQepik;
  return (
    <>
      <p className="mb-4 max-w-prose">{t('f17Lead')}</p>
      <dl className="mb-6 rounded-md border-2 border-brand-600 p-4">
        <dt className="font-semibold">{end < 0 ? t('overpaymentEnd') : t('debtEnd')}</dt>
        <dd className="mt-1 text-2xl font-bold tabular-nums" data-testid="debt-end">
          {m(Math.abs(end))}
        </dd>
      </dl>
      <div className="mb-8">
        <SummaryTable
          caption={ts('F17')}
          testId="balance"
          minWidth="min-w-[18rem]"
          columns={[
            { label: t('category') },
            { label: t('accrued'), numeric: true },
            { label: t('paid'), numeric: true },
          ]}
          rows={[
            {
              key: 'start',
              cells: [
                balance.debtStartQepik < 0 ? t('overpaymentStart') : t('debtStart'),
                m(Math.abs(balance.debtStartQepik)),
                '',
              ],
            },
            ...balanceLines.map((l) => ({
              key: l.category,
              testId: `balance-${l.category}`,
              cells: [t(`cat${l.category}`), m(l.accruedQepik), m(l.paidQepik)],
            })),
            { key: 'write-offs', cells: [t('writeOffs'), '', m(balance.writeOffsQepik)] },
          ]}
          footer={[
            tw('total'),
            m(balance.accruedQepik),
            m(balance.paidQepik + balance.writeOffsQepik),
          ]}
        />
      </div>
      <PaymentApplicationTable application={application} locale={moneyLocale(locale)} />
      <ContinueForm
        action={continueStepAction.bind(null, report.id, 'F17')}
        label={tw('next')}
        backHref={loaded.backHref}
        backLabel={tw('back')}
      />
    </>
  );
}
