import { getTranslations } from 'next-intl/server';
import type { StepProps } from '../step-props';
import { LineStep } from './line-step';

/** SPEC F14: refund of work-injury and occupational-disease benefits, accrued and paid. */
export async function StepF14(props: StepProps) {
  const t = await getTranslations('wizardMoney');
  return <LineStep {...props} stepId="F14" lead={t('f14Lead')} />;
}
