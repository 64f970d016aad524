import { getTranslations } from 'next-intl/server';
import { ContinueForm } from '@/components/report-wizard/continue-form';
import { DistributeButton } from '@/components/report-wizard/lazy';
import { WarningsList } from '@/components/report-wizard/persons/warnings-list';
import { formatAmount, formatMonth } from '@/lib/domain';
import { distributeAction, goNextAction } from '../../actions-persons';
import type { StepProps } from '../step-props';
import { warningItems } from './warning-items';

/** SPEC F22: "BÖLÜŞDÜR" distributes the reported amounts over persons and months; the figures and the F23 warnings follow. */
export async function StepF22({ loaded, locale }: StepProps) {
  const t = await getTranslations('wizardPersons');
  const tw = await getTranslations('wizard');
  const { report } = loaded;
  // One read of the draft's cached check figures serves the table and the F23 warnings.
  const review = loaded.review();
  const { warnings } = review;
  const money = (q: number | null) => (q === null ? '—' : formatAmount(q, locale));
  const columns = [
    {
      key: 'labour',
      label: t('labourPayments'),
      value: (m: (typeof review.months)[number]) => money(m.labourPaymentsQepik),
    },
    {
      key: 'nonLiable',
      label: t('nonLiable'),
      value: (m: (typeof review.months)[number]) => money(m.nonLiableQepik),
    },
    {
      key: 'persons',
      label: t('personsWithIncome'),
      value: (m: (typeof review.months)[number]) => String(m.persons),
    },
    {
      key: 'income',
      label: t('incomeTotal'),
      value: (m: (typeof review.months)[number]) => money(m.personsIncomeQepik),
    },
    {
      key: 'employer',
      label: t('employerMdss'),
      value: (m: (typeof review.months)[number]) => money(m.employerQepik),
    },
    {
      key: 'employee',
      label: t('employeeMdss'),
      value: (m: (typeof review.months)[number]) => money(m.employeeQepik),
    },
    {
      key: 'paid',
      label: t('paidToMonth'),
      value: (m: (typeof review.months)[number]) =>
        money(m.paidEmployerQepik + m.paidEmployeeQepik),
    },
  ];
  return (
    <>
      <p className="mb-4 max-w-prose">{t('f22Lead')}</p>
      <DistributeButton
        label={t('distributeF22')}
        distribute={distributeAction.bind(null, report.id)}
      />
      {review.distributedAt === null ? (
        <p className="mb-4 text-muted" data-testid="not-distributed">
          {t('notDistributedYet')}
        </p>
      ) : (
        <>
          <div
            className="mb-6 relative overflow-x-auto"
            role="region"
            aria-label={t('figuresTitle')}
            tabIndex={0}
          >
            <table
              className="w-full min-w-[56rem] text-left text-sm"
              data-testid="distribution-figures"
            >
              <caption className="mb-2 text-left text-lg font-semibold">
                {t('figuresTitle')}
              </caption>
              <thead>
                <tr className="border-b-2 border-ink/70">
                  <th scope="col" className="p-2">
                    {t('month')}
                  </th>
                  {columns.map((c) => (
                    <th key={c.key} scope="col" className="p-2 text-right">
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {review.months.map((m) => (
                  <tr key={m.month} className="border-b border-line">
                    <th scope="row" className="p-2 font-normal">
                      {formatMonth(m.month, locale)}
                    </th>
                    {columns.map((c) => (
                      <td key={c.key} className="p-2 text-right tabular-nums whitespace-nowrap">
                        {c.value(m)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
        </>
      )}
      <ContinueForm
        action={goNextAction.bind(null, report.id, 'F22')}
        label={tw('continue')}
        backHref={loaded.backHref}
        backLabel={tw('back')}
      />
    </>
  );
}
