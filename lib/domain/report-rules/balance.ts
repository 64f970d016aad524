// The report balance (DOMAIN.md §6, SPEC F4, F17): every line is kept as (category, accrued,
// paid) so the end debt can be re-derived and checked against the ledger.
import type { Qepik } from '../money';
import { err, ok, type Result } from '../result';
import type { ValidationResult } from './validation';

export const BALANCE_CODES = [
  'BALANCE_MISMATCH',
  'AMOUNT_NEGATIVE',
  'AMOUNT_NOT_INTEGER_QEPIK',
  'AMOUNT_TOO_LARGE',
] as const;
export type BalanceCode = (typeof BALANCE_CODES)[number];

/** Accrual categories of DOMAIN.md §6. */
export type BalanceCategory =
  | 'MDSS_EMPLOYER'
  | 'MDSS_EMPLOYEE'
  | 'PENALTY'
  | 'SANCTION'
  | 'FINE'
  | 'SANATORIUM_VOUCHER'
  | 'INJURY_BENEFIT_REFUND'
  | 'FUND_FINDINGS'
  | 'OTHER_ACCRUALS';

export interface BalanceLine {
  readonly category: BalanceCategory;
  readonly accruedQepik: number;
  readonly paidQepik: number;
}

export interface ReportBalance {
  readonly debtStartQepik: Qepik;
  readonly accruedQepik: Qepik;
  readonly paidQepik: Qepik;
  readonly writeOffsQepik: Qepik;
  /** May be negative: an overpayment carried forward. */
  readonly debtEndQepik: Qepik;
}

/**
 * debt_end = debt_start + Σ accrued − Σ paid − write-offs, exactly. debt_start may be
 * negative (an earlier overpayment); lines and write-offs may not. DOMAIN.md §6, SPEC F17.
 */
export function computeReportBalance(input: {
  readonly debtStartQepik: number;
  readonly lines: readonly BalanceLine[];
  readonly writeOffsQepik: number;
}): Result<ReportBalance, BalanceCode> {
  const amounts = input.lines.flatMap((l) => [l.accruedQepik, l.paidQepik]);
  for (const amount of [...amounts, input.writeOffsQepik]) {
    if (!Number.isSafeInteger(amount)) return err('AMOUNT_NOT_INTEGER_QEPIK');
    if (amount < 0) return err('AMOUNT_NEGATIVE');
  }
  if (!Number.isSafeInteger(input.debtStartQepik)) return err('AMOUNT_NOT_INTEGER_QEPIK');
  const accrued = input.lines.reduce((sum, l) => sum + l.accruedQepik, 0);
  const paid = input.lines.reduce((sum, l) => sum + l.paidQepik, 0);
  const debtEnd = input.debtStartQepik + accrued - paid - input.writeOffsQepik;
  if (![accrued, paid, debtEnd].every(Number.isSafeInteger)) return err('AMOUNT_TOO_LARGE');
  return ok({
    debtStartQepik: input.debtStartQepik as Qepik,
    accruedQepik: accrued as Qepik,
    paidQepik: paid as Qepik,
    writeOffsQepik: input.writeOffsQepik as Qepik,
    debtEndQepik: debtEnd as Qepik,
  });
}

/** Blocking result when a stated end debt (e.g. from the ledger) differs from the derived one. DOMAIN.md §6. */
export function checkReportBalance(
  balance: ReportBalance,
  statedDebtEndQepik: number,
): ValidationResult[] {
  if (balance.debtEndQepik === statedDebtEndQepik) return [];
  return [
    {
      severity: 'blocking',
      code: 'BALANCE_MISMATCH',
      step: 'F17',
      params: {
        expected: { kind: 'money', qepik: balance.debtEndQepik },
        actual: { kind: 'money', qepik: statedDebtEndQepik },
      },
    },
  ];
}
