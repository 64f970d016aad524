import { getTranslations } from 'next-intl/server';
import { ContinueForm } from '@/components/report-wizard/continue-form';
import { SignatorySection } from '@/components/report-wizard/lazy';
import { findSignatoryAction, goNextAction, saveSignatoryAction } from '../../actions-persons';
import type { StepProps } from '../step-props';

/** SPEC F25, DOMAIN.md §6: the responsible person and the chief accountant, each found by FIN + document type. */
export async function StepF25({ loaded }: StepProps) {
  const t = await getTranslations('wizardPersons');
  const tw = await getTranslations('wizard');
  const { report } = loaded;
  const current = (role: string) => {
    const s = report.signatories.find((x) => x.role === role);
    return s
      ? {
          fin: s.fin,
          fullName: `${s.surname} ${s.name} ${s.patronymic}`.trim(),
          documentType: s.documentType,
        }
      : null;
  };
  return (
    <>
      <p className="mb-4 max-w-prose">{t('f25Lead')}</p>
      {(['RESPONSIBLE', 'CHIEF_ACCOUNTANT'] as const).map((role) => (
        <SignatorySection
          key={role}
          role={role}
          title={t(role === 'RESPONSIBLE' ? 'responsible' : 'chiefAccountant')}
          current={current(role)}
          find={findSignatoryAction}
          save={saveSignatoryAction.bind(null, report.id)}
        />
      ))}
      <ContinueForm
        action={goNextAction.bind(null, report.id, 'F25')}
        label={tw('next')}
        backHref={loaded.backHref}
        backLabel={tw('back')}
      />
    </>
  );
}
