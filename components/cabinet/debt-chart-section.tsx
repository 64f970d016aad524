import { getTranslations } from 'next-intl/server';
import { CabinetTableView } from '@/components/cabinet/cabinet-table-view';
import { cabinetTable } from '@/lib/cabinet/table';
import { formatDate } from '@/lib/i18n/format-date';
import type { QuarterDebt } from '@/lib/server/cabinet/debt-chart';
import { DebtChart, type DebtChartPoint } from './debt-chart';

/**
 * Issue 13 §11: the debt over the last 8 quarters — a stacked chart drawn in the browser, and
 * the same figures as a table (in a details element, server-rendered: screen readers, print and
 * pages without JavaScript read it).
 */
export async function DebtChartSection({
  points,
  asOf,
  locale,
  testId,
}: {
  points: readonly QuarterDebt[];
  asOf: string;
  locale: 'az' | 'en';
  testId: string;
}) {
  const t = await getTranslations('cabinetProjection');
  const tl = await getTranslations('cabinetLedger');
  const chartPoints: DebtChartPoint[] = points.map((p) => ({
    label: t('quarterShort', { year: p.year, quarter: p.quarter }),
    MDSS: p.debts.MDSS,
    PENALTY: p.debts.PENALTY,
    FINES: p.debts.FINES,
    OTHER: p.debts.OTHER,
  }));
  const table = cabinetTable({
    id: `${testId}-table`,
    title: 'cabinetProjection.chartTable',
    columns: [
      { key: 'quarter', label: 'cabinetProjection.quarter', kind: 'text' },
      { key: 'date', label: 'cabinetProjection.date', kind: 'date' },
      { key: 'MDSS', label: 'cabinetLedger.mdss', kind: 'money' },
      { key: 'PENALTY', label: 'cabinetLedger.penalty', kind: 'money' },
      { key: 'FINES', label: 'cabinetLedger.fines', kind: 'money' },
      { key: 'OTHER', label: 'cabinetLedger.other', kind: 'money' },
      { key: 'CREDIT', label: 'cabinetLedger.credit', kind: 'money' },
      { key: 'balance', label: 'cabinetLedger.balance', kind: 'money' },
    ],
    rows: points.map((p) => ({
      key: p.date,
      cells: {
        quarter: t('quarterLabel', { year: p.year, quarter: p.quarter }),
        date: p.date,
        ...p.debts,
        balance: p.balanceQepik,
      },
    })),
    totals: null,
  });
  return (
    <section className="mb-6" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <h2 id={`${testId}-title`} className="mb-1 text-lg font-semibold">
        {t('chartTitle')}
      </h2>
      <p className="mb-2 text-sm text-muted">
        {t('chartHint', { asOf: formatDate(asOf, locale) })}
      </p>
      <DebtChart
        points={chartPoints}
        names={{
          MDSS: tl('mdss'),
          PENALTY: tl('penalty'),
          FINES: tl('fines'),
          OTHER: tl('other'),
        }}
        locale={locale}
        loading={t('chartLoading')}
        testId={`${testId}-chart`}
      />
      <details className="mt-3" data-testid={`${testId}-details`}>
        <summary className="cursor-pointer font-semibold">{t('showAsTable')}</summary>
        <div className="mt-2">
          <CabinetTableView table={table} locale={locale} />
        </div>
      </details>
    </section>
  );
}
