import 'server-only';
import { eq } from 'drizzle-orm';
import { nonLiableIncomeReasons } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { checkQepik, checkQuarterMonth, type ReportRow } from './report-draft';
import { ReportError } from './report-errors';

export type NonLiableIncomeFields = { reasonCode: string; month: string; amountQepik: number };

/** F8 fields: a listed reason, a month of the quarter, an amount > 0 (SPEC F8, DOMAIN.md §8). */
export async function checkNonLiableIncome(
  tx: DbOrTx,
  report: ReportRow,
  input: NonLiableIncomeFields,
): Promise<NonLiableIncomeFields> {
  const month = checkQuarterMonth(report, input.month, 'month');
  const amountQepik = checkQepik(input.amountQepik, 'amount', { positive: true });
  const [reason] = await tx
    .select({ code: nonLiableIncomeReasons.code })
    .from(nonLiableIncomeReasons)
    .where(eq(nonLiableIncomeReasons.code, String(input.reasonCode)));
  if (!reason) throw new ReportError('REASON_UNKNOWN', { field: 'reasonCode' });
  return { reasonCode: reason.code, month, amountQepik };
}
