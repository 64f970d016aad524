// What an accepted report posts to the ledger and to persons' accounts, and how its payments
// are applied (issue 6 §9, issue 10 §1–§3; DOMAIN.md §5–§7).
import type { AccountCredit, AccountTarget, Side } from '../account/account-types';
import { itemKey, lastDayOfMonth } from '../account/account-types';
import { allocatePayment, type OpenItem, type OpenItemCategory } from '../allocation';
import type { IsoDate, MonthKey } from '../calendar';
import { distributePayment, type MonthSidePaid } from '../distribution/quarter-distribution';
import type { YearQuarter } from '../period';
import { quarterMonths } from '../period';
import { err, ok, type Result } from '../result';
import { emptyApplication, type PaymentApplication } from './payment-application';

export const POSTING_CODES = [
  'AMOUNT_NOT_INTEGER_QEPIK',
  'AMOUNT_NEGATIVE',
  'AMOUNT_TOO_LARGE',
  'MONTH_OUTSIDE_QUARTER',
  'ALLOCATION_FAILED',
  'DISTRIBUTION_FAILED',
] as const;
export type PostingCode = (typeof POSTING_CODES)[number];

/** Report lines the employer declares (posted) and the ones copied from the fund's own entries. */
export type PostingLineCategory =
  'PENALTY' | 'SANCTIONS_FINES' | 'SANATORIUM' | 'INJURY_REFUND' | 'FUND_FOUND' | 'OTHER';

/**
 * Lines whose accrued amount the report copied from the fund's ledger (F12 fines and sanctions,
 * F15 amounts the fund found): already on the account, so posting them again would count twice.
 */
const FROM_LEDGER: ReadonlySet<PostingLineCategory> = new Set(['SANCTIONS_FINES', 'FUND_FOUND']);

/** The open item a line's accrual and its own paid amount belong to. */
const LINE_ITEM: Record<PostingLineCategory, OpenItemCategory> = {
  PENALTY: 'PENALTY',
  SANCTIONS_FINES: 'FINE',
  SANATORIUM: 'OTHER',
  INJURY_REFUND: 'OTHER',
  FUND_FOUND: 'OTHER',
  OTHER: 'OTHER',
};

/** Posting kinds that raise the debt (positive in the ledger); PAYMENT lowers it. */
export const DEBIT_KINDS_FOR_POSTING = [
  'MDSS_ACCRUAL_EMPLOYER',
  'MDSS_ACCRUAL_EMPLOYEE',
  'PENALTY',
  'OTHER_ACCRUAL',
] as const;

export type PostingKind =
  'MDSS_ACCRUAL_EMPLOYER' | 'MDSS_ACCRUAL_EMPLOYEE' | 'PENALTY' | 'OTHER_ACCRUAL' | 'PAYMENT';

/**
 * One ledger amount. `month` is the accounting period inside the report's quarter (so every
 * posting of a report falls within its quarter and the balance at a period end is stable);
 * `target` is what it accrues or settles — for a payment to older debt, the older month.
 */
export interface PostingEntry {
  readonly kind: PostingKind;
  readonly month: MonthKey;
  readonly paymentId: string | null;
  readonly target: AccountTarget;
  readonly amountQepik: number;
}

/** One person's month on their individual account. */
export interface PersonPosting {
  readonly fin: string;
  readonly month: MonthKey;
  readonly incomeQepik: number;
  readonly employerMdssQepik: number;
  readonly employeeMdssQepik: number;
  readonly paidEmployerQepik: number;
  readonly paidEmployeeQepik: number;
}

/** A dated amount this report settles of an MDSS item: what the penalty timeline needs. */
export interface MdssReduction {
  readonly key: string;
  readonly date: IsoDate;
  readonly amountQepik: number;
}

export interface Posting {
  readonly ledger: readonly PostingEntry[];
  readonly persons: readonly PersonPosting[];
  readonly application: PaymentApplication;
  /** MDSS of the quarter per month and side, as items (key, side, month, amount). */
  readonly quarterItems: readonly {
    key: string;
    side: Side;
    month: MonthKey;
    amountQepik: number;
  }[];
  readonly mdssReductions: readonly MdssReduction[];
  /**
   * What the money settled of this quarter's months, per month and side: what is distributed
   * over the persons (computed with `skipPersons` too).
   */
  readonly quarterPaid: readonly MonthSidePaid[];
}

/** An item of the account before this report (the replay's open items). */
export interface PostingOpenItem {
  readonly key: string;
  readonly category: OpenItemCategory;
  readonly side?: Side;
  readonly month?: MonthKey;
  readonly arisesOn: IsoDate;
  readonly openQepik: number;
}

