import 'server-only';
import { and, eq } from 'drizzle-orm';
import { reportPayments } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { EmployerScope } from '../access';
import { now } from '../clock';
import { AppError } from '../errors';
import { isUuid } from '../uuid';
import { ofReport } from './report-draft';
import { loadReportContext } from './persons/report-context';
import { changeDraft } from './draft-change';

/** The row button on an added payment (SPEC F6): the report no longer uses it at all. */
export async function removeReportPayment(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; paymentId: string; version?: number },
  asOf: Date = now(),
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const report = await loadReportContext(tx, scope, input.reportId, {
      lock: true,
      draft: true,
      version: input.version,
    });
    if (!isUuid(input.paymentId)) throw new AppError('NOT_FOUND');
    const removed = await tx
      .delete(reportPayments)
      .where(
        and(
          ofReport(reportPayments, report.id, scope),
          eq(reportPayments.paymentId, input.paymentId),
        ),
      )
      .returning({ amountQepik: reportPayments.amountQepik });
    if (removed.length === 0) throw new AppError('NOT_FOUND');
    const version = await changeDraft(tx, scope, report, {
      step: 'F6',
      asOf,
      details: {
        action: 'PAYMENT_REMOVED',
        paymentId: input.paymentId,
        amountQepik: removed[0]?.amountQepik,
      },
    });
    return { version };
  });
}
