import { getTranslations } from 'next-intl/server';
import { ContinueForm } from '@/components/report-wizard/continue-form';
import { continueStepAction } from '../actions';
import type { StepProps } from './step-props';

/** A step whose own form is not built yet: says so plainly and lets the user pass it. */
export async function PlaceholderStep({ loaded }: StepProps) {
  const t = await getTranslations('wizard');
  return (
    <>
      <p className="rounded-md bg-warning-50 p-3">{t('notBuilt')}</p>
      <ContinueForm
        action={continueStepAction.bind(null, loaded.report.id, loaded.step.id)}
        label={t('continue')}
        backHref={loaded.backHref}
        backLabel={t('back')}
      />
    </>
  );
}