export interface PostingInput {
  readonly period: YearQuarter;
  /** The account before this report: its open items and the credit no debt has taken yet. */
  readonly account: {
    readonly items: readonly PostingOpenItem[];
    readonly credits: readonly AccountCredit[];
  };
  /** MDSS per person and month (calculateQuarterContributions rows). */
  readonly contributions: readonly {
    readonly fin: string;
    readonly month: MonthKey;
    readonly incomeQepik: number;
    readonly employerQepik: number;
    readonly employeeQepik: number;
  }[];
  /** Payments used (F6), each by the part this report uses, with its class code's side. */
  readonly payments: readonly {
    readonly paymentId: string;
    readonly paymentDate: IsoDate;
    readonly side: Side;
    readonly amountQepik: number;
  }[];
  readonly lines: readonly {
    readonly category: PostingLineCategory;
    readonly accruedQepik: number;
    readonly paidQepik: number;
  }[];
  /** Leave out the persons' rows (a caller that needs only the ledger side, e.g. the penalty). */
  readonly skipPersons?: boolean;
}

type Item = PostingOpenItem & { openQepik: number };

const isQepik = (n: number) => Number.isSafeInteger(n);

function checkAmounts(input: PostingInput, months: ReadonlySet<string>): PostingCode | null {
  // Each group of amounts that is added up must stay exact; incomes are only carried along.
  const totals = new Map<string, number>();
  const add = (group: string, n: number): PostingCode | null => {
    if (!isQepik(n)) return 'AMOUNT_NOT_INTEGER_QEPIK';
    if (n < 0) return 'AMOUNT_NEGATIVE';
    const total = (totals.get(group) ?? 0) + n;
    totals.set(group, total);
    return isQepik(total) ? null : 'AMOUNT_TOO_LARGE';
  };
  for (const c of input.contributions) {
    if (!months.has(c.month)) return 'MONTH_OUTSIDE_QUARTER';
    const bad =
      (isQepik(c.incomeQepik)
        ? c.incomeQepik < 0
          ? 'AMOUNT_NEGATIVE'
          : null
        : 'AMOUNT_NOT_INTEGER_QEPIK') ??
      add('mdss', c.employerQepik) ??
      add('mdss', c.employeeQepik);
    if (bad) return bad;
  }
  for (const p of input.payments) {
    const bad = add('paid', p.amountQepik);
    if (bad) return bad;
  }
  for (const l of input.lines) {
    const bad = add('accrued', l.accruedQepik) ?? add('paid', l.paidQepik);
    if (bad) return bad;
  }
  for (const i of input.account.items) {
    const bad = add('open', i.openQepik);
    if (bad) return bad;
  }
  for (const c of input.account.credits) {
    const bad = add('paid', c.amountQepik);
    if (bad) return bad;
  }
  const all = [...totals.entries()]
    .filter(([k]) => !k.startsWith('income:'))
    .reduce((t, [, v]) => t + v, 0);
  return isQepik(all) ? null : 'AMOUNT_TOO_LARGE';
}

const byDateThenId = <T extends { date: string; id: string }>(a: T, b: T) =>
  a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

const asOpen = (i: Item): OpenItem => ({
  id: i.key,
  category: i.category,
  ...(i.side ? { side: i.side } : {}),
  ...(i.month ? { month: i.month } : {}),
  dueDate: i.arisesOn,
  openQepik: i.openQepik,
});

const targetOf = (i: Item): AccountTarget =>
  i.category === 'MDSS'
    ? { category: 'MDSS', side: i.side ?? null, month: i.month ?? null }
    : { category: i.category };

/**
 * The posting of a report and the application of its money (DOMAIN.md §5–§7):
 * - MDSS accruals per month and side; the declared lines (penalty, sanatorium, injury refunds,
 *   other accruals; fines and the fund's findings are already on the account); each line's own
 *   paid amount against it.
 * - The credit carried in, then each payment (date order), settle first MDSS — a payment only of
 *   its own side (its classification code) — in the §5 order: this quarter's months, then older
 *   months; then what is left of each settles penalty, fines and sanctions, other accruals, and
 *   the rest is an overpayment carried forward. (MDSS first for every payment, then the rest, is
 *   the same as one pass per payment, since MDSS always ranks first; it lets the caller compute
 *   the penalty from the MDSS part before the penalty line is known.)
 * - What was applied to each month and side of this quarter is distributed over the persons.
 * Σ ledger = Σ MDSS + Σ posted accruals − Σ paid, so that with the fund's own entries the ledger
 * balance at the quarter's end equals the report's closing debt.
 */
