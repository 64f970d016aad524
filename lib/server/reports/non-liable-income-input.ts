import 'server-only';
import { eq } from 'drizzle-orm';
import { nonLiableIncomeReasons } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { checkQepik, checkQuarterMonth, type ReportRow } from './report-draft';
import { AppError, checkEveryField } from '../errors';

export type NonLiableIncomeFields = { reasonCode: string; month: string; amountQepik: number };

/**
 * F8 fields: a listed reason, a month of the quarter, an amount > 0 (SPEC F8, DOMAIN.md §8).
 * Every wrong field is refused at once, in the form's order.
 */
export async function checkNonLiableIncome(
  tx: DbOrTx,
  report: ReportRow,
  input: NonLiableIncomeFields,
): Promise<NonLiableIncomeFields> {
  const [reason] = await tx
    .select({ code: nonLiableIncomeReasons.code })
    .from(nonLiableIncomeReasons)
    .where(eq(nonLiableIncomeReasons.code, String(input.reasonCode)));
  const [reasonCode, month, amountQepik] = checkEveryField([
    () => {
      if (!reason) throw new AppError('REASON_UNKNOWN', { field: 'reasonCode' });
      return reason.code;
    },
    () => checkQuarterMonth(report, input.month, 'month'),
    () => checkQepik(input.amountQepik, 'amount', { positive: true }),
  ]);
  return { reasonCode, month, amountQepik };
}
