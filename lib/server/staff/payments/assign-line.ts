import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { bankStatementLines } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { staffEmployer, writeStaffAudit, type StaffScope } from '../../access';
import { now } from '../../clock';
import { AppError } from '../../errors';
import { isUuid } from '../../uuid';
import { staffLineFilter } from './confirm-import';
import { employerActivityPair, insertStaffPayment, referenceRecorded } from './payment-rules';

/** A waiting statement line of the staff member's queue (their body's, or any: central). */
export async function staffQueueLine(db: DbOrTx, staff: StaffScope, lineId: string) {
  if (!isUuid(lineId)) throw new AppError('NOT_FOUND', { params: { lineId } });
  const [line] = await db
    .select()
    .from(bankStatementLines)
    .where(
      and(
        eq(bankStatementLines.id, lineId),
        ne(bankStatementLines.status, 'DUPLICATE'),
        staffLineFilter(staff),
      ),
    );
  if (!line) throw new AppError('NOT_FOUND', { params: { lineId } });
  return line;
}

/**
 * Assigns a statement line from the queue by hand (issue 14 §5) to an employer of the staff
 * member's body and one of its activity codes: records the payment with the line's reference,
 * value date and amount. The class code is the line's when it is of the activity code's pair,
 * else the one the staff member chose.
 */
export async function assignStatementLine(
  db: DbOrTx,
  staff: StaffScope,
  input: { lineId: string; employerId: string; activityCode: string; economicClassCode: string },
  asOf: Date = now(),
): Promise<{ paymentId: string }> {
  const line = await staffQueueLine(db, staff, input.lineId);
  if (input.employerId.trim() === '') {
    throw new AppError('PAYMENT_EMPLOYER_REQUIRED', { field: 'employerId' });
  }
  const employer = await staffEmployer(db, staff, input.employerId);
  const pair = await employerActivityPair(db, employer.employerId, input.activityCode);
  if (input.economicClassCode !== pair.employer && input.economicClassCode !== pair.employee) {
    throw new AppError('PAYMENT_CLASS_CODE_INVALID', { field: 'economicClassCode' });
  }
  return db.transaction(async (tx) => {
    const notOpen = () => new AppError('STATEMENT_LINE_NOT_OPEN', { field: 'lineId' });
    if (await referenceRecorded(tx, line.bankReference)) throw notOpen();
    const paymentId = await insertStaffPayment(
      tx,
      staff.fin,
      {
        employerId: employer.employerId,
        activityCode: input.activityCode,
        paymentDate: line.valueDate,
        amountQepik: line.amountQepik,
        bankReference: line.bankReference,
        economicClassCode: input.economicClassCode,
      },
      asOf,
    );
    if (paymentId === null) throw notOpen();
    await writeStaffAudit(tx, staff, {
      action: 'STAFF_PAYMENT_RECORDED',
      employerId: employer.employerId,
      details: {
        paymentId,
        bankReference: line.bankReference,
        amountQepik: line.amountQepik,
        paymentDate: line.valueDate,
        activityCode: input.activityCode,
        economicClassCode: input.economicClassCode,
        source: 'QUEUE',
        lineId: line.id,
        importId: line.importId,
        lineStatus: line.status,
        lineReason: line.reason,
      },
    });
    return { paymentId };
  });
}
