import 'server-only';
import { and, eq } from 'drizzle-orm';
import { employers, paymentReversals, payments } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { staffBodyFilter, writeStaffAudit, type StaffScope } from '../../access';
import { now } from '../../clock';
import { AppError } from '../../errors';
import { exactQepikTotal } from '../../exact-sum';
import { distributedSql, reversedSql, usedByReportsSql } from '../../reports/payment-remainder';
import { isUuid } from '../../uuid';

/** A payment of an employer of the staff member's body, or NOT_FOUND. */
export async function staffPayment(db: DbOrTx, staff: StaffScope, paymentId: string) {
  if (!isUuid(paymentId)) throw new AppError('NOT_FOUND', { params: { paymentId } });
  const [row] = await db
    .select({
      id: payments.id,
      employerId: payments.employerId,
      amountQepik: payments.amountQepik,
      bankReference: payments.bankReference,
      sourcePaymentId: payments.sourcePaymentId,
    })
    .from(payments)
    .innerJoin(employers, eq(employers.id, payments.employerId))
    .where(and(eq(payments.id, paymentId), staffBodyFilter(staff, employers.localBodyCode)));
  if (!row) throw new AppError('NOT_FOUND', { params: { paymentId } });
  return row;
}

/**
 * Reverses a wrong payment (issue 14 §5) by a NEW compensating row (payment_reversals): the
 * payment stays as recorded and remainderSql subtracts the reversal, so its remainder is 0
 * everywhere. Refused when a report uses it or anything was distributed from it. The payment
 * row is locked first, as report drafts and distributions lock it before taking from it, so a
 * report cannot start using it while it is being reversed.
 */
export async function reversePayment(
  db: DbOrTx,
  staff: StaffScope,
  input: { paymentId: string; reason: string },
  asOf: Date = now(),
): Promise<{ reversalId: string }> {
  const payment = await staffPayment(db, staff, input.paymentId);
  const reason = input.reason.trim();
  if (reason === '') throw new AppError('REASON_REQUIRED', { field: 'reason' });
  if (reason.length > 500) {
    throw new AppError('REASON_TOO_LONG', { field: 'reason', params: { max: 500 } });
  }
  if (payment.sourcePaymentId !== null) throw new AppError('PAYMENT_NOT_REVERSIBLE');
  return db.transaction(async (tx) => {
    await tx
      .select({ id: payments.id })
      .from(payments)
      .where(eq(payments.id, payment.id))
      .for('update');
    const [state] = await tx
      .select({ used: usedByReportsSql, distributed: distributedSql, reversed: reversedSql })
      .from(payments)
      .where(eq(payments.id, payment.id));
    if (exactQepikTotal(state?.reversed ?? '0') > 0) throw new AppError('PAYMENT_ALREADY_REVERSED');
    if (exactQepikTotal(state?.used ?? '0') > 0 || exactQepikTotal(state?.distributed ?? '0') > 0) {
      throw new AppError('PAYMENT_IN_USE');
    }
    const reversalId = crypto.randomUUID();
    const inserted = await tx
      .insert(paymentReversals)
      .values({
        id: reversalId,
        paymentId: payment.id,
        employerId: payment.employerId,
        amountQepik: payment.amountQepik,
        reason,
        staffId: staff.staffId,
        reversedBy: staff.fin,
        reversedAt: asOf,
      })
      .onConflictDoNothing({ target: paymentReversals.paymentId })
      .returning({ id: paymentReversals.id });
    if (inserted.length === 0) throw new AppError('PAYMENT_ALREADY_REVERSED');
    await writeStaffAudit(tx, staff, {
      action: 'STAFF_PAYMENT_REVERSED',
      employerId: payment.employerId,
      reason,
      details: {
        paymentId: payment.id,
        reversalId,
        bankReference: payment.bankReference,
        amountQepik: payment.amountQepik,
      },
    });
    return { reversalId };
  });
}
