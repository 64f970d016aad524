import 'server-only';
import { reportLines, type ReportLineCategory } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { EmployerScope } from '../access';

/** Writes one (category, accrued, paid) line of DOMAIN.md §6; a side not given keeps its value. */
export async function upsertReportLine(
  tx: DbOrTx,
  scope: EmployerScope,
  reportId: string,
  category: ReportLineCategory,
  amounts: { accruedQepik?: number; paidQepik?: number },
): Promise<void> {
  const set = {
    ...(amounts.accruedQepik === undefined ? {} : { accruedQepik: amounts.accruedQepik }),
    ...(amounts.paidQepik === undefined ? {} : { paidQepik: amounts.paidQepik }),
  };
  const insert = tx
    .insert(reportLines)
    .values({ reportId, employerId: scope.employerId, category, ...set });
  await (Object.keys(set).length === 0
    ? insert.onConflictDoNothing()
    : insert.onConflictDoUpdate({ target: [reportLines.reportId, reportLines.category], set }));
}
