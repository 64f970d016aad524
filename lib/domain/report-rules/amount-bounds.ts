// Stored amounts above the bound of one entered figure (issue 10 §5). Every input path refuses
// them now, but a draft written before the bound existed may still hold one: it is a blocking
// error at the step (and month, person) that holds it, never a failed page.
import type { MonthKey } from '../calendar';
import { isQepik, MAX_AMOUNT_QEPIK } from '../money';
import type { ValidationResult } from './validation';

/** One stored figure and where it was entered. */
export interface PlacedAmount {
  /** The wizard step that holds it: F6, F7, F8, F13–F16, F20. */
  readonly step: string;
  readonly month?: MonthKey;
  readonly fin?: string;
  readonly amountQepik: number;
}

/** True when one entered figure is within the bound (whole qəpik, 0 … MAX_AMOUNT_QEPIK). */
export function isWithinAmountBound(amountQepik: number): boolean {
  return isQepik(amountQepik) && amountQepik <= MAX_AMOUNT_QEPIK;
}

/**
 * A blocking AMOUNT_TOO_LARGE (with the limit as `maxQepik`) for every figure above
 * MAX_AMOUNT_QEPIK, linked to its step, month and person. DOMAIN.md §1, §6; issue 10 §5.
 */
export function checkAmountBounds(amounts: readonly PlacedAmount[]): ValidationResult[] {
  const results: ValidationResult[] = [];
  for (const a of amounts) {
    if (isWithinAmountBound(a.amountQepik) || a.amountQepik < 0) continue;
    results.push({
      severity: 'blocking',
      code: 'AMOUNT_TOO_LARGE',
      step: a.step,
      ...(a.month === undefined ? {} : { month: a.month }),
      ...(a.fin === undefined ? {} : { fin: a.fin }),
      params: { maxQepik: MAX_AMOUNT_QEPIK },
    });
  }
  return results;
}
