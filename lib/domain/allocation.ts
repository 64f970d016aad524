// Applying a payment to an activity's open items in the order of DOMAIN.md §5.
import type { Side } from './account/account-types';
import { parseMonthKey, type IsoDate, type MonthKey } from './calendar';
import type { Qepik } from './money';
import { quarterMonths, type YearQuarter } from './period';
import { err, ok, type Result } from './result';

export const ALLOCATION_CODES = [
  'UNKNOWN_MONTH',
  'DUPLICATE_ITEM',
  'AMOUNT_NEGATIVE',
  'AMOUNT_NOT_INTEGER_QEPIK',
  'AMOUNT_TOO_LARGE',
  'INVALID_QUARTER',
] as const;
export type AllocationCode = (typeof ALLOCATION_CODES)[number];

export type OpenItemCategory = 'MDSS' | 'PENALTY' | 'FINE' | 'SANCTION' | 'OTHER';

/** An open ledger item; MDSS items name their contribution month and side. */
export interface OpenItem {
  readonly id: string;
  readonly category: OpenItemCategory;
  readonly side?: Side;
  readonly month?: MonthKey;
  readonly dueDate?: IsoDate;
  readonly openQepik: number;
}

export interface Allocation {
  readonly itemId: string;
  readonly amountQepik: Qepik;
}

export interface AllocationResult {
  readonly allocations: readonly Allocation[];
  readonly overpaymentQepik: Qepik;
}

// Fines and sanctions share one rank: DOMAIN.md §5 lists them as a single step.
const RANK: Record<OpenItemCategory, number> = {
  MDSS: 1,
  PENALTY: 2,
  FINE: 3,
  SANCTION: 3,
  OTHER: 4,
};

const SIDE_RANK = (side: Side | undefined) =>
  side === 'EMPLOYER' ? 0 : side === 'EMPLOYEE' ? 1 : 2;

/**
 * The DOMAIN.md §5 order of two items: the current quarter's MDSS, older MDSS, penalty, fines
 * and sanctions, other; within a rank the oldest month (or due date) first, the employer side
 * before the employee side, then the id — so the order never depends on the input's.
 */
export function compareOpenItems(
  a: OpenItem,
  b: OpenItem,
  currentMonths: ReadonlySet<string>,
): number {
  const rankA = a.category === 'MDSS' && !currentMonths.has(a.month ?? '') ? 1.5 : RANK[a.category];
  const rankB = b.category === 'MDSS' && !currentMonths.has(b.month ?? '') ? 1.5 : RANK[b.category];
  if (rankA !== rankB) return rankA - rankB;
  const keyA = a.month ?? a.dueDate ?? '\uffff';
  const keyB = b.month ?? b.dueDate ?? '\uffff';
  if (keyA !== keyB) return keyA < keyB ? -1 : 1;
  const sideA = SIDE_RANK(a.side);
  const sideB = SIDE_RANK(b.side);
  if (sideA !== sideB) return sideA - sideB;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Settles, in order: the current quarter's MDSS (oldest month first), older MDSS (oldest
 * first), penalty, fines and sanctions, other accruals; the rest is an overpayment carried
 * forward. Ties fall back to due date, side, then id, so input order never matters. A payment
 * with a side (its classification code's, DOMAIN.md §8) settles only that side's MDSS; the
 * other debts take money of either side. DOMAIN.md §5.
 */
export function allocatePayment(input: {
  readonly paymentQepik: number;
  readonly currentQuarter: YearQuarter;
  readonly items: readonly OpenItem[];
  readonly side?: Side | null;
}): Result<AllocationResult, AllocationCode> {
  const { paymentQepik, currentQuarter, items } = input;
  const side = input.side ?? null;
  if (!Number.isSafeInteger(paymentQepik)) return err('AMOUNT_NOT_INTEGER_QEPIK');
  if (paymentQepik < 0) return err('AMOUNT_NEGATIVE');
  if (![1, 2, 3, 4].includes(currentQuarter.quarter)) return err('INVALID_QUARTER');
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) return err('DUPLICATE_ITEM', { id: item.id });
    ids.add(item.id);
    if (!Number.isSafeInteger(item.openQepik)) return err('AMOUNT_NOT_INTEGER_QEPIK');
    if (item.openQepik < 0) return err('AMOUNT_NEGATIVE');
    if (item.category === 'MDSS' && !parseMonthKey(item.month ?? '').ok) {
      return err('UNKNOWN_MONTH', { month: item.month ?? '' });
    }
  }
  const currentMonths = new Set<string>(quarterMonths(currentQuarter));
  const ordered = [...items]
    .filter(
      (i) => side === null || i.category !== 'MDSS' || i.side === undefined || i.side === side,
    )
    .sort((a, b) => compareOpenItems(a, b, currentMonths));
  let remainingQepik = paymentQepik;
  const allocations: Allocation[] = [];
  for (const item of ordered) {
    if (remainingQepik === 0) break;
    const amount = Math.min(remainingQepik, item.openQepik);
    if (amount === 0) continue;
    allocations.push({ itemId: item.id, amountQepik: amount as Qepik });
    remainingQepik -= amount;
  }
  return ok({ allocations, overpaymentQepik: remainingQepik as Qepik });
}
