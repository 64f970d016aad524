// What an accepted report posts to the ledger and to persons' accounts (issue 6 §9, DOMAIN.md §5–§7).
import { allocatePayment, type OpenItem } from '../allocation';
import type { IsoDate, MonthKey } from '../calendar';
import type { YearQuarter } from '../period';
import { quarterMonths } from '../period';
import { err, ok, type Result } from '../result';

export const POSTING_CODES = [
  'AMOUNT_NOT_INTEGER_QEPIK',
  'AMOUNT_NEGATIVE',
  'MONTH_OUTSIDE_QUARTER',
  'ALLOCATION_FAILED',
] as const;
export type PostingCode = (typeof POSTING_CODES)[number];

/** Report lines the employer declares (posted) and the ones copied from the fund's own entries. */
export type PostingLineCategory =
  | 'PENALTY'
  | 'SANCTIONS_FINES'
  | 'SANATORIUM'
  | 'INJURY_REFUND'
  | 'FUND_FOUND'
  | 'OTHER';

/**
 * Lines whose accrued amount the report copied from the fund's ledger (F12 fines and sanctions,
 * F15 amounts the fund found): already in the ledger, so posting them again would count them twice.
 */
const FROM_LEDGER: ReadonlySet<PostingLineCategory> = new Set(['SANCTIONS_FINES', 'FUND_FOUND']);

/** Posting kinds that raise the debt (positive in the ledger); PAYMENT lowers it. */
export const DEBIT_KINDS_FOR_POSTING = [
  'MDSS_ACCRUAL_EMPLOYER',
  'MDSS_ACCRUAL_EMPLOYEE',
  'PENALTY',
  'OTHER_ACCRUAL',
] as const;

export type PostingKind =
  | 'MDSS_ACCRUAL_EMPLOYER'
  | 'MDSS_ACCRUAL_EMPLOYEE'
  | 'PENALTY'
  | 'OTHER_ACCRUAL'
  | 'PAYMENT';

/**
 * One ledger amount. `month` is the accounting period inside the report's quarter (so every
 * posting of a report falls within its quarter and the balance at a period end is stable);
 * `target` names what a payment settled, e.g. "MDSS:2025-08", "OLDER_MDSS", "PENALTY".
 */
