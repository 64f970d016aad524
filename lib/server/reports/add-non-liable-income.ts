import 'server-only';
import { randomUUID } from 'node:crypto';
import { reportNonLiableIncomes } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { EmployerScope } from '../access';
import { now } from '../clock';
import { checkNonLiableIncome, type NonLiableIncomeFields } from './non-liable-income-input';
import { loadReportContext } from './persons/report-context';
import { changeDraft } from './draft-change';

/** F8 "Əlavə et": one income not subject to MDSS (SPEC F8, DOMAIN.md §6, §8). */
export async function addNonLiableIncome(
  db: DbOrTx,
  scope: EmployerScope,
  input: NonLiableIncomeFields & { reportId: string; version?: number },
  asOf: Date = now(),
): Promise<{ id: string; version: number }> {
  return db.transaction(async (tx) => {
    const report = await loadReportContext(tx, scope, input.reportId, {
      lock: true,
      draft: true,
      version: input.version,
    });
    const fields = await checkNonLiableIncome(tx, report, input);
    const id = randomUUID();
    await tx
      .insert(reportNonLiableIncomes)
      .values({ id, reportId: report.id, employerId: scope.employerId, ...fields });
    const version = await changeDraft(tx, scope, report, {
      step: 'F8',
      asOf,
      details: { action: 'NON_LIABLE_INCOME_ADDED', id, ...fields },
    });
    return { id, version };
  });
}
