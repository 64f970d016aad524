import 'server-only';
import { sql } from 'drizzle-orm';
import { reportPayments } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { EmployerScope } from '../access';
import { now } from '../clock';
import { lockPaymentsWithRemainder } from './payment-remainder';
import { quarterBounds } from './report-draft';
import { AppError } from '../errors';
import { loadReportContext } from './persons/report-context';
import { changeDraft } from './draft-change';

/**
 * "HAMISINI ƏLAVƏ ET" (SPEC F6): adds the remainder of every payment the report may use (the
 * whole list, not just the page shown), under the same locks as a single add. Only payments
 * dated up to the quarter's last day, unless `includeLater`: a payment made after the quarter
 * usually pays the next one, and taking it here would leave that report short.
 */
export async function addAllReportPayments(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; version?: number; includeLater?: boolean },
  asOf: Date = now(),
): Promise<{ added: number; addedQepik: number; version: number }> {
  return db.transaction(async (tx) => {
    const report = await loadReportContext(tx, scope, input.reportId, {
      lock: true,
      draft: true,
      version: input.version,
    });
    const quarterEnd = quarterBounds(report).to;
    const withRemainder = (await lockPaymentsWithRemainder(tx, report, 'ALL')).filter(
      (p) => p.remainderQepik > 0,
    );
    const open =
      input.includeLater === true
        ? withRemainder
        : withRemainder.filter((p) => p.paymentDate <= quarterEnd);
    if (open.length === 0) {
      // Say why when only later payments are left: the box to include them is the way on.
      if (withRemainder.length > 0)
        throw new AppError('NOTHING_TO_ADD_IN_QUARTER', { field: 'includeLater' });
      throw new AppError('NOTHING_TO_ADD');
    }
    for (let i = 0; i < open.length; i += 1000) {
      await tx
        .insert(reportPayments)
        .values(
          open.slice(i, i + 1000).map((p) => ({
            reportId: report.id,
            employerId: scope.employerId,
            paymentId: p.id,
            amountQepik: p.remainderQepik,
            addedAt: asOf,
          })),
        )
        .onConflictDoUpdate({
          target: [reportPayments.reportId, reportPayments.paymentId],
          set: {
            amountQepik: sql`${reportPayments.amountQepik} + excluded.amount_qepik`,
            addedAt: asOf,
          },
        });
    }
    const addedQepik = open.reduce((sum, p) => sum + p.remainderQepik, 0);
    const version = await changeDraft(tx, scope, report, {
      step: 'F6',
      asOf,
      details: {
        action: 'PAYMENTS_ADDED_ALL',
        count: open.length,
        amountQepik: addedQepik,
        includeLater: input.includeLater === true,
      },
    });
    return { added: open.length, addedQepik, version };
  });
}
