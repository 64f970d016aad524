// Integer qəpik arithmetic (DOMAIN.md §1). 1 AZN = 100 qəpik; never floats.
import { divideHalfUp, divideHalfUpNumber, isValidRational, type Rational } from './rational';
import { err, ok, type Result } from './result';

/** An amount in qəpik: a safe integer, branded so raw numbers must pass through a check. */
export type Qepik = number & { readonly __brand: 'Qepik' };

export const MONEY_CODES = [
  'AMOUNT_EMPTY',
  'AMOUNT_NOT_A_NUMBER',
  'AMOUNT_TOO_MANY_DECIMALS',
  'AMOUNT_NEGATIVE',
  'AMOUNT_TOO_LARGE',
  'AMOUNT_NOT_INTEGER_QEPIK',
  'INVALID_RATE',
  'INVALID_PART_COUNT',
] as const;
export type MoneyCode = (typeof MONEY_CODES)[number];

export const ZERO_QEPIK = 0 as Qepik;

/** Brands a number as qəpik after checking it is a safe integer (and ≥ 0 unless allowed). */
export function toQepik(
  value: number,
  options: { allowNegative?: boolean } = {},
): Result<Qepik, MoneyCode> {
  if (!Number.isFinite(value) || !Number.isInteger(value)) return err('AMOUNT_NOT_INTEGER_QEPIK');
  if (!Number.isSafeInteger(value)) return err('AMOUNT_TOO_LARGE');
  if (value < 0 && !options.allowNegative) return err('AMOUNT_NEGATIVE');
  return ok(value as Qepik);
}

/** True when value is a safe-integer qəpik amount (optionally also ≥ 0). */
export function isQepik(value: unknown, nonNegative = true): value is Qepik {
  return typeof value === 'number' && Number.isSafeInteger(value) && (!nonNegative || value >= 0);
}

/** Sums amounts exactly; fails instead of losing precision past 2^53. DOMAIN.md §1. */
export function sumQepik(amounts: readonly number[]): Result<Qepik, MoneyCode> {
  let total = 0;
  for (const amount of amounts) {
    if (!Number.isSafeInteger(amount)) return err('AMOUNT_NOT_INTEGER_QEPIK');
    total += amount;
    if (!Number.isSafeInteger(total)) return err('AMOUNT_TOO_LARGE');
  }
  return ok(total as Qepik);
}

/**
 * amount × rate with one half-up rounding to the qəpik (DOMAIN.md §1). Uses BigInt only when
 * amount × num would leave the safe-integer range.
 */
export function applyRate(amountQepik: number, rate: Rational): Result<Qepik, MoneyCode> {
  if (!Number.isSafeInteger(amountQepik)) return err('AMOUNT_NOT_INTEGER_QEPIK');
  if (!isValidRational(rate)) return err('INVALID_RATE');
  const product = amountQepik * rate.num;
  const resultQepik = Number.isSafeInteger(product)
    ? divideHalfUpNumber(product, rate.den)
    : Number(divideHalfUp(BigInt(amountQepik) * BigInt(rate.num), BigInt(rate.den)));
  return Number.isSafeInteger(resultQepik) ? ok(resultQepik as Qepik) : err('AMOUNT_TOO_LARGE');
}

/**
 * Splits an amount into n parts differing by at most one qəpik that add back exactly; the
 * first (amount mod n) parts carry the extra qəpik. DOMAIN.md §1.
 */
export function splitEvenly(amountQepik: number, parts: number): Result<Qepik[], MoneyCode> {
  if (!Number.isSafeInteger(parts) || parts <= 0) return err('INVALID_PART_COUNT');
  if (!Number.isSafeInteger(amountQepik)) return err('AMOUNT_NOT_INTEGER_QEPIK');
  if (amountQepik < 0) return err('AMOUNT_NEGATIVE');
  const base = Math.floor(amountQepik / parts);
  const extra = amountQepik - base * parts;
  return ok(Array.from({ length: parts }, (_, i) => (i < extra ? base + 1 : base) as Qepik));
}
