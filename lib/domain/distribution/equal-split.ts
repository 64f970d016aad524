// Equal split of a paid amount among insured persons who carry debt (DOMAIN.md §7, SPEC F19).
import type { Qepik } from '../money';
import { err, ok, type Result } from '../result';
import { finOrder } from './fin-order';

export const EQUAL_SPLIT_CODES = [
  'DUPLICATE_FIN',
  'AMOUNT_NEGATIVE',
  'AMOUNT_NOT_INTEGER_QEPIK',
  'AMOUNT_TOO_LARGE',
] as const;
export type EqualSplitCode = (typeof EQUAL_SPLIT_CODES)[number];

export interface PersonDebt {
  readonly fin: string;
  readonly debtQepik: number;
}

export interface PersonShare {
  readonly fin: string;
  readonly debtQepik: Qepik;
  readonly shareQepik: Qepik;
}

export interface EqualSplitResult {
  /** One row per person, in FIN order. */
  readonly shares: readonly PersonShare[];
  readonly distributedQepik: Qepik;
  /** Left after every debt is paid: "undistributed to persons" (cabinet view 12). */
  readonly undistributedQepik: Qepik;
}

/**
 * The final water level: what every person still in debt has received once no one else can
 * leave, replaying the rounds on the debts sorted ascending. Returns the level and what is
 * left to hand out one qəpik at a time (or undistributed, when no one is left).
 */
function waterLevel(debts: Float64Array, paidQepik: number): { level: number; remaining: number } {
  const sorted = debts.filter((d) => d > 0).sort();
  let level = 0;
  let remaining = paidQepik;
  let firstActive = 0;
  while (firstActive < sorted.length && remaining > 0) {
    const active = sorted.length - firstActive;
    const step = Math.floor(remaining / active);
    if (step === 0) break;
    const newLevel = level + step;
    let leaving = 0;
    while (firstActive < sorted.length && (sorted[firstActive] as number) <= newLevel) {
      remaining -= (sorted[firstActive] as number) - level;
      firstActive += 1;
      leaving += 1;
    }
    remaining -= (active - leaving) * step;
    level = newLevel;
  }
  return { level, remaining };
}

/** Shares in input order, FIN order, and what stays undistributed. */
export interface EqualShares {
  readonly sharesQepik: Float64Array;
  readonly finOrder: Uint32Array;
  readonly undistributedQepik: number;
}

/**
 * The water-filling of splitEqually on parallel arrays (no per-person objects), for callers
 * that distribute further, such as distributePayment. Everyone ends with min(debt, final
 * level); the leftover qəpiks go to those still in debt in FIN order. DOMAIN.md §7.
 */
export function computeEqualShares(
  paidQepik: number,
  fins: readonly string[],
  debtsQepik: Float64Array,
): Result<EqualShares, EqualSplitCode> {
  if (!Number.isSafeInteger(paidQepik)) return err('AMOUNT_NOT_INTEGER_QEPIK');
  if (paidQepik < 0) return err('AMOUNT_NEGATIVE');
  let totalDebt = 0;
  for (let i = 0; i < debtsQepik.length; i += 1) {
    const debt = debtsQepik[i] as number;
    if (!Number.isSafeInteger(debt)) return err('AMOUNT_NOT_INTEGER_QEPIK', { fin: fins[i] ?? '' });
    if (debt < 0) return err('AMOUNT_NEGATIVE', { fin: fins[i] ?? '' });
    totalDebt += debt;
    if (!Number.isSafeInteger(totalDebt)) return err('AMOUNT_TOO_LARGE');
  }
  const order = finOrder(fins);
  for (let k = 1; k < order.length; k += 1) {
    const fin = fins[order[k] as number] as string;
    if (fin === fins[order[k - 1] as number]) return err('DUPLICATE_FIN', { fin });
  }
  const { level, remaining: leftOver } = waterLevel(debtsQepik, paidQepik);
  let remaining = leftOver;
  const sharesQepik = new Float64Array(debtsQepik.length);
  for (let k = 0; k < order.length; k += 1) {
    const i = order[k] as number;
    const debt = debtsQepik[i] as number;
    // Still in debt at the final level: first in line for the leftover qəpiks, in FIN order.
    const extra = debt > level && remaining > 0 ? 1 : 0;
    remaining -= extra;
    sharesQepik[i] = Math.min(debt, level) + extra;
  }
  return ok({ sharesQepik, finOrder: order, undistributedQepik: remaining });
}

/**
 * Water-filling: each of the n persons still in debt gets floor(P / n), capped at what they
 * still owe; the fully paid leave and the rest is split again; the final remainder (< n)
 * goes one qəpik at a time in FIN order. Shares sum to min(P, Σ debts), none exceeds its
 * debt, and input order does not matter. Rows come back in FIN order. DOMAIN.md §7, SPEC F19.
 */
export function splitEqually(
  paidQepik: number,
  persons: readonly PersonDebt[],
): Result<EqualSplitResult, EqualSplitCode> {
  const fins = persons.map((p) => p.fin);
  const debts = new Float64Array(persons.length);
  for (let i = 0; i < persons.length; i += 1) {
    const debt = (persons[i] as PersonDebt).debtQepik;
    // Float64Array would silently turn a non-number into NaN; refuse it here instead.
    if (typeof debt !== 'number') return err('AMOUNT_NOT_INTEGER_QEPIK', { fin: fins[i] ?? '' });
    debts[i] = debt;
  }
  const computed = computeEqualShares(paidQepik, fins, debts);
  if (!computed.ok) return computed;
  const { sharesQepik, finOrder: order, undistributedQepik } = computed.value;
  const shares = Array.from(order, (i) => ({
    fin: fins[i] as string,
    debtQepik: debts[i] as Qepik,
    shareQepik: sharesQepik[i] as Qepik,
  }));
  return ok({
    shares,
    distributedQepik: (paidQepik - undistributedQepik) as Qepik,
    undistributedQepik: undistributedQepik as Qepik,
  });
}
