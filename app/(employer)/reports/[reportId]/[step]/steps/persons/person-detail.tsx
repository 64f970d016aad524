import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { formatAmount, formatMonth } from '@/lib/domain';
import { getDb } from '@/lib/server/db';
import { isAppError } from '@/lib/server/errors';
import {
  getReportPerson,
  type ReportPersonDetail,
} from '@/lib/server/reports/persons/get-report-person';
import type { StepProps } from '../step-props';

/** F20 detail view: one person's income and the employer and employee MDSS of each month. */
export async function PersonDetail({
  loaded,
  locale,
  fin,
  closeHref,
}: Pick<StepProps, 'loaded' | 'locale'> & { fin: string; closeHref: string }) {
  const t = await getTranslations('wizardPersons');
  const tw = await getTranslations('wizard');
  let person: ReportPersonDetail | null = null;
  try {
    person = await getReportPerson(await getDb(), loaded.scope, {
      reportId: loaded.report.id,
      fin,
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
  }
  const money = (q: number) => formatAmount(q, locale);
  return (
    <section
      id="person-detail"
      aria-labelledby="person-detail-title"
      className="mb-8 rounded-md border-2 border-brand-600 p-4"
      data-testid="person-detail"
    >
      <h2 id="person-detail-title" className="mb-2 text-lg font-semibold">
        {person
          ? `${person.surname} ${person.name} ${person.patronymic} (${person.fin})`
          : t('personMissing')}
      </h2>
      {person ? (
        <div
          className="relative overflow-x-auto"
          role="region"
          aria-label={t('detailTitle')}
          tabIndex={0}
        >
          <table className="w-full min-w-[32rem] text-left text-sm">
            <caption className="sr-only">{t('detailTitle')}</caption>
            <thead>
              <tr className="border-b-2 border-ink/70">
                <th scope="col" className="p-2">
                  {t('month')}
                </th>
                <th scope="col" className="p-2 text-right">
                  {t('income')}
                </th>
                <th scope="col" className="p-2 text-right">
                  {t('employerMdss')}
                </th>
                <th scope="col" className="p-2 text-right">
                  {t('employeeMdss')}
                </th>
              </tr>
            </thead>
            <tbody>
              {person.months.map((m) => (
                <tr key={m.month} className="border-b border-line">
                  <th scope="row" className="p-2 font-normal">
                    {formatMonth(m.month, locale)}
                  </th>
                  <td className="p-2 text-right tabular-nums whitespace-nowrap">
                    {m.incomeQepik === null ? t('notEmployed') : money(m.incomeQepik)}
                  </td>
                  <td className="p-2 text-right tabular-nums whitespace-nowrap">
                    {money(m.employerQepik)}
                  </td>
                  <td className="p-2 text-right tabular-nums whitespace-nowrap">
                    {money(m.employeeQepik)}
                  </td>
                </tr>
              ))}
              <tr className="font-semibold">
                <th scope="row" className="p-2">
                  {tw('total')}
                </th>
                <td className="p-2 text-right tabular-nums whitespace-nowrap">
                  {money(person.totalIncomeQepik)}
                </td>
                <td className="p-2 text-right tabular-nums whitespace-nowrap">
                  {money(person.totalEmployerQepik)}
                </td>
                <td className="p-2 text-right tabular-nums whitespace-nowrap">
                  {money(person.totalEmployeeQepik)}
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      ) : null}
      <Link href={closeHref} className="mt-3 inline-flex min-h-11 items-center">
        {t('closeDetail')}
      </Link>
    </section>
  );
}
