import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ContinueForm } from '@/components/report-wizard/continue-form';
import { money } from '@/components/report-wizard/money/display';
import { SummaryTable } from '@/components/report-wizard/money/summary-table';
import { formatMonth } from '@/lib/domain';
import { stepById } from '@/lib/report-wizard/steps';
import { continueStepAction } from '../../actions';
import type { StepProps } from '../step-props';

/** SPEC F10: employer and employee MDSS per month, computed by lib/domain from the persons. */
export async function StepF10({ loaded, locale }: StepProps) {
  const t = await getTranslations('wizardMoney');
  const tw = await getTranslations('wizard');
  const ts = await getTranslations('wizardSteps');
  const { report } = loaded;
  const { figures } = loaded.review();
  const contributions = figures.months.map((m) => ({
    month: m.month,
    persons: m.persons,
    incomeQepik: m.personsIncomeQepik,
    employerQepik: m.employerQepik,
    employeeQepik: m.employeeQepik,
    totalQepik: m.employerQepik + m.employeeQepik,
  }));
  const sum = (pick: (c: (typeof contributions)[number]) => number) =>
    contributions.reduce((s, c) => s + pick(c), 0);
  return (
    <>
      <p className="mb-4 max-w-prose">{t('f10Lead')}</p>
      {report.counts.persons === 0 ? (
        <p className="mb-4 rounded-md bg-warning-50 p-3" data-testid="f10-no-persons">
          {t('f10NoPersons')}{' '}
          <Link href={loaded.hrefOf(stepById('F20') ?? null) ?? '#'}>{t('f10PersonsLink')}</Link>
        </p>
      ) : null}
      <SummaryTable
        caption={ts('F10')}
        testId="contributions"
        minWidth="min-w-[44rem]"
        columns={[
          { label: tw('month') },
          { label: t('persons'), numeric: true },
          { label: t('income'), numeric: true },
          { label: t('employerShare'), numeric: true },
          { label: t('employeeShare'), numeric: true },
          { label: t('mdssTotal'), numeric: true },
        ]}
        rows={contributions.map((c) => ({
          key: c.month,
          cells: [
            formatMonth(c.month, locale),
            c.persons,
            money(c.incomeQepik, locale),
            money(c.employerQepik, locale),
            money(c.employeeQepik, locale),
            money(c.totalQepik, locale),
          ],
        }))}
        footer={[
          tw('total'),
          '',
          money(
            sum((c) => c.incomeQepik),
            locale,
          ),
          money(
            sum((c) => c.employerQepik),
            locale,
          ),
          money(
            sum((c) => c.employeeQepik),
            locale,
          ),
          money(
            sum((c) => c.totalQepik),
            locale,
          ),
        ]}
      />
      <ContinueForm
        action={continueStepAction.bind(null, report.id, 'F10')}
        label={tw('continue')}
        backHref={loaded.backHref}
        backLabel={tw('back')}
      />
    </>
  );
}
