// The employer's account per activity code as lib/domain sees it (DOMAIN.md §4–§5, §8): what
// each amount accrues or settles, and the open items a payment can settle.
import { daysInMonth, type IsoDate, type MonthKey } from '../calendar';

/** The two sides of MDSS: the employer's 22 % and the employee's 3 % (DOMAIN.md §2, §8). */
export const SIDES = ['EMPLOYER', 'EMPLOYEE'] as const;
export type Side = (typeof SIDES)[number];

/** What an open item is: MDSS of a month and side, or one of the other debts of §5. */
export const ITEM_CATEGORIES = ['MDSS', 'PENALTY', 'FINE', 'SANCTION', 'OTHER'] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

/**
 * What an account amount accrues or settles. MDSS names its side and month; a credit may leave
 * either out (a write-off of "MDSS debt", an old entry), and then settles the oldest MDSS first.
 * CREDIT is money left over: an overpayment carried forward until a later debt takes it.
 */
export type AccountTarget =
  | { readonly category: 'MDSS'; readonly side: Side | null; readonly month: MonthKey | null }
  | { readonly category: Exclude<ItemCategory, 'MDSS'> }
  | { readonly category: 'CREDIT' };

/**
 * One amount on the account: positive raises the debt (accruals), negative lowers it (payments,
 * write-offs). `date` is when it happened: a payment's date, an accrual's month end.
 */
export interface AccountEntry {
  readonly id: string;
  readonly date: IsoDate;
  readonly amountQepik: number;
  readonly target: AccountTarget;
}

/** A dated reduction of an item (a payment, a credit or a write-off applied to it). */
export interface ItemReduction {
  readonly date: IsoDate;
  readonly amountQepik: number;
}

/** One debt of the account with its history: what accrued and what settled it, when. */
export interface AccountItem {
  readonly key: string;
  readonly category: ItemCategory;
  readonly side?: Side;
  readonly month?: MonthKey;
  /** The first day it was owed (an MDSS month's last day, a fine's date). */
  readonly arisesOn: IsoDate;
  readonly amountQepik: number;
  readonly reductions: readonly ItemReduction[];
  readonly openQepik: number;
}

/** Money on the account that no debt has taken yet, oldest first. */
export interface AccountCredit {
  readonly date: IsoDate;
  readonly amountQepik: number;
}

export interface AccountState {
  /** In the order of DOMAIN.md §5 (MDSS oldest month first, employer side first, then the rest). */
  readonly items: readonly AccountItem[];
  readonly credits: readonly AccountCredit[];
  /** Σ open − Σ credits: the ledger balance (debt > 0, overpayment < 0). */
  readonly balanceQepik: number;
}

/** The key of an MDSS item or of another category's single item. */
export function itemKey(category: ItemCategory, side?: Side, month?: MonthKey): string {
  return category === 'MDSS' ? `MDSS:${side ?? ''}:${month ?? ''}` : category;
}

/** The last day of a month: the day a month's MDSS is accrued (posting dates it so). */
export function lastDayOfMonth(month: MonthKey): IsoDate {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}
