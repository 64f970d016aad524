import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { activityCodes, employerActivityCodes, payments } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { AppError } from '../../errors';

// The shared rules of recording a payment by a staff member (issue 14 §5): the activity code is
// one of the employer's, the classification code is that code's employer or employee code
// (DOMAIN.md §8), and a bank reference is recorded at most once (payments_bank_ref_uq).

/** The bank document number: what banks write (ISO 20022 Max35Text, no spaces). */
export const BANK_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,34}$/;

export function checkBankReference(value: string): string {
  const reference = value.trim();
  if (reference === '')
    throw new AppError('PAYMENT_REFERENCE_REQUIRED', { field: 'bankReference' });
  if (!BANK_REFERENCE.test(reference)) {
    throw new AppError('PAYMENT_REFERENCE_INVALID', { field: 'bankReference' });
  }
  return reference;
}

/** The pair of classification codes of an activity code the employer is registered for. */
export async function employerActivityPair(
  db: DbOrTx,
  employerId: string,
  activityCode: string,
): Promise<{ employer: string; employee: string }> {
  const [row] = await db
    .select({
      employer: activityCodes.employerClassCode,
      employee: activityCodes.employeeClassCode,
    })
    .from(employerActivityCodes)
    .innerJoin(activityCodes, eq(activityCodes.code, employerActivityCodes.activityCode))
    .where(
      and(
        eq(employerActivityCodes.employerId, employerId),
        eq(employerActivityCodes.activityCode, activityCode),
      ),
    );
  if (!row) throw new AppError('PAYMENT_ACTIVITY_CODE_INVALID', { field: 'activityCode' });
  return row;
}

/** Whether a payment (not a distribution's part) already carries the bank reference. */
export async function referenceRecorded(db: DbOrTx, reference: string): Promise<boolean> {
  const [row] = await db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.bankReference, reference), isNull(payments.sourcePaymentId)))
    .limit(1);
  return row !== undefined;
}

export type NewStaffPayment = {
  employerId: string;
  activityCode: string | null;
  paymentDate: string;
  amountQepik: number;
  bankReference: string;
  economicClassCode: string;
};

/**
 * Inserts one payment as the seed does (db/seed/finance.ts): no ledger entry — a payment enters
 * the ledger when a report uses it (lib/domain/posting). Null when the reference is taken.
 */
export async function insertStaffPayment(
  tx: DbOrTx,
  recordedBy: string,
  row: NewStaffPayment,
  recordedAt: Date,
): Promise<string | null> {
  const inserted = await tx
    .insert(payments)
    .values({ id: crypto.randomUUID(), ...row, recordedBy, recordedAt })
    .onConflictDoNothing({
      target: payments.bankReference,
      where: sql`source_payment_id is null`,
    })
    .returning({ id: payments.id });
  return inserted[0]?.id ?? null;
}
