// Distribution of a payment's remainder (SPEC E3–E5, issue 13 §6–§7): by economic classification
// code (DOMAIN §8, the employer and employee code of the activity's sector) or to sub-employers.
import { checkEnteredAmount, type MoneyCode, type Qepik } from '../money';

export const PAYMENT_SPLIT_CODES = [
  'SPLIT_EMPTY',
  'SPLIT_SUM_MISMATCH',
  'SPLIT_EXCEEDS_REMAINDER',
  'SPLIT_TARGET_NOT_ALLOWED',
  'SPLIT_TARGET_DUPLICATE',
] as const;
export type PaymentSplitCode = (typeof PAYMENT_SPLIT_CODES)[number] | MoneyCode;

export interface SplitLine {
  /** An economic classification code, or a sub-employer's id. */
  readonly target: string;
  readonly amountQepik: number;
}

export interface SplitProblem {
  /** `amount` (what is split), `lines` (the lines as a whole) or the index of one line. */
  readonly field: 'amount' | 'lines' | number;
  readonly code: PaymentSplitCode;
  readonly params?: Readonly<Record<string, number | string>>;
}

export type PaymentSplit =
  | {
      readonly ok: true;
      readonly amountQepik: Qepik;
      /** The lines that move money (zero lines dropped), in the order given. */
      readonly parts: readonly { readonly target: string; readonly amountQepik: Qepik }[];
    }
  | { readonly ok: false; readonly problems: readonly SplitProblem[] };

/**
 * Checks a distribution: what is split is a whole amount of qəpik, > 0 and at most the payment's
 * remainder; every line is an allowed target named once with an entered amount ≥ 0; the lines
 * add up exactly to what is split. Every problem is reported, each at its field. SPEC E3–E5.
 */
export function checkPaymentSplit(input: {
  readonly remainderQepik: number;
  readonly amountQepik: number;
  readonly lines: readonly SplitLine[];
  readonly allowedTargets: readonly string[];
}): PaymentSplit {
  const problems: SplitProblem[] = [];
  const amount = checkEnteredAmount(input.amountQepik);
  if (!amount.ok) problems.push({ field: 'amount', code: amount.code });
  else if (amount.value === 0) problems.push({ field: 'amount', code: 'SPLIT_EMPTY' });
  else if (amount.value > input.remainderQepik)
    problems.push({
      field: 'amount',
      code: 'SPLIT_EXCEEDS_REMAINDER',
      params: { remainderQepik: Math.max(0, input.remainderQepik) },
    });
  const seen = new Set<string>();
  let total = 0;
  let linesOk = true;
  const parts: { target: string; amountQepik: Qepik }[] = [];
  input.lines.forEach((line, index) => {
    if (!input.allowedTargets.includes(line.target)) {
      problems.push({ field: index, code: 'SPLIT_TARGET_NOT_ALLOWED' });
      linesOk = false;
      return;
    }
    if (seen.has(line.target)) {
      problems.push({ field: index, code: 'SPLIT_TARGET_DUPLICATE' });
      linesOk = false;
      return;
    }
    seen.add(line.target);
    const part = checkEnteredAmount(line.amountQepik);
    if (!part.ok) {
      problems.push({ field: index, code: part.code });
      linesOk = false;
      return;
    }
    total += part.value;
    if (part.value > 0) parts.push({ target: line.target, amountQepik: part.value });
  });
  if (linesOk && amount.ok && total !== amount.value)
    problems.push({
      field: 'lines',
      code: 'SPLIT_SUM_MISMATCH',
      params: { totalQepik: total, amountQepik: amount.value },
    });
  if (problems.length > 0 || !amount.ok) return { ok: false, problems };
  return { ok: true, amountQepik: amount.value, parts };
}

/**
 * A proposed split of `amountQepik` in proportion to `weights` (e.g. each side's MDSS debt), by
 * the largest remainder so the parts add up exactly; ties go to the earlier target. With no
 * positive weight everything goes to the first target. Pure helper for the form's defaults.
 */
export function proposeSplit(
  amountQepik: number,
  weights: readonly { readonly target: string; readonly weight: number }[],
): { target: string; amountQepik: number }[] {
  if (weights.length === 0) return [];
  const positive = weights.map((w) =>
    Number.isSafeInteger(w.weight) && w.weight > 0 ? w.weight : 0,
  );
  const sum = positive.reduce((a, b) => a + b, 0);
  if (sum === 0 || amountQepik <= 0)
    return weights.map((w, i) => ({
      target: w.target,
      amountQepik: i === 0 ? Math.max(0, amountQepik) : 0,
    }));
  // BigInt: amount × weight can leave the safe range for large debts.
  const big = BigInt(amountQepik);
  const bigSum = BigInt(sum);
  const floors = positive.map((w) => (big * BigInt(w)) / bigSum);
  const rests = positive.map((w, i) => big * BigInt(w) - floors[i]! * bigSum);
  let left = big - floors.reduce((a, b) => a + b, 0n);
  const order = rests
    .map((rest, index) => ({ rest, index }))
    .sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (const { index } of order) {
    if (left === 0n) break;
    floors[index] = floors[index]! + 1n;
    left -= 1n;
  }
  return weights.map((w, i) => ({ target: w.target, amountQepik: Number(floors[i]!) }));
}
