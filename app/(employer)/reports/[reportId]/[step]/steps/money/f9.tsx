import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ContinueForm } from '@/components/report-wizard/continue-form';
import { money } from '@/components/report-wizard/money/display';
import { SummaryTable } from '@/components/report-wizard/money/summary-table';
import { formatMonth } from '@/lib/domain';
import { stepById } from '@/lib/report-wizard/steps';
import { continueStepAction } from '../../actions';
import type { StepProps } from '../step-props';

/** SPEC F9: labour payments again, per month, with the non-liable income and what remains liable. */
export async function StepF9({ loaded, locale }: StepProps) {
  const t = await getTranslations('wizardMoney');
  const tw = await getTranslations('wizard');
  const { report } = loaded;
  const nonLiableOf = (month: string) =>
    report.nonLiableIncomes.filter((i) => i.month === month).reduce((s, i) => s + i.amountQepik, 0);
  const rows = report.months.map((m) => {
    const nonLiable = nonLiableOf(m.month);
    const labour = m.labourPaymentsQepik;
    return {
      month: m.month,
      labour,
      nonLiable,
      liable: labour === null ? null : labour - nonLiable,
    };
  });
  const sum = (pick: (r: (typeof rows)[number]) => number | null) =>
    rows.reduce((s, r) => s + (pick(r) ?? 0), 0);
  const show = (q: number | null) => (q === null ? t('notEntered') : money(q, locale));
  return (
    <>
      <p className="mb-4 max-w-prose">{t('f9Lead')}</p>
      <SummaryTable
        caption={t('labourPayments')}
        testId="labour-review"
        columns={[
          { label: tw('month') },
          { label: t('labourPayments'), numeric: true },
          { label: t('nonLiable'), numeric: true },
          { label: t('liable'), numeric: true },
        ]}
        rows={rows.map((r) => ({
          key: r.month,
          cells: [
            formatMonth(r.month, locale),
            show(r.labour),
            money(r.nonLiable, locale),
            show(r.liable),
          ],
        }))}
        footer={[
          tw('total'),
          money(
            sum((r) => r.labour),
            locale,
          ),
          money(
            sum((r) => r.nonLiable),
            locale,
          ),
          money(
            sum((r) => r.liable),
            locale,
          ),
        ]}
      />
      <ul className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <Link
            href={loaded.hrefOf(stepById('F7') ?? null) ?? '#'}
            className="inline-flex min-h-11 items-center"
          >
            {t('changeLabour')}
          </Link>
        </li>
        <li>
          <Link
            href={loaded.hrefOf(stepById('F8') ?? null) ?? '#'}
            className="inline-flex min-h-11 items-center"
          >
            {t('changeNonLiable')}
          </Link>
        </li>
      </ul>
      <ContinueForm
        action={continueStepAction.bind(null, report.id, 'F9')}
        label={tw('continue')}
        backHref={loaded.backHref}
        backLabel={tw('back')}
      />
    </>
  );
}
