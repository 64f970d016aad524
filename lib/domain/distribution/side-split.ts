// Splitting a person's paid amount for a month between employer and employee shares (DOMAIN.md §7).
import type { Qepik } from '../money';
import { floorDivideNumber } from '../rational';
import { err, ok, type Result } from '../result';

export const SIDE_SPLIT_CODES = [
  'AMOUNT_NEGATIVE',
  'AMOUNT_NOT_INTEGER_QEPIK',
  'AMOUNT_TOO_LARGE',
] as const;
export type SideSplitCode = (typeof SIDE_SPLIT_CODES)[number];

export interface SideSplit {
  readonly employerQepik: Qepik;
  readonly employeeQepik: Qepik;
  /** Paid beyond both shares; left for the caller to carry forward. */
  readonly excessQepik: Qepik;
}

/**
 * Covers the employer and employee dues pro rata: the employee side gets
 * floor(paid × employeeDue / totalDue) and the employer side the rest, so the remainder qəpik
 * goes to the employer side. Neither side ever exceeds its due. DOMAIN.md §7, SPEC F22.
 */
export function splitBetweenSides(input: {
  readonly paidQepik: number;
  readonly employerDueQepik: number;
  readonly employeeDueQepik: number;
}): Result<SideSplit, SideSplitCode> {
  const { paidQepik, employerDueQepik, employeeDueQepik } = input;
  for (const amount of [paidQepik, employerDueQepik, employeeDueQepik]) {
    if (!Number.isSafeInteger(amount)) return err('AMOUNT_NOT_INTEGER_QEPIK');
    if (amount < 0) return err('AMOUNT_NEGATIVE');
  }
  const dueQepik = employerDueQepik + employeeDueQepik;
  if (!Number.isSafeInteger(dueQepik)) return err('AMOUNT_TOO_LARGE');
  if (dueQepik === 0) {
    return ok({
      employerQepik: 0 as Qepik,
      employeeQepik: 0 as Qepik,
      excessQepik: paidQepik as Qepik,
    });
  }
  const coveredQepik = Math.min(paidQepik, dueQepik);
  const employeeQepik = employeeSideQepik(coveredQepik, employeeDueQepik, dueQepik);
  return ok({
    employerQepik: (coveredQepik - employeeQepik) as Qepik,
    employeeQepik: employeeQepik as Qepik,
    excessQepik: (paidQepik - coveredQepik) as Qepik,
  });
}

/**
 * floor(covered × employeeDue / totalDue) for checked non-negative safe integers with
 * covered ≤ totalDue and totalDue > 0; the employer side is the rest. DOMAIN.md §7.
 */
export function employeeSideQepik(
  coveredQepik: number,
  employeeDueQepik: number,
  totalDueQepik: number,
): number {
  const product = coveredQepik * employeeDueQepik;
  return Number.isSafeInteger(product)
    ? floorDivideNumber(product, totalDueQepik)
    : Number((BigInt(coveredQepik) * BigInt(employeeDueQepik)) / BigInt(totalDueQepik));
}
