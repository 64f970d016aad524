import { getTranslations } from 'next-intl/server';
import { ContinueForm } from '@/components/report-wizard/continue-form';
import { amountText } from '@/components/report-wizard/money/display';
import { NonLiableIncomes } from '@/components/report-wizard/lazy';
import { formatMonth } from '@/lib/domain';
import { getDb } from '@/lib/server/db';
import { listNonLiableReasons } from '@/lib/server/reports/list-non-liable-reasons';
import { continueStepAction } from '../../actions';
import {
  addNonLiableIncomeAction,
  deleteNonLiableIncomeAction,
  updateNonLiableIncomeAction,
} from '../../actions-money';
import type { StepProps } from '../step-props';

/** SPEC F8: income not subject to MDSS — reason from the list, month, amount; add, edit, delete. */
export async function StepF8({ loaded, locale }: StepProps) {
  const t = await getTranslations('wizardMoney');
  const tw = await getTranslations('wizard');
  const { report, scope } = loaded;
  const reasons = await listNonLiableReasons(await getDb(), scope);
  return (
    <>
      <p className="mb-4 max-w-prose">{t('f8Lead')}</p>
      <NonLiableIncomes
        rows={report.nonLiableIncomes.map((r) => ({
          ...r,
          amountText: amountText(r.amountQepik, locale),
        }))}
        reasons={reasons.map((r) => ({
          value: r.code,
          label: locale === 'en' ? r.nameEn : r.nameAz,
        }))}
        months={report.months.map((m) => ({ value: m.month, label: formatMonth(m.month, locale) }))}
        add={addNonLiableIncomeAction.bind(null, report.id)}
        update={updateNonLiableIncomeAction.bind(null, report.id)}
        remove={deleteNonLiableIncomeAction.bind(null, report.id)}
      />
      <ContinueForm
        action={continueStepAction.bind(null, report.id, 'F8')}
        label={tw('continue')}
        backHref={loaded.backHref}
        backLabel={tw('back')}
      />
    </>
  );
}
