import { getTranslations } from 'next-intl/server';
import { ContinueForm } from '@/components/report-wizard/continue-form';
import { WarningsList } from '@/components/report-wizard/persons/warnings-list';
import { continueStepAction } from '../../actions';
import type { StepProps } from '../step-props';
import { warningItems } from './warning-items';

/** SPEC F23: the amounts that cannot be distributed, per month, with the cause and the way back to the step that fixes it. */
export async function StepF23({ loaded, locale }: StepProps) {
  const t = await getTranslations('wizardPersons');
  const tw = await getTranslations('wizard');
  const { report } = loaded;
  const { warnings } = loaded.review();
  return (
    <>
      <p className="mb-4 max-w-prose">{t('f23Lead')}</p>
      {warnings.length === 0 ? (
        <p
          className="mb-4 rounded-md bg-success-50 p-3 font-semibold text-success"
          data-testid="no-warnings"
        >
          {t('noWarnings')}
        </p>
      ) : (
        <WarningsList
          items={await warningItems(warnings, loaded, locale)}
          title={t('warningsTitle', { count: warnings.length })}
          fixWord={t('fix')}
        />
      )}
      <ContinueForm
        action={continueStepAction.bind(null, report.id, 'F23')}
        label={tw('continue')}
        backHref={loaded.backHref}
        backLabel={tw('back')}
      />
    </>
  );
}
