import 'server-only';
import { isIsoDate } from '@/lib/domain/calendar';
import type { DbOrTx } from '@/db/types';
import { staffEmployer, writeStaffAudit, type StaffScope } from '../../access';
import { now, todayInBaku } from '../../clock';
import { AppError, checkEveryField } from '../../errors';
import { typedAmount } from '../../reports/typed-amount';
import {
  checkBankReference,
  employerActivityPair,
  insertStaffPayment,
  referenceRecorded,
} from './payment-rules';

export type RecordPaymentInput = {
  employerId: string;
  activityCode: string;
  /** 'YYYY-MM-DD' (the date field). */
  paymentDate: string;
  /** As typed ('1 234,56'), read as the wizard reads amounts. */
  amount: string;
  bankReference: string;
  economicClassCode: string;
};

/**
 * Records one payment from the bank by hand (issue 14 §5) for an employer of the staff
 * member's body. It is at once in the employer's F6 and cabinet view 17 (they read `payments`).
 */
export async function recordPayment(
  db: DbOrTx,
  staff: StaffScope,
  input: RecordPaymentInput,
  asOf: Date = now(),
): Promise<{ paymentId: string }> {
  if (input.employerId.trim() === '') {
    throw new AppError('PAYMENT_EMPLOYER_REQUIRED', { field: 'employerId' });
  }
  const employer = await staffEmployer(db, staff, input.employerId);
  const [paymentDate, amountQepik, bankReference] = checkEveryField([
    () => {
      const date = input.paymentDate.trim();
      if (!isIsoDate(date)) throw new AppError('PAYMENT_DATE_INVALID', { field: 'paymentDate' });
      if (date > todayInBaku(asOf)) {
        throw new AppError('PAYMENT_DATE_IN_FUTURE', { field: 'paymentDate' });
      }
      return date;
    },
    () => {
      const amount = typedAmount(input.amount, 'amount');
      if (amount <= 0) throw new AppError('AMOUNT_NOT_POSITIVE', { field: 'amount' });
      return amount;
    },
    () => checkBankReference(input.bankReference),
  ] as const);
  const codes = await employerActivityPair(db, employer.employerId, input.activityCode);
  if (input.economicClassCode !== codes.employer && input.economicClassCode !== codes.employee) {
    throw new AppError('PAYMENT_CLASS_CODE_INVALID', { field: 'economicClassCode' });
  }
  return db.transaction(async (tx) => {
    const taken = () =>
      new AppError('PAYMENT_REFERENCE_TAKEN', {
        field: 'bankReference',
        params: { reference: bankReference },
      });
    if (await referenceRecorded(tx, bankReference)) throw taken();
    const paymentId = await insertStaffPayment(
      tx,
      staff.fin,
      {
        employerId: employer.employerId,
        activityCode: input.activityCode,
        paymentDate,
        amountQepik,
        bankReference,
        economicClassCode: input.economicClassCode,
      },
      asOf,
    );
    // A concurrent recording of the same reference won the unique index.
    if (paymentId === null) throw taken();
    await writeStaffAudit(tx, staff, {
      action: 'STAFF_PAYMENT_RECORDED',
      employerId: employer.employerId,
      details: {
        paymentId,
        bankReference,
        amountQepik,
        paymentDate,
        activityCode: input.activityCode,
        economicClassCode: input.economicClassCode,
        source: 'MANUAL',
      },
    });
    return { paymentId };
  });
}
