import 'server-only';
import { parseCabinetQuery } from '@/lib/cabinet/query';
import type { CabinetTable } from '@/lib/cabinet/table';
import type { DbOrTx } from '@/db/types';
import { staffViewScope, type StaffScope } from '../../access';
import { loadCabinetContext, type CabinetContext } from '../../cabinet/cabinet-context';
import { cabinetTablesLoader } from '../../cabinet/view-tables';
import { todayInBaku } from '../../clock';
import { getEmployerData, type EmployerData } from '../../employers/get-employer-data';
import { REGISTRY_PAGE_SIZE } from '../../reports/registry/registry-criteria';
import { searchReports, type RegistryPage } from '../../reports/registry/search-reports';

export type StaffEmployerView = {
  data: EmployerData;
  context: CabinetContext;
  /** View 5's table: the debt per activity code, by category. */
  totalDebt: readonly CabinetTable[];
  /** View 7's tables for the chosen (or only) code; null when none is chosen. */
  codeDebt: readonly CabinetTable[] | null;
  /** View 17's table: the payments. */
  payments: readonly CabinetTable[];
  reports: RegistryPage;
};

/** A cabinet link of a table row, pointed at the staff page of the same employer instead. */
function staffLinks(tables: readonly CabinetTable[], employerId: string): CabinetTable[] {
  return tables.map((table) => ({
    ...table,
    rows: table.rows.map((row) => {
      if (!row.href) return row;
      const code = new URL(row.href, 'http://cabinet').searchParams.get('code');
      const href = code ? `/admin/employers/${employerId}?code=${encodeURIComponent(code)}` : '';
      return { key: row.key, cells: row.cells, ...(href ? { href } : {}) };
    }),
  }));
}

/**
 * An employer of the staff member's local body as the staff dashboard shows it (issue 14 §4):
 * its registration data, and the cabinet's own read models through a read-only view scope, so
 * the debt, payments and reports are exactly what the employer sees. NOT_FOUND outside the body.
 */
export async function getStaffEmployer(
  db: DbOrTx,
  staff: StaffScope,
  input: { employerId: string; code?: string; reportsPage?: number },
  today: string = todayInBaku(),
): Promise<StaffEmployerView> {
  const scope = await staffViewScope(db, staff, input.employerId);
  const data = await getEmployerData(db, scope);
  const { query } = parseCabinetQuery(input.code ? { code: input.code } : {}, today);
  const context = await loadCabinetContext(db, scope, query);
  const load = (id: 'V5' | 'V7' | 'V17') => cabinetTablesLoader(id)!(db, context, 'screen');
  const [totalDebt, codeDebt, payments] = [
    await load('V5'),
    context.code ? await load('V7') : null,
    await load('V17'),
  ];
  const reports = await searchReports(db, scope, {
    sort: 'period',
    dir: 'desc',
    page: input.reportsPage ?? 1,
    pageSize: REGISTRY_PAGE_SIZE,
  });
  return {
    data,
    context,
    totalDebt: staffLinks(totalDebt, input.employerId),
    codeDebt: codeDebt ? staffLinks(codeDebt, input.employerId) : null,
    payments,
    reports,
  };
}
