import 'server-only';
import type { DbOrTx } from '@/db/types';
import type { CabinetViewId } from '@/lib/cabinet/views';
import type { CabinetTable } from '@/lib/cabinet/table';
import { assertScopeService } from '../access';
import type { CabinetContext } from './cabinet-context';
import { bankAccountTables } from './views/bank-accounts';
import { debtTables } from './views/debts';
import {
  fineTables,
  mdssCalculationTables,
  mdssWriteOffTables,
  otherWriteOffTables,
} from './views/ledger-lines';
import { insuredAccountTables } from './views/insured-accounts';
import { paymentAllocationTables } from './views/payment-allocation';
import { paymentTables } from './views/payments';
import { seniorityTables } from './views/seniority';
import { undistributedTables } from './views/undistributed';
import { penaltyTables } from './views/penalty';
import { totalDebtTables } from './views/total-debt';

/**
 * How the tables of a view are read. `screen` may page a long list (view 8); `export` returns
 * every row the filters select, so a download holds what the filters say, not one page.
 */
export type CabinetTablesMode = 'screen' | 'export';

export type CabinetTablesLoader = (
  db: DbOrTx,
  context: CabinetContext,
  mode: CabinetTablesMode,
) => Promise<readonly CabinetTable[]>;

/**
 * The one list of the cabinet's table loaders: the view's page renders what its loader returns
 * and its CSV/XLSX download writes the same tables (issue 13 §12). A view of the registry marked
 * `exportable` must have an entry here (a unit test checks it).
 */
export const CABINET_TABLES: Partial<Record<CabinetViewId, CabinetTablesLoader>> = {
  V4: bankAccountTables,
  V5: totalDebtTables,
  V7: debtTables,
  V8: insuredAccountTables,
  V9: seniorityTables,
  V10: mdssCalculationTables,
  V11: paymentAllocationTables,
  V12: undistributedTables,
  V13: penaltyTables,
  V14: fineTables,
  V15: mdssWriteOffTables,
  V16: otherWriteOffTables,
  V17: paymentTables,
};

/**
 * The loader of a view. Every loader filters on the context's scope; this also refuses a scope of
 * another service (a wiring mistake), as loadCabinetContext does, so a context built some other
 * way cannot read the ledger with, say, an EMPLOYER_DATA scope.
 */
export function cabinetTablesLoader(id: CabinetViewId): CabinetTablesLoader | undefined {
  const loader = CABINET_TABLES[id];
  if (!loader) return undefined;
  return async (db, context, mode) => {
    assertScopeService(context.scope, 'REPORTS');
    return loader(db, context, mode);
  };
}
