import { getTranslations } from 'next-intl/server';
import { CabinetTableView } from '@/components/cabinet/cabinet-table-view';
import type { CabinetTable } from '@/lib/cabinet/table';
import type { CabinetViewDefinition, CabinetViewId } from '@/lib/cabinet/views';
import type { CabinetContext } from '@/lib/server/cabinet/cabinet-context';
import { ActivityCodeView } from './views/activity-code';
import { AddressesView } from './views/addresses';
import { ContactsView } from './views/contacts';
import { DebtsView } from './views/debts';
import { EmployerView } from './views/employer';
import { InsuredAccountsView } from './views/insured-accounts';
import { PenaltyView } from './views/penalty';
import { TotalDebtView } from './views/total-debt';
import { PaymentsView } from './views/payments';

export type CabinetViewProps = {
  view: CabinetViewDefinition;
  context: CabinetContext;
  /** What the view's table loader returned (lib/server/cabinet/view-tables.ts), if it has one. */
  tables: readonly CabinetTable[] | null;
  locale: 'az' | 'en';
};

/**
 * Views with more than tables (a chart, a form, a person's page) have a component here; every
 * other view shows its loader's tables, exactly as its download writes them.
 */
const CUSTOM: Partial<
  Record<CabinetViewId, (props: CabinetViewProps) => Promise<React.ReactNode>>
> = {
  V1: EmployerView,
  V2: AddressesView,
  V3: ContactsView,
  V5: TotalDebtView,
  V6: ActivityCodeView,
  V7: DebtsView,
  V8: InsuredAccountsView,
  V13: PenaltyView,
  V17: PaymentsView,
};

export async function ViewBody(props: CabinetViewProps) {
  const Custom = CUSTOM[props.view.id];
  if (Custom) return <Custom {...props} />;
  if (props.tables) {
    return (
      <>
        {props.tables.map((table) => (
          <CabinetTableView key={table.id} table={table} locale={props.locale} />
        ))}
      </>
    );
  }
  const t = await getTranslations('cabinet');
  return <p data-testid="cabinet-not-built">{t('notBuilt')}</p>;
}
