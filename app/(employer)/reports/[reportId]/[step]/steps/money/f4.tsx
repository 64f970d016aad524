import { getTranslations } from 'next-intl/server';
import { ContinueForm } from '@/components/report-wizard/continue-form';
import { dmy, money } from '@/components/report-wizard/money/display';
import { continueStepAction } from '../../actions';
import type { StepProps } from '../step-props';

/** SPEC F4: the debt at the start of the period, from the ledger; read-only, "DAVAM ET". */
export async function StepF4({ loaded, locale }: StepProps) {
  const t = await getTranslations('wizardMoney');
  const tw = await getTranslations('wizard');
  const { report } = loaded;
  const debt = report.debtStartQepik;
  const from = report.months[0]?.month ?? `${report.year}-01`;
  return (
    <>
      <p className="max-w-prose">
        {t('f4Lead', { date: dmy(`${from}-01`), activity: report.activityCode })}
      </p>
      <dl className="mt-4 rounded-md border-2 border-line p-4">
        <dt className="font-semibold">{debt < 0 ? t('overpaymentStart') : t('debtStart')}</dt>
        <dd className="mt-1 text-2xl font-bold tabular-nums" data-testid="debt-start">
          {money(Math.abs(debt), locale)}
        </dd>
      </dl>
      <ContinueForm
        action={continueStepAction.bind(null, report.id, 'F4')}
        label={tw('continue')}
        backHref={loaded.backHref}
        backLabel={tw('back')}
      />
    </>
  );
}
