import 'server-only';
import { parseCabinetQuery, type CabinetQueryProblem } from '@/lib/cabinet/query';
import type { CabinetTable } from '@/lib/cabinet/table';
import type { CabinetViewDefinition } from '@/lib/cabinet/views';
import { loadInScope, requireEmployerAccess, subEmployerScope } from '../access';
import { now, todayInBaku } from '../clock';
import { loadCabinetContext, type CabinetContext } from './cabinet-context';
import { cabinetTablesLoader, type CabinetTablesMode } from './view-tables';

export interface CabinetPage {
  readonly context: CabinetContext;
  readonly problems: readonly CabinetQueryProblem[];
  /** The view's tables, or null when it has none or needs a code not chosen yet. */
  readonly tables: readonly CabinetTable[] | null;
  /** When the page was made (printed on a statement). */
  readonly madeAt: Date;
}

type SearchParams = Readonly<Record<string, string | string[] | undefined>>;

/**
 * Everything a cabinet page or its download needs, through the one guard: the REPORTS scope of
 * the session's employer, the URL's choices, the context and the view's tables. An id in the URL
 * the scope does not own is audited and answers the not-found page (loadInScope).
 */
export async function loadCabinetPage(
  view: CabinetViewDefinition,
  searchParams: SearchParams,
  mode: CabinetTablesMode = 'screen',
): Promise<CabinetPage> {
  const scope = await requireEmployerAccess('REPORTS');
  const madeAt = now();
  const { query, problems } = parseCabinetQuery(searchParams, todayInBaku(madeAt));
  return loadInScope(scope, `cabinet:${view.slug}`, async (db) => {
    // A sub-employer's cabinet (E5) only through the scope of an employer above it.
    const viewScope = query.sub ? await subEmployerScope(db, scope, query.sub) : scope;
    const context = await loadCabinetContext(db, viewScope, query);
    const loader = cabinetTablesLoader(view.id);
    const ready = !view.needsCode || context.code !== null;
    const tables = ready && loader ? await loader(db, context, mode) : null;
    return { context, problems, tables, madeAt };
  });
}
