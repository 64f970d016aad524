import { getTranslations } from 'next-intl/server';
import { CabinetTableView } from '@/components/cabinet/cabinet-table-view';
import { DebtChartSection } from '@/components/cabinet/debt-chart-section';
import { ProjectionForm } from '@/components/cabinet/projection-form';
import { readProjectionInput } from '@/lib/cabinet/projection-input';
import { cabinetTable } from '@/lib/cabinet/table';
import { formatDate } from '@/lib/i18n/format-date';
import { loadInScope } from '@/lib/server/access';
import { todayInBaku } from '@/lib/server/clock';
import { quarterDebts } from '@/lib/server/cabinet/debt-chart';
import { loadEmployerProjections } from '@/lib/server/cabinet/projection';
import type { CabinetViewProps } from '../view-body';

/**
 * View 5: the debt per code, then "if you pay each code's whole debt on D" per code (issue 13
 * §10) and the employer's debt over the last 8 quarters (§11).
 */
export async function TotalDebtView({ view, context, tables, locale }: CabinetViewProps) {
  const t = await getTranslations('cabinetProjection');
  const today = todayInBaku();
  const input = readProjectionInput(context.query, today);
  const valid = Object.keys(input.errors).length === 0;
  const { projections, points } = await loadInScope(
    context.scope,
    'cabinet:total-debt',
    async (db) => ({
      projections: valid
        ? await loadEmployerProjections(db, context, {
            amountQepik: null,
            payOn: input.payOn,
            today,
          })
        : null,
      points: await quarterDebts(db, context, null),
    }),
  );
  const byCode = projections
    ? cabinetTable({
        id: 'projection-by-code',
        title: 'cabinetProjection.byCodeTable',
        caption: t('byCodeCaption', { date: formatDate(input.payOn, locale) }),
        columns: [
          { key: 'code', label: 'cabinetProjection.code', kind: 'code' },
          { key: 'debtToday', label: 'cabinetProjection.debtToday', kind: 'money', total: true },
          { key: 'pending', label: 'cabinetProjection.pending', kind: 'money', total: true },
          { key: 'projected', label: 'cabinetProjection.projected', kind: 'money', total: true },
          { key: 'toPay', label: 'cabinetProjection.toPay', kind: 'money', total: true },
        ],
        rows: projections.map(({ code, projection: p }) => ({
          key: code,
          cells: {
            code,
            debtToday: p.debtTodayQepik,
            pending: p.pendingPenaltyQepik,
            projected: p.projectedPenaltyQepik,
            toPay: p.paymentQepik,
          },
        })),
      })
    : null;
  return (
    <>
      {(tables ?? []).map((table) => (
        <CabinetTableView key={table.id} table={table} locale={locale} />
      ))}
      <section aria-labelledby="projection-title" className="mt-8" data-testid="projection">
        <h2 id="projection-title" className="mb-1 text-lg font-semibold">
          {t('title')}
        </h2>
        <p className="mb-3 text-sm text-muted">{t('hintAllCodes')}</p>
        <ProjectionForm
          action={`/cabinet/${view.slug}`}
          query={context.query}
          input={input}
          today={today}
          withAmount={false}
          locale={locale}
        />
        {byCode ? <CabinetTableView table={byCode} locale={locale} /> : null}
      </section>
      <DebtChartSection
        points={points}
        asOf={context.query.asOf}
        locale={locale}
        testId="total-debt-chart"
      />
    </>
  );
}
