import { getTranslations } from 'next-intl/server';
import type { MonthColumn } from './persons-types';

type Props = {
  months: MonthColumn[];
  /** Exact totals; null where one is past 2^53 (stored before the bound existed), shown as —. */
  totals: { month: string; incomeQepik: number | null; persons: number }[];
  quarterIncomeQepik: number | null;
  persons: number;
  money: (q: number) => string;
};

/**
 * Per-month totals of the whole report (whatever the filters): persons with income and Σ income.
 * The quarter's Σ comes exact from the server: adding the months here in floats rounded it.
 */
export async function PersonsTotals({ months, totals, quarterIncomeQepik, persons, money }: Props) {
  const t = await getTranslations('wizardPersons');
  const shown = (q: number | null | undefined) => (q === null ? '—' : money(q ?? 0));
  return (
    <div
      className="mb-6 relative overflow-x-auto"
      role="region"
      aria-label={t('totalsRegion')}
      tabIndex={0}
    >
      <table className="w-full min-w-[28rem] text-left text-sm" data-testid="persons-totals">
        <caption className="mb-2 text-left text-lg font-semibold">
          {t('totalsTitle', { persons })}
        </caption>
        <thead>
          <tr className="border-b-2 border-ink/70">
            <th scope="col" className="p-2">
              {t('month')}
            </th>
            <th scope="col" className="p-2 text-right">
              {t('personsWithIncome')}
            </th>
            <th scope="col" className="p-2 text-right">
              {t('incomeTotal')}
            </th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => {
            const total = totals.find((x) => x.month === m.month);
            return (
              <tr
                key={m.month}
                className="border-b border-line"
                data-testid="month-total"
                data-month={m.month}
              >
                <th scope="row" className="p-2 font-normal">
                  {m.label}
                </th>
                <td className="p-2 text-right tabular-nums" data-testid="month-persons">
                  {total?.persons ?? 0}
                </td>
                <td
                  className="p-2 text-right tabular-nums whitespace-nowrap"
                  data-testid="month-income"
                >
                  {shown(total?.incomeQepik)}
                </td>
              </tr>
            );
          })}
          <tr className="font-semibold">
            <th scope="row" className="p-2">
              {t('quarterTotal')}
            </th>
            <td className="p-2 text-right tabular-nums">{persons}</td>
            <td
              className="p-2 text-right tabular-nums whitespace-nowrap"
              data-testid="quarter-income"
            >
              {shown(quarterIncomeQepik)}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
