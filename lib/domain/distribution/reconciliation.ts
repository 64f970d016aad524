// Per-month check that persons' liable income matches the labour payments less income not
// subject to MDSS (DOMAIN.md §6, SPEC F23). Each difference becomes a warning naming its
// likely cause and the wizard step that fixes it.
import { parseMonthKey, type MonthKey } from '../calendar';
import type { Qepik } from '../money';
import { err, ok, type Result } from '../result';

export const RECONCILIATION_CODES = [
  'RECONCILIATION_NON_LIABLE_INCOME',
  'RECONCILIATION_LABOUR_PAYMENTS',
  'RECONCILIATION_UNDISTRIBUTED',
  'UNKNOWN_MONTH',
  'AMOUNT_NEGATIVE',
  'AMOUNT_NOT_INTEGER_QEPIK',
  'AMOUNT_TOO_LARGE',
  'TOTAL_TOO_LARGE',
] as const;
export type ReconciliationCode = (typeof RECONCILIATION_CODES)[number];

export type ReconciliationCause = 'NON_LIABLE_INCOME' | 'LABOUR_PAYMENTS' | 'PERSONS_INCOME';

/** Wizard steps (SPEC F7, F8, F20) a warning links back to. */
export const FIX_STEP: Record<ReconciliationCause, string> = {
  LABOUR_PAYMENTS: 'F7',
  NON_LIABLE_INCOME: 'F8',
  PERSONS_INCOME: 'F20',
};

export interface PersonIncome {
  readonly fin: string;
  /** Liable income per 'YYYY-MM'; a missing month is 0. */
  readonly incomeQepikByMonth: Readonly<Partial<Record<MonthKey, number>>>;
}

export interface ReconciliationWarning {
  readonly code: Extract<ReconciliationCode, `RECONCILIATION_${string}`>;
  readonly month: MonthKey;
  /** Size of the gap, always positive; `cause` says which way it goes. */
  readonly differenceQepik: Qepik;
  readonly personsQepik: Qepik;
  readonly expectedQepik: Qepik;
  readonly nonLiableQepik: Qepik;
  readonly cause: ReconciliationCause;
  readonly fixStep: string;
}

function checked(amount: number | undefined): ReconciliationCode | null {
  if (amount === undefined) return null;
  if (!Number.isSafeInteger(amount)) return 'AMOUNT_NOT_INTEGER_QEPIK';
  return amount < 0 ? 'AMOUNT_NEGATIVE' : null;
}

/**
 * For each month: Σ persons' liable income vs labour payments − non-liable income. Persons
 * above the expected amount by no more than that month's non-liable income point at the
 * non-liable income (F8; the manual's August case), above by more at the labour payments
 * (F7); persons below it leave money undistributed (F20). DOMAIN.md §6, SPEC F23.
 */
export function reconcileMonths(input: {
  readonly months: readonly MonthKey[];
  readonly persons: readonly PersonIncome[];
  readonly labourPaymentsQepikByMonth: Readonly<Partial<Record<MonthKey, number>>>;
  readonly nonLiableIncome: readonly { readonly month: MonthKey; readonly amountQepik: number }[];
}): Result<ReconciliationWarning[], ReconciliationCode> {
  const warnings: ReconciliationWarning[] = [];
  for (const month of input.months) {
    if (!parseMonthKey(month).ok) return err('UNKNOWN_MONTH', { month });
  }
  for (const n of input.nonLiableIncome) {
    if (!input.months.includes(n.month)) return err('UNKNOWN_MONTH', { month: n.month });
    const bad = checked(n.amountQepik);
    if (bad) return err(bad);
  }
  for (const month of input.months) {
    let personsQepik = 0;
    for (const p of input.persons) {
      const income = p.incomeQepikByMonth[month];
      if (income === undefined) continue;
      const bad = checked(income);
      if (bad) return err(bad, { fin: p.fin, month });
      personsQepik += income;
    }
    const labourQepik = input.labourPaymentsQepikByMonth[month] ?? 0;
    const badLabour = checked(labourQepik);
    if (badLabour) return err(badLabour, { month });
    let nonLiableQepik = 0;
    for (const n of input.nonLiableIncome) if (n.month === month) nonLiableQepik += n.amountQepik;
    // Non-negative addends: a running total that stayed safe was exact all the way.
    if (![personsQepik, nonLiableQepik].every(Number.isSafeInteger))
      return err('TOTAL_TOO_LARGE', { month });
    const expectedQepik = labourQepik - nonLiableQepik;
    const gap = personsQepik - expectedQepik;
    if (gap === 0) continue;
    const cause: ReconciliationCause =
      gap < 0 ? 'PERSONS_INCOME' : gap <= nonLiableQepik ? 'NON_LIABLE_INCOME' : 'LABOUR_PAYMENTS';
    const code =
      cause === 'PERSONS_INCOME'
        ? 'RECONCILIATION_UNDISTRIBUTED'
        : cause === 'NON_LIABLE_INCOME'
          ? 'RECONCILIATION_NON_LIABLE_INCOME'
          : 'RECONCILIATION_LABOUR_PAYMENTS';
    warnings.push({
      code,
      month,
      differenceQepik: Math.abs(gap) as Qepik,
      personsQepik: personsQepik as Qepik,
      expectedQepik: expectedQepik as Qepik,
      nonLiableQepik: nonLiableQepik as Qepik,
      cause,
      fixStep: FIX_STEP[cause],
    });
  }
  return ok(warnings);
}
