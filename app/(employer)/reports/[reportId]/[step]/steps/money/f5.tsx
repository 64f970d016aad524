import { getTranslations } from 'next-intl/server';
import { ContinueForm } from '@/components/report-wizard/continue-form';
import { continueStepAction } from '../../actions';
import type { StepProps } from '../step-props';

/** SPEC F5: the caution notice before the payments step. */
export async function StepF5({ loaded }: StepProps) {
  const t = await getTranslations('wizardMoney');
  const tw = await getTranslations('wizard');
  return (
    <>
      <div
        className="rounded-md border-l-4 border-warning bg-warning-50 p-4"
        role="note"
        data-testid="payments-notice"
      >
        <h2 className="font-semibold text-warning">{t('f5Title')}</h2>
        <p className="mt-2 max-w-prose">{t('f5Body1', { activity: loaded.report.activityCode })}</p>
        <p className="mt-2 max-w-prose">{t('f5Body2')}</p>
      </div>
      <ContinueForm
        action={continueStepAction.bind(null, loaded.report.id, 'F5')}
        label={tw('continue')}
        backHref={loaded.backHref}
        backLabel={tw('back')}
      />
    </>
  );
}
