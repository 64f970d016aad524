import { CabinetTableView } from '@/components/cabinet/cabinet-table-view';
import { DebtChartSection } from '@/components/cabinet/debt-chart-section';
import { loadInScope } from '@/lib/server/access';
import { quarterDebts } from '@/lib/server/cabinet/debt-chart';
import type { CabinetViewProps } from '../view-body';

/** View 7: the chosen code's debt statement, then its debt over the last 8 quarters. */
export async function DebtsView({ context, tables, locale }: CabinetViewProps) {
  const code = context.code?.code ?? null;
  const points = code
    ? await loadInScope(context.scope, 'cabinet:debt-chart', (db) =>
        quarterDebts(db, context, code),
      )
    : null;
  return (
    <>
      {(tables ?? []).map((table) => (
        <CabinetTableView key={table.id} table={table} locale={locale} />
      ))}
      {points ? (
        <DebtChartSection
          points={points}
          asOf={context.query.asOf}
          locale={locale}
          testId="debt-chart"
        />
      ) : null}
    </>
  );
}
