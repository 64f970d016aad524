// Integer qəpik arithmetic (DOMAIN.md §1). 1 AZN = 100 qəpik; never floats.
import { divideHalfUp, divideHalfUpNumber, isValidRational, type Rational } from './rational';
import { err, ok, type Err, type Result } from './result';

/** An amount in qəpik: a safe integer, branded so raw numbers must pass through a check. */
export type Qepik = number & { readonly __brand: 'Qepik' };

export const MONEY_CODES = [
  'AMOUNT_EMPTY',
  'AMOUNT_NOT_A_NUMBER',
  'AMOUNT_TOO_MANY_DECIMALS',
  'AMOUNT_NEGATIVE',
  'AMOUNT_TOO_LARGE',
  'AMOUNT_NOT_INTEGER_QEPIK',
  'TOTAL_TOO_LARGE',
  'INVALID_RATE',
  'INVALID_PART_COUNT',
] as const;
export type MoneyCode = (typeof MONEY_CODES)[number];

export const ZERO_QEPIK = 0 as Qepik;

/**
 * The largest amount one entered figure may hold: 1 000 000 000,00 ₼ (issue 10 §5). Every path
 * that takes an amount from outside (wizard, import, API, the use cases' own guard) refuses more,
 * so a report's totals stay far below 2^53 for any realistic number of persons and lines.
 */
export const MAX_AMOUNT_QEPIK = 100_000_000_000;

/** The refusal of an amount above MAX_AMOUNT_QEPIK, carrying the limit for the message. */
export function amountTooLarge(): Err<'AMOUNT_TOO_LARGE'> {
  return err('AMOUNT_TOO_LARGE', { maxQepik: MAX_AMOUNT_QEPIK });
}

/**
 * An amount entered for one figure (F6 part of a payment, F7, F8, F13–F16, F20, import, API):
 * whole qəpik, ≥ 0, at most MAX_AMOUNT_QEPIK. DOMAIN.md §1, issue 10 §5.
 */
export function checkEnteredAmount(value: unknown): Result<Qepik, MoneyCode> {
  if (typeof value !== 'number' || !Number.isInteger(value)) return err('AMOUNT_NOT_INTEGER_QEPIK');
  if (value < 0) return err('AMOUNT_NEGATIVE');
  if (value > MAX_AMOUNT_QEPIK) return amountTooLarge();
  return ok(value as Qepik);
}

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

/**
 * Sums amounts exactly: plain numbers while the running total stays safe, BigInt from the first
 * step that leaves the range (mixed signs may come back into it); a total past 2^53 fails with
 * TOTAL_TOO_LARGE instead of losing precision. DOMAIN.md §1.
 */
export function sumQepik(amounts: readonly number[]): Result<Qepik, MoneyCode> {
  let total = 0;
  for (let i = 0; i < amounts.length; i += 1) {
    const amount = amounts[i] as number;
    if (!Number.isSafeInteger(amount)) return err('AMOUNT_NOT_INTEGER_QEPIK');
    const next = total + amount;
    if (Number.isSafeInteger(next)) {
      total = next;
      continue;
    }
    let exact = BigInt(total);
    for (let j = i; j < amounts.length; j += 1) {
      const rest = amounts[j] as number;
      if (!Number.isSafeInteger(rest)) return err('AMOUNT_NOT_INTEGER_QEPIK');
      exact += BigInt(rest);
    }
    return qepikFromBigInt(exact);
  }
  return ok(total as Qepik);
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A BigInt total as qəpik, or TOTAL_TOO_LARGE when it is outside the safe-integer range. */
export function qepikFromBigInt(total: bigint): Result<Qepik, MoneyCode> {
  if (total > MAX_SAFE || total < -MAX_SAFE) return err('TOTAL_TOO_LARGE');
  return ok(Number(total) as Qepik);
}

/**
 * A total the database computed as text (PostgreSQL's sum(bigint) is numeric, which arrives as a
 * string): read exactly through BigInt, never through a float. DOMAIN.md §1.
 */
export function qepikFromDecimalText(
  text: string | number | bigint | null | undefined,
): Result<Qepik, MoneyCode> {
  if (text === null || text === undefined) return ok(ZERO_QEPIK);
  if (typeof text === 'bigint') return qepikFromBigInt(text);
  if (typeof text === 'number') {
    return Number.isSafeInteger(text) ? ok(text as Qepik) : err('TOTAL_TOO_LARGE');
  }
  // numeric of whole numbers may still print a zero fraction ('12.00') on some paths.
  const match = /^\s*(-?\d+)(?:\.0*)?\s*$/.exec(text);
  if (!match) return err('AMOUNT_NOT_INTEGER_QEPIK');
  return qepikFromBigInt(BigInt(match[1] as string));
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
  return Number.isSafeInteger(resultQepik) ? ok(resultQepik as Qepik) : err('TOTAL_TOO_LARGE');
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
