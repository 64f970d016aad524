import 'server-only';
import { sql } from 'drizzle-orm';
import { reportPayments } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { EmployerScope } from '../access';
import { now } from '../clock';
import { AppError } from '../errors';
import { isUuid } from '../uuid';
import { lockPaymentsWithRemainder } from './payment-remainder';
import { checkQepik } from './report-draft';
import { loadReportContext } from './persons/report-context';
import { changeDraft } from './draft-change';

export type AddReportPaymentInput = {
  reportId: string;
  paymentId: string;
  /** Part of the payment to use; omitted = the whole remainder. */
  amountQepik?: number;
  version?: number;
};

/**
 * "Əlavə et" on a payment row (SPEC F6, DOMAIN.md §6): uses all or part of a payment's
 * remainder. The payment row is locked and its remainder re-read in the same transaction, so
 * concurrent drafts cannot overuse it (PAYMENT_EXCEEDS_REMAINDER). Adding a payment the report
 * already uses adds to its amount (the user took part first, then more).
 */
export async function addReportPayment(
  db: DbOrTx,
  scope: EmployerScope,
  input: AddReportPaymentInput,
  asOf: Date = now(),
): Promise<{ usedQepik: number; remainderQepik: number; version: number }> {
  const requestedQepik =
    input.amountQepik === undefined
      ? undefined
      : checkQepik(input.amountQepik, 'amount', { positive: true });
  return db.transaction(async (tx) => {
    const report = await loadReportContext(tx, scope, input.reportId, {
      lock: true,
      draft: true,
      version: input.version,
    });
    if (!isUuid(input.paymentId)) throw new AppError('NOT_FOUND');
    const [payment] = await lockPaymentsWithRemainder(tx, report, [input.paymentId]);
    if (!payment) throw new AppError('NOT_FOUND');
    const amountQepik = requestedQepik ?? payment.remainderQepik;
    if (amountQepik <= 0 || amountQepik > payment.remainderQepik) {
      throw new AppError('PAYMENT_EXCEEDS_REMAINDER', {
        field: 'amount',
        params: { remainderQepik: Math.max(payment.remainderQepik, 0) },
      });
    }
    const [row] = await tx
      .insert(reportPayments)
      .values({
        reportId: report.id,
        employerId: scope.employerId,
        paymentId: payment.id,
        amountQepik,
        addedAt: asOf,
      })
      .onConflictDoUpdate({
        target: [reportPayments.reportId, reportPayments.paymentId],
        set: {
          amountQepik: sql`${reportPayments.amountQepik} + excluded.amount_qepik`,
          addedAt: asOf,
        },
      })
      .returning({ usedQepik: reportPayments.amountQepik });
    const version = await changeDraft(tx, scope, report, {
      step: 'F6',
      asOf,
      details: { action: 'PAYMENT_ADDED', paymentId: payment.id, amountQepik },
    });
    return {
      usedQepik: row?.usedQepik ?? amountQepik,
      remainderQepik: payment.remainderQepik - amountQepik,
      version,
    };
  });
}
