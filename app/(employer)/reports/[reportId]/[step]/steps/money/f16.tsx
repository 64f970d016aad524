import { getTranslations } from 'next-intl/server';
import type { StepProps } from '../step-props';
import { LineStep } from './line-step';

/** SPEC F16: other accruals ("Sair hesablanmışlar"), accrued and paid. */
export async function StepF16(props: StepProps) {
  const t = await getTranslations('wizardMoney');
  return <LineStep {...props} stepId="F16" lead={t('f16Lead')} />;
}
