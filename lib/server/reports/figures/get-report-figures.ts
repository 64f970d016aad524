import 'server-only';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../../access';
import { now } from '../../clock';
import { loadReportContext } from '../persons/report-context';
import { loadReportFigures, type LoadedFigures } from './load-report-figures';

/**
 * The figures of one of the scope's reports (F10, F17, F19): another employer's id answers
 * NOT_FOUND. Reads only; computed from the draft and the ledger as they stand now.
 */
export async function getReportFigures(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string },
  asOf: Date = now(),
): Promise<LoadedFigures> {
  assertScopeService(scope, 'REPORTS');
  const report = await loadReportContext(db, scope, input.reportId);
  return loadReportFigures(db, report, { asOf });
}
