// Replays an activity code's ledger into open items with their history (DOMAIN.md §4–§5), so
// the penalty can run over every overdue MDSS month and a report's payments can settle older
// debt month by month. Pure: the caller maps ledger rows to AccountEntry.
import { compareOpenItems, type OpenItem } from '../allocation';
import { parseIsoDate, parseMonthKey, type IsoDate } from '../calendar';
import { err, ok, type Result } from '../result';
import {
  itemKey,
  type AccountCredit,
  type AccountEntry,
  type AccountItem,
  type AccountState,
  type ItemCategory,
  type ItemReduction,
  type Side,
} from './account-types';

export const ACCOUNT_CODES = [
  'INVALID_DATE',
  'UNKNOWN_MONTH',
  'AMOUNT_NOT_INTEGER_QEPIK',
  'AMOUNT_TOO_LARGE',
  'DEBIT_WITHOUT_MONTH',
] as const;
export type AccountCode = (typeof ACCOUNT_CODES)[number];

type MutableItem = {
  key: string;
  category: ItemCategory;
  side?: Side;
  month?: string;
  arisesOn: IsoDate;
  amountQepik: number;
  reductions: ItemReduction[];
  openQepik: number;
};

const NO_CURRENT_MONTHS: ReadonlySet<string> = new Set();

const asOpenItem = (i: MutableItem): OpenItem => ({
  id: i.key,
  category: i.category,
  ...(i.side ? { side: i.side } : {}),
  ...(i.month ? { month: i.month } : {}),
  dueDate: i.arisesOn,
  openQepik: i.openQepik,
});

const later = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

function reduce(item: MutableItem, date: IsoDate, amountQepik: number): number {
  const applied = Math.min(item.openQepik, amountQepik);
  if (applied > 0) {
    item.openQepik -= applied;
    item.reductions.push({ date: later(date, item.arisesOn), amountQepik: applied });
  }
  return amountQepik - applied;
}

/**
 * The state of one activity code's account after every entry: each debt (MDSS per month and
 * side, penalty, fines, sanctions, other) with what accrued and the dated amounts that settled
 * it, and the credit no debt has taken. Debits add to their item whatever their date; credits
 * then apply in date order to the item they name (an MDSS credit without a month or side to
 * the oldest matching month first); what an item cannot take, and untargeted money, is credit,
 * which settles the remaining debts in the DOMAIN.md §5 order from the later of its own date
 * and the debt's. Order-independent, and Σ open − Σ credit = Σ amounts.
 */
export function replayAccount(entries: readonly AccountEntry[]): Result<AccountState, AccountCode> {
  const items = new Map<string, MutableItem>();
  let total = 0;
  for (const e of entries) {
    if (!Number.isSafeInteger(e.amountQepik)) return err('AMOUNT_NOT_INTEGER_QEPIK');
    if (!parseIsoDate(e.date).ok) return err('INVALID_DATE', { date: e.date });
    total += e.amountQepik;
    if (!Number.isSafeInteger(total)) return err('AMOUNT_TOO_LARGE');
    const t = e.target;
    if (t.category === 'MDSS' && t.month !== null && !parseMonthKey(t.month).ok) {
      return err('UNKNOWN_MONTH', { month: t.month });
    }
    if (e.amountQepik <= 0 || t.category === 'CREDIT') continue;
    if (t.category === 'MDSS' && t.month === null) return err('DEBIT_WITHOUT_MONTH');
    const side = t.category === 'MDSS' ? (t.side ?? 'EMPLOYER') : undefined;
    const month = t.category === 'MDSS' ? (t.month ?? undefined) : undefined;
    const key = itemKey(t.category, side, month);
    const item = items.get(key);
    if (item) {
      item.amountQepik += e.amountQepik;
      item.openQepik += e.amountQepik;
      if (e.date < item.arisesOn) item.arisesOn = e.date;
    } else {
      items.set(key, {
        key,
        category: t.category,
        ...(side ? { side } : {}),
        ...(month ? { month } : {}),
        arisesOn: e.date,
        amountQepik: e.amountQepik,
        reductions: [],
        openQepik: e.amountQepik,
      });
    }
  }
  const ordered = () =>
    [...items.values()].sort((a, b) =>
      compareOpenItems(asOpenItem(a), asOpenItem(b), NO_CURRENT_MONTHS),
    );
  const credits: AccountCredit[] = [];
  const credit = (date: IsoDate, amountQepik: number) => {
    if (amountQepik > 0) credits.push({ date, amountQepik });
  };
  const byDate = [...entries].sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  for (const e of byDate) {
    const t = e.target;
    if (t.category === 'CREDIT') {
      if (e.amountQepik < 0) credit(e.date, -e.amountQepik);
      else if (e.amountQepik > 0) {
        // A lowered overpayment (a corrective report's difference) takes back the latest credit.
        let back = e.amountQepik;
        while (back > 0 && credits.length > 0) {
          const last = credits[credits.length - 1] as AccountCredit;
          const take = Math.min(back, last.amountQepik);
          back -= take;
          if (take === last.amountQepik) credits.pop();
          else credits[credits.length - 1] = { ...last, amountQepik: last.amountQepik - take };
        }
        if (back > 0) {
          const other = items.get('OTHER');
          if (other) {
            other.amountQepik += back;
            other.openQepik += back;
          } else {
            items.set('OTHER', {
              key: 'OTHER',
              category: 'OTHER',
              arisesOn: e.date,
              amountQepik: back,
              reductions: [],
              openQepik: back,
            });
          }
        }
      }
      continue;
    }
    if (e.amountQepik >= 0) continue;
    let left = -e.amountQepik;
    if (t.category === 'MDSS') {
      for (const item of ordered()) {
        if (left === 0) break;
        if (item.category !== 'MDSS') continue;
        if (t.month !== null && item.month !== t.month) continue;
        if (t.side !== null && item.side !== t.side) continue;
        left = reduce(item, e.date, left);
      }
    } else {
      const item = items.get(t.category);
      if (item) left = reduce(item, e.date, left);
    }
    credit(e.date, left);
  }
  // Credit settles what is still open, oldest money first, in the §5 order.
  const remaining: AccountCredit[] = [];
  const open = ordered();
  for (const c of credits) {
    let left = c.amountQepik;
    for (const item of open) {
      if (left === 0) break;
      left = reduce(item, c.date, left);
    }
    if (left > 0) remaining.push({ date: c.date, amountQepik: left });
  }
  const finalItems: AccountItem[] = ordered().map((i) => ({ ...i, reductions: [...i.reductions] }));
  const balanceQepik =
    finalItems.reduce((s, i) => s + i.openQepik, 0) -
    remaining.reduce((s, c) => s + c.amountQepik, 0);
  return ok({ items: finalItems, credits: remaining, balanceQepik });
}
