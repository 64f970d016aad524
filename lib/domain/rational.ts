// Exact rationals for rates (DOMAIN.md §1): amount × num, then one division, half-up.
import { err, ok, type Result } from './result';

/** A non-negative exact rate, e.g. 22 % = { num: 22, den: 100 }. */
export interface Rational {
  readonly num: number;
  readonly den: number;
}

export const RATIONAL_CODES = ['INVALID_RATE'] as const;
export type RationalCode = (typeof RATIONAL_CODES)[number];

/** True when the rate is usable: safe integers, num ≥ 0, den > 0. DOMAIN.md §1. */
export function isValidRational(rate: Rational): boolean {
  return (
    Number.isSafeInteger(rate.num) &&
    Number.isSafeInteger(rate.den) &&
    rate.num >= 0 &&
    rate.den > 0
  );
}

/** Checks a rate supplied from data (schedule, parameters). DOMAIN.md §1. */
export function checkRational(rate: Rational): Result<Rational, RationalCode> {
  return isValidRational(rate) ? ok(rate) : err('INVALID_RATE');
}

/**
 * Divides numerator by a positive denominator rounding half-up on the magnitude, so that
 * negating the numerator negates the result (a correction mirrors the original). DOMAIN.md §1.
 */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return negative ? -rounded : rounded;
}

/** Number variant of divideHalfUp for operands known to be safe integers. */
export function divideHalfUpNumber(numerator: number, denominator: number): number {
  const magnitude = Math.abs(numerator);
  let quotient = Math.floor(magnitude / denominator);
  let remainder = magnitude - quotient * denominator;
  // Float division can land one off near 2^53; the integer remainder corrects it.
  if (remainder < 0) {
    quotient -= 1;
    remainder += denominator;
  } else if (remainder >= denominator) {
    quotient += 1;
    remainder -= denominator;
  }
  const rounded = 2 * remainder >= denominator ? quotient + 1 : quotient;
  return numerator < 0 ? -rounded : rounded;
}

/** floor(numerator / denominator) for non-negative safe integers, exact even near 2^53. */
export function floorDivideNumber(numerator: number, denominator: number): number {
  let quotient = Math.floor(numerator / denominator);
  const remainder = numerator - quotient * denominator;
  if (remainder < 0) quotient -= 1;
  else if (remainder >= denominator) quotient += 1;
  return quotient;
}