export interface PostingEntry {
  readonly kind: PostingKind;
  readonly month: MonthKey;
  readonly paymentId: string | null;
  readonly target: string;
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

export interface Posting {
  readonly ledger: readonly PostingEntry[];
  readonly persons: readonly PersonPosting[];
}

export interface PostingInput {
  readonly period: YearQuarter;
  /** Debt carried into the quarter (> 0 debt, < 0 overpayment): the "older MDSS" a payment may settle. */
  readonly debtStartQepik: number;
  /** MDSS per person and month (calculateQuarterContributions rows). */
  readonly contributions: readonly {
    readonly fin: string;
    readonly month: MonthKey;
    readonly incomeQepik: number;
    readonly employerQepik: number;
    readonly employeeQepik: number;
  }[];
  /** What the distribution gave each person and month (distributePayment rows). */
  readonly distributed: readonly {
    readonly fin: string;
    readonly month: MonthKey;
    readonly employerQepik: number;
    readonly employeeQepik: number;
  }[];
  /** Payments used (F6), each by the part this report uses. */
  readonly payments: readonly {
    readonly paymentId: string;
    readonly paymentDate: IsoDate;
    readonly amountQepik: number;
  }[];
  readonly lines: readonly {
    readonly category: PostingLineCategory;
    readonly accruedQepik: number;
    readonly paidQepik: number;
  }[];
}

const isQepik = (n: number) => Number.isSafeInteger(n);

function checkAmounts(input: PostingInput, months: ReadonlySet<string>): PostingCode | null {
  for (const c of input.contributions) {
    if (!months.has(c.month)) return 'MONTH_OUTSIDE_QUARTER';
    if (![c.incomeQepik, c.employerQepik, c.employeeQepik].every(isQepik))
      return 'AMOUNT_NOT_INTEGER_QEPIK';
    if (c.incomeQepik < 0 || c.employerQepik < 0 || c.employeeQepik < 0) return 'AMOUNT_NEGATIVE';
  }
  for (const d of input.distributed) {
    if (!months.has(d.month)) return 'MONTH_OUTSIDE_QUARTER';
    if (!isQepik(d.employerQepik) || !isQepik(d.employeeQepik)) return 'AMOUNT_NOT_INTEGER_QEPIK';
    if (d.employerQepik < 0 || d.employeeQepik < 0) return 'AMOUNT_NEGATIVE';
  }
  for (const p of input.payments) {
    if (!isQepik(p.amountQepik)) return 'AMOUNT_NOT_INTEGER_QEPIK';
    if (p.amountQepik < 0) return 'AMOUNT_NEGATIVE';
  }
  for (const l of input.lines) {
    if (!isQepik(l.accruedQepik) || !isQepik(l.paidQepik)) return 'AMOUNT_NOT_INTEGER_QEPIK';
    if (l.accruedQepik < 0 || l.paidQepik < 0) return 'AMOUNT_NEGATIVE';
  }
  if (!isQepik(input.debtStartQepik)) return 'AMOUNT_NOT_INTEGER_QEPIK';
  return null;
}

/**
 * The posting of an accepted report: MDSS accruals per month and side, the declared accrued
 * lines (penalty; sanatorium, injury refunds and other accruals as OTHER_ACCRUAL), each payment
 * split over what it settles in the DOMAIN.md §5 order (allocatePayment, payments oldest first),
 * the lines' own paid amounts, and each person's month (income, MDSS and what was distributed to
 * them, §7). Σ ledger = Σ MDSS + Σ posted accruals − Σ paid, so that with the fund's own entries
 * the ledger balance at the quarter's end equals the report's closing debt.
 */
export function buildPosting(input: PostingInput): Result<Posting, PostingCode> {
  const months = quarterMonths(input.period);
  const monthSet = new Set<string>(months);
  const bad = checkAmounts(input, monthSet);
  if (bad) return err(bad);
  const lastMonth = months[2];
  const ledger: PostingEntry[] = [];

  const employerByMonth = new Map<string, number>(months.map((m) => [m, 0]));
  const employeeByMonth = new Map<string, number>(months.map((m) => [m, 0]));
  for (const c of input.contributions) {
    employerByMonth.set(c.month, (employerByMonth.get(c.month) ?? 0) + c.employerQepik);
    employeeByMonth.set(c.month, (employeeByMonth.get(c.month) ?? 0) + c.employeeQepik);
  }
  for (const m of months) {
    const er = employerByMonth.get(m) ?? 0;
    const ee = employeeByMonth.get(m) ?? 0;
    if (er > 0) ledger.push({ kind: 'MDSS_ACCRUAL_EMPLOYER', month: m, paymentId: null, target: `MDSS:${m}`, amountQepik: er });
    if (ee > 0) ledger.push({ kind: 'MDSS_ACCRUAL_EMPLOYEE', month: m, paymentId: null, target: `MDSS:${m}`, amountQepik: ee });
  }

  // Open items the payments settle, in the §5 order; F12/F15 amounts are the fund's and are owed too.
  const open = new Map<string, OpenItem>();
  for (const m of months) {
    open.set(`MDSS:${m}`, {
      id: `MDSS:${m}`,
      category: 'MDSS',
      month: m,
      openQepik: (employerByMonth.get(m) ?? 0) + (employeeByMonth.get(m) ?? 0),
    });
  }
  if (input.debtStartQepik > 0) {
    // The month before the quarter: older MDSS debt ranks after the current quarter's.
    open.set('OLDER_MDSS', { id: 'OLDER_MDSS', category: 'MDSS', month: '0000-01', openQepik: input.debtStartQepik });
  }
  const lineOpen: Record<string, { category: OpenItem['category']; openQepik: number }> = {};
  for (const l of input.lines) {
    const category: OpenItem['category'] =
      l.category === 'PENALTY' ? 'PENALTY' : l.category === 'SANCTIONS_FINES' ? 'FINE' : 'OTHER';
    const id = l.category;
    // A line's own "paid" settles it first; what stays open can take payments.
    lineOpen[id] = { category, openQepik: Math.max(0, l.accruedQepik - l.paidQepik) };
    if (l.accruedQepik > 0 && !FROM_LEDGER.has(l.category)) {
      ledger.push({
        kind: l.category === 'PENALTY' ? 'PENALTY' : 'OTHER_ACCRUAL',
        month: lastMonth,
        paymentId: null,
        target: l.category,
        amountQepik: l.accruedQepik,
      });
    }
    if (l.paidQepik > 0) {
      ledger.push({ kind: 'PAYMENT', month: lastMonth, paymentId: null, target: l.category, amountQepik: -l.paidQepik });
    }
  }
  for (const [id, item] of Object.entries(lineOpen)) {
    if (item.openQepik > 0) open.set(id, { id, category: item.category, openQepik: item.openQepik });
  }

  const payments = [...input.payments].sort((a, b) =>
    a.paymentDate !== b.paymentDate ? (a.paymentDate < b.paymentDate ? -1 : 1) : a.paymentId < b.paymentId ? -1 : a.paymentId > b.paymentId ? 1 : 0,
  );
  for (const p of payments) {
    if (p.amountQepik === 0) continue;
    const allocated = allocatePayment({ paymentQepik: p.amountQepik, currentQuarter: input.period, items: [...open.values()] });
    if (!allocated.ok) return err('ALLOCATION_FAILED', { detail: allocated.code });
    for (const a of allocated.value.allocations) {
      const item = open.get(a.itemId);
      if (!item) continue;
      open.set(a.itemId, { ...item, openQepik: item.openQepik - a.amountQepik });
      const month = a.itemId.startsWith('MDSS:') ? (item.month as MonthKey) : a.itemId === 'OLDER_MDSS' ? months[0] : lastMonth;
      ledger.push({ kind: 'PAYMENT', month, paymentId: p.paymentId, target: a.itemId, amountQepik: -a.amountQepik });
    }
    if (allocated.value.overpaymentQepik > 0) {
      ledger.push({ kind: 'PAYMENT', month: lastMonth, paymentId: p.paymentId, target: 'OVERPAYMENT', amountQepik: -allocated.value.overpaymentQepik });
    }
  }

  const paid = new Map<string, { er: number; ee: number }>();
  for (const d of input.distributed) paid.set(`${d.fin}|${d.month}`, { er: d.employerQepik, ee: d.employeeQepik });
  const persons: PersonPosting[] = input.contributions.map((c) => {
    const share = paid.get(`${c.fin}|${c.month}`);
    return {
      fin: c.fin,
      month: c.month,
      incomeQepik: c.incomeQepik,
      employerMdssQepik: c.employerQepik,
      employeeMdssQepik: c.employeeQepik,
      paidEmployerQepik: share?.er ?? 0,
      paidEmployeeQepik: share?.ee ?? 0,
    };
  });
  return ok({ ledger, persons });
}

const ledgerKey = (e: PostingEntry) => `${e.kind}|${e.month}|${e.paymentId ?? ''}|${e.target}`;
const personKey = (p: PersonPosting) => `${p.fin}|${p.month}`;

/**
 * What a corrective report posts: its posting minus the one of the report it replaces, netted
 * per ledger key (kind, month, payment, target) and per person and month; zero rows drop out.
 * previous + difference = next, entry by entry (issue 6 §11).
 */
export function postingDifference(next: Posting, previous: Posting): Posting {
  const ledger = new Map<string, PostingEntry>();
  for (const e of next.ledger) {
    const k = ledgerKey(e);
    const cur = ledger.get(k);
    ledger.set(k, { ...e, amountQepik: (cur?.amountQepik ?? 0) + e.amountQepik });
  }
  for (const e of previous.ledger) {
    const k = ledgerKey(e);
    const cur = ledger.get(k);
    ledger.set(k, { ...(cur ?? e), amountQepik: (cur?.amountQepik ?? 0) - e.amountQepik });
  }
  const persons = new Map<string, PersonPosting>();
  const zero = { incomeQepik: 0, employerMdssQepik: 0, employeeMdssQepik: 0, paidEmployerQepik: 0, paidEmployeeQepik: 0 };
  for (const p of next.persons) persons.set(personKey(p), p);
  for (const p of previous.persons) {
    const cur = persons.get(personKey(p)) ?? { ...p, ...zero };
    persons.set(personKey(p), {
      fin: p.fin,
      month: p.month,
      incomeQepik: cur.incomeQepik - p.incomeQepik,
      employerMdssQepik: cur.employerMdssQepik - p.employerMdssQepik,
      employeeMdssQepik: cur.employeeMdssQepik - p.employeeMdssQepik,
      paidEmployerQepik: cur.paidEmployerQepik - p.paidEmployerQepik,
      paidEmployeeQepik: cur.paidEmployeeQepik - p.paidEmployeeQepik,
    });
  }
  const nonZero = (p: PersonPosting) =>
    p.incomeQepik !== 0 || p.employerMdssQepik !== 0 || p.employeeMdssQepik !== 0 || p.paidEmployerQepik !== 0 || p.paidEmployeeQepik !== 0;
  return {
    ledger: [...ledger.values()].filter((e) => e.amountQepik !== 0),
    persons: [...persons.values()].filter(nonZero),
  };
}

/** Σ of a posting's ledger amounts (debt it adds; negative when it lowers the debt). */
export function postingTotal(posting: Posting): number {
  return posting.ledger.reduce((t, e) => t + e.amountQepik, 0);
}