export function buildPosting(input: PostingInput): Result<Posting, PostingCode> {
  const months = quarterMonths(input.period);
  const monthSet = new Set<string>(months);
  const bad = checkAmounts(input, monthSet);
  if (bad) return err(bad);
  const [firstMonth, , lastMonth] = months;
  const ledger: PostingEntry[] = [];
  const application = emptyApplication();
  const items = new Map<string, Item>();
  for (const i of input.account.items) if (i.openQepik > 0) items.set(i.key, { ...i });

  const quarterItems: Posting['quarterItems'][number][] = [];
  const sideTotals = new Map<string, number>();
  for (const c of input.contributions) {
    for (const [side, amount] of [
      ['EMPLOYER', c.employerQepik],
      ['EMPLOYEE', c.employeeQepik],
    ] as const) {
      const key = itemKey('MDSS', side, c.month);
      sideTotals.set(key, (sideTotals.get(key) ?? 0) + amount);
    }
  }
  for (const month of months) {
    for (const side of ['EMPLOYER', 'EMPLOYEE'] as const) {
      const key = itemKey('MDSS', side, month);
      const amountQepik = sideTotals.get(key) ?? 0;
      if (amountQepik === 0) continue;
      quarterItems.push({ key, side, month, amountQepik });
      const target: AccountTarget = { category: 'MDSS', side, month };
      const kind = side === 'EMPLOYER' ? 'MDSS_ACCRUAL_EMPLOYER' : 'MDSS_ACCRUAL_EMPLOYEE';
      ledger.push({ kind, month, paymentId: null, target, amountQepik });
      const existing = items.get(key);
      items.set(key, {
        key,
        category: 'MDSS',
        side,
        month,
        arisesOn: lastDayOfMonth(month),
        openQepik: (existing?.openQepik ?? 0) + amountQepik,
      });
    }
  }

  const lastDay = lastDayOfMonth(lastMonth);
  const itemFor = (category: OpenItemCategory): Item => {
    const found = items.get(category);
    if (found) return found;
    const created: Item = { key: category, category, arisesOn: lastDay, openQepik: 0 };
    items.set(category, created);
    return created;
  };
  for (const l of input.lines) {
    const item = itemFor(LINE_ITEM[l.category]);
    if (l.accruedQepik > 0 && !FROM_LEDGER.has(l.category)) {
      item.openQepik += l.accruedQepik;
      ledger.push({
        kind: l.category === 'PENALTY' ? 'PENALTY' : 'OTHER_ACCRUAL',
        month: lastMonth,
        paymentId: null,
        target: targetOf(item),
        amountQepik: l.accruedQepik,
      });
    }
  }
  // A line's own "paid" settles that line's debt first; beyond it, it is an overpayment.
  for (const l of input.lines) {
    if (l.paidQepik === 0) continue;
    const item = itemFor(LINE_ITEM[l.category]);
    const applied = Math.min(item.openQepik, l.paidQepik);
    item.openQepik -= applied;
    if (applied > 0) {
      ledger.push({
        kind: 'PAYMENT',
        month: lastMonth,
        paymentId: null,
        target: targetOf(item),
        amountQepik: -applied,
      });
    }
    if (l.paidQepik > applied) {
      ledger.push({
        kind: 'PAYMENT',
        month: lastMonth,
        paymentId: null,
        target: { category: 'CREDIT' },
        amountQepik: applied - l.paidQepik,
      });
    }
  }

  // Money in the order it settles: the credit carried in (older money) first, then payments.
  type Money = {
    id: string;
    date: IsoDate;
    side: Side | null;
    paymentId: string | null;
    leftQepik: number;
  };
  const credits: Money[] = input.account.credits.map((c, i) => ({
    id: `credit:${String(i).padStart(6, '0')}`,
    date: c.date,
    side: null,
    paymentId: null,
    leftQepik: c.amountQepik,
  }));
  const paid: Money[] = input.payments
    .map((p) => ({
      id: p.paymentId,
      date: p.paymentDate,
      side: p.side,
      paymentId: p.paymentId,
      leftQepik: p.amountQepik,
    }))
    .sort(byDateThenId);
  for (const c of credits) application.creditBroughtQepik += c.leftQepik;
  for (const p of paid) {
    application.paidQepik += p.leftQepik;
    if (p.side === 'EMPLOYER') application.paidEmployerQepik += p.leftQepik;
    else application.paidEmployeeQepik += p.leftQepik;
  }
  const mdssReductions: MdssReduction[] = [];
  const toQuarter = new Map<MonthKey, { employerQepik: number; employeeQepik: number }>();
  const settle = (money: Money, pool: (i: Item) => boolean): PostingCode | null => {
    if (money.leftQepik === 0) return null;
    const candidates = [...items.values()].filter((i) => i.openQepik > 0 && pool(i));
    const allocated = allocatePayment({
      paymentQepik: money.leftQepik,
      currentQuarter: input.period,
      items: candidates.map(asOpen),
      side: money.side,
    });
    if (!allocated.ok) return 'ALLOCATION_FAILED';
    for (const a of allocated.value.allocations) {
      const item = items.get(a.itemId) as Item;
      item.openQepik -= a.amountQepik;
      money.leftQepik -= a.amountQepik;
      const inQuarter = item.category === 'MDSS' && monthSet.has(item.month ?? '');
      if (item.category === 'MDSS') {
        mdssReductions.push({
          key: item.key,
          date: money.date > item.arisesOn ? money.date : item.arisesOn,
          amountQepik: a.amountQepik,
        });
        if (inQuarter) {
          const m = toQuarter.get(item.month as MonthKey) ?? { employerQepik: 0, employeeQepik: 0 };
          if (item.side === 'EMPLOYEE') m.employeeQepik += a.amountQepik;
          else m.employerQepik += a.amountQepik;
          toQuarter.set(item.month as MonthKey, m);
          if (item.side === 'EMPLOYEE') application.toQuarterMdssEmployeeQepik += a.amountQepik;
          else application.toQuarterMdssEmployerQepik += a.amountQepik;
        } else application.toOlderMdssQepik += a.amountQepik;
      } else if (item.category === 'PENALTY') application.toPenaltyQepik += a.amountQepik;
      else if (item.category === 'FINE' || item.category === 'SANCTION')
        application.toFinesQepik += a.amountQepik;
      else application.toOtherQepik += a.amountQepik;
      if (money.paymentId !== null) {
        const month = inQuarter
          ? (item.month as MonthKey)
          : item.category === 'MDSS'
            ? firstMonth
            : lastMonth;
        ledger.push({
          kind: 'PAYMENT',
          month,
          paymentId: money.paymentId,
          target: targetOf(item),
          amountQepik: -a.amountQepik,
        });
      }
    }
    return null;
  };
  const isMdss = (i: Item) => i.category === 'MDSS';
  for (const money of [...credits, ...paid]) {
    const failed = settle(money, isMdss);
    if (failed) return err(failed);
  }
  for (const money of [...credits, ...paid]) {
    const failed = settle(money, (i) => !isMdss(i));
    if (failed) return err(failed);
  }
  for (const money of paid) {
    if (money.leftQepik > 0) {
      ledger.push({
        kind: 'PAYMENT',
        month: lastMonth,
        paymentId: money.paymentId,
        target: { category: 'CREDIT' },
        amountQepik: -money.leftQepik,
      });
    }
  }
  application.overpaymentQepik = [...credits, ...paid].reduce((t, m) => t + m.leftQepik, 0);

  const quarterPaid = [...toQuarter].map(([month, m]) => ({ month, ...m }));
  if (input.skipPersons)
    return ok({ ledger, persons: [], application, quarterItems, mdssReductions, quarterPaid });
  const distribution = distributePayment(quarterPaid, input.contributions);
  if (!distribution.ok) return err('DISTRIBUTION_FAILED', { detail: distribution.code });
  const shares = new Map(distribution.value.rows.map((r) => [`${r.fin}|${r.month}`, r]));
  const persons: PersonPosting[] = input.contributions.map((c) => {
    const share = shares.get(`${c.fin}|${c.month}`);
    return {
      fin: c.fin,
      month: c.month,
      incomeQepik: c.incomeQepik,
      employerMdssQepik: c.employerQepik,
      employeeMdssQepik: c.employeeQepik,
      paidEmployerQepik: share?.employerQepik ?? 0,
      paidEmployeeQepik: share?.employeeQepik ?? 0,
    };
  });
  return ok({ ledger, persons, application, quarterItems, mdssReductions, quarterPaid });
}

/** Σ of a posting's ledger amounts (debt it adds; negative when it lowers the debt). */
export function postingTotal(posting: Pick<Posting, 'ledger'>): number {
  return posting.ledger.reduce((t, e) => t + e.amountQepik, 0);
}
