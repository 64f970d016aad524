import { getTranslations } from 'next-intl/server';
import type { StepProps } from '../step-props';
import { LineStep } from './line-step';

/** SPEC F13: partial reimbursement of sanatorium-resort vouchers, accrued and paid. */
export async function StepF13(props: StepProps) {
  const t = await getTranslations('wizardMoney');
  return <LineStep {...props} stepId="F13" lead={t('f13Lead')} />;
}
