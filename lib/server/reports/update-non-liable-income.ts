import 'server-only';
import { and, eq } from 'drizzle-orm';
import { reportNonLiableIncomes } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { EmployerScope } from '../access';
import { now } from '../clock';
import { AppError } from '../errors';
import { isUuid } from '../uuid';
import { checkNonLiableIncome, type NonLiableIncomeFields } from './non-liable-income-input';
import { ofReport } from './report-draft';
import { loadReportContext } from './persons/report-context';
import { changeDraft } from './draft-change';

/** F8 edit of one non-liable income row (SPEC F8); another report's row answers NOT_FOUND. */
export async function updateNonLiableIncome(
  db: DbOrTx,
  scope: EmployerScope,
  input: NonLiableIncomeFields & { reportId: string; incomeId: string; version?: number },
  asOf: Date = now(),
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const report = await loadReportContext(tx, scope, input.reportId, {
      lock: true,
      draft: true,
      version: input.version,
    });
    if (!isUuid(input.incomeId)) throw new AppError('NOT_FOUND');
    const fields = await checkNonLiableIncome(tx, report, input);
    const updated = await tx
      .update(reportNonLiableIncomes)
      .set(fields)
      .where(
        and(
          ofReport(reportNonLiableIncomes, report.id, scope),
          eq(reportNonLiableIncomes.id, input.incomeId),
        ),
      )
      .returning({ id: reportNonLiableIncomes.id });
    if (updated.length === 0) throw new AppError('NOT_FOUND');
    const version = await changeDraft(tx, scope, report, {
      step: 'F8',
      asOf,
      details: { action: 'NON_LIABLE_INCOME_UPDATED', id: input.incomeId, ...fields },
    });
    return { version };
  });
}
