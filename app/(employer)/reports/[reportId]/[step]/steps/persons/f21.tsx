import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ContinueForm } from '@/components/report-wizard/continue-form';
import { formatMonth } from '@/lib/domain';
import { stepById } from '@/lib/report-wizard/steps';
import { getDb } from '@/lib/server/db';
import { listReportPersons } from '@/lib/server/reports/persons/list-report-persons';
import { goNextAction } from '../../actions-persons';
import type { StepProps } from '../step-props';

/** SPEC F21, DOMAIN.md §6: the headcount of each month (F18) must equal the persons with income that month (F20). */
export async function StepF21({ loaded, locale }: StepProps) {
  const t = await getTranslations('wizardPersons');
  const tw = await getTranslations('wizard');
  const ts = await getTranslations('wizardSteps');
  const { report, scope } = loaded;
  const totals = await listReportPersons(await getDb(), scope, {
    reportId: report.id,
    pageSize: 1,
  });
  const rows = report.months.map((m) => {
    const persons = totals.months.find((x) => x.month === m.month)?.persons ?? 0;
    return {
      month: m.month,
      headcount: m.headcount,
      persons,
      agrees: m.headcount !== null && m.headcount === persons,
    };
  });
  const f18 = loaded.hrefOf(stepById('F18') ?? null);
  const f20 = loaded.hrefOf(stepById('F20') ?? null);
  return (
    <>
      <p className="mb-4 max-w-prose">{t('f21Lead')}</p>
      <div
        className="mb-4 relative overflow-x-auto"
        role="region"
        aria-label={t('f21Table')}
        tabIndex={0}
      >
        <table className="w-full min-w-[30rem] text-left" data-testid="headcount-check">
          <caption className="sr-only">{t('f21Table')}</caption>
          <thead>
            <tr className="border-b-2 border-ink/70">
              <th scope="col" className="p-2">
                {t('month')}
              </th>
              <th scope="col" className="p-2 text-right">
                {t('headcount')}
              </th>
              <th scope="col" className="p-2 text-right">
                {t('personsWithIncome')}
              </th>
              <th scope="col" className="p-2">
                {t('result')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.month}
                className="border-b border-line"
                data-testid="headcount-row"
                data-agrees={r.agrees}
              >
                <th scope="row" className="p-2 font-normal">
                  {formatMonth(r.month, locale)}
                </th>
                <td className="p-2 text-right tabular-nums">{r.headcount ?? '—'}</td>
                <td className="p-2 text-right tabular-nums">{r.persons}</td>
                <td className={`p-2 font-semibold ${r.agrees ? 'text-success' : 'text-danger'}`}>
                  {r.headcount === null
                    ? t('headcountMissing')
                    : r.agrees
                      ? t('agrees')
                      : t('differs', { difference: Math.abs(r.headcount - r.persons) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.some((r) => !r.agrees) ? (
        <p className="mb-4 rounded-md bg-warning-50 p-3">{t('f21Fix')}</p>
      ) : null}
      <p className="flex flex-wrap gap-4">
        {f18 ? (
          <Link
            href={f18}
            className="inline-flex min-h-11 items-center"
            data-testid="fix-headcount"
          >
            {t('fixAt', { step: ts('F18') })}
          </Link>
        ) : null}
        {f20 ? (
          <Link href={f20} className="inline-flex min-h-11 items-center" data-testid="fix-persons">
            {t('fixAt', { step: ts('F20') })}
          </Link>
        ) : null}
      </p>
      <ContinueForm
        action={goNextAction.bind(null, report.id, 'F21')}
        label={tw('next')}
        backHref={loaded.backHref}
        backLabel={tw('back')}
      />
    </>
  );
}
