// "If you pay X ₼ on date D" (issue 13 §10): the penalty an activity code's overdue MDSS keeps
// accruing up to D and how a payment on D would settle the debt, built only from the domain's
// own rules — the penalty timeline of DOMAIN.md §4 (computeReportPenalty → calculatePenalty) and
// the allocation order of DOMAIN.md §5 (allocatePayment). No second formula: a projection is
// what the next report and the next payment would compute.
//
// Decisions:
// - Days up to and including today that no posted report has charged yet are "pending": the next
//   report charges them (from the day after its predecessor's date). They are shown apart from
//   the days after today, so D = today adds nothing and the ledger's debt is visible as it is.
// - A payment dated D lowers balances from D + 1 (penalty.ts), so X never changes the penalty up
//   to D; it only decides what is left after D.
// - The payment has no side (a person asks "how much do I pay", not on which classification
//   code): it settles either side's MDSS. Money already on the account (credit) joins X.
// - No X means "the whole debt on D": what settles everything, penalty up to D included.
import type { AccountState, Side } from './account/account-types';
import { parseIsoDate, type IsoDate, type MonthKey } from './calendar';
import { allocatePayment, type AllocationCode, type OpenItem } from './allocation';
import type { PenaltyCode } from './penalty';
import type { PenaltyParameters } from './penalty-parameters';
import { quarterOfMonth, type PeriodCode } from './period';
import { computeReportPenalty } from './posting/report-penalty';
import { err, ok, type Result } from './result';

export const PROJECTION_CODES = ['PAY_DATE_BEFORE_TODAY'] as const;
export type ProjectionCode =
  (typeof PROJECTION_CODES)[number] | PenaltyCode | AllocationCode | PeriodCode;

/** The debt categories of the cabinet's views 5 and 7 (fines and sanctions are one). */
export const PROJECTION_CATEGORIES = ['MDSS', 'PENALTY', 'FINES', 'OTHER'] as const;
export type ProjectionCategory = (typeof PROJECTION_CATEGORIES)[number];

export interface ProjectionLine {
  /** Open today in the ledger (before the pending and projected penalty). */
  readonly todayQepik: number;
  /** Owed on D before the payment: today's plus the penalty up to D. */
  readonly onDateQepik: number;
  /** What the payment (with the account's credit) settles on D. */
  readonly paidQepik: number;
  /** Left after paying on D. */
  readonly afterQepik: number;
}

export interface ProjectionObligation {
  readonly month: MonthKey;
  readonly side: Side;
  /** The obligation's balance today. */
  readonly openQepik: number;
  /** Penalty of the days up to today no posted report has charged. */
  readonly pendingQepik: number;
  /** Days after today up to D that accrue penalty, and their penalty. */
  readonly projectedDays: number;
  readonly projectedQepik: number;
  /** Days charged over the obligation's life up to D (at most the cap). */
  readonly totalDays: number;
}

export interface ProjectionAllocation {
  readonly category: ProjectionCategory;
  readonly month?: MonthKey;
  readonly side?: Side;
  readonly amountQepik: number;
}

export interface PenaltyProjection {
  readonly today: IsoDate;
  readonly payOn: IsoDate;
  /** X: the amount given, or the whole debt on D when none was. */
  readonly paymentQepik: number;
  readonly paymentGiven: boolean;
  readonly pendingPenaltyQepik: number;
  readonly projectedPenaltyQepik: number;
  readonly lines: Readonly<Record<ProjectionCategory, ProjectionLine>>;
  /** Money on the account no debt has taken (it joins the payment). */
  readonly creditQepik: number;
  /** The ledger balance today (Σ open − credit; negative = overpayment). */
  readonly debtTodayQepik: number;
  /** Owed on D before paying: today's balance plus the penalty up to D. */
  readonly debtOnDateQepik: number;
  /** Left after paying on D (0 when settled), and what is carried forward as overpayment. */
  readonly debtAfterQepik: number;
  readonly overpaymentQepik: number;
  /** How the payment settles the debt, in the DOMAIN.md §5 order. */
  readonly allocations: readonly ProjectionAllocation[];
  readonly obligations: readonly ProjectionObligation[];
}

const categoryOf = (c: OpenItem['category']): ProjectionCategory =>
  c === 'FINE' || c === 'SANCTION' ? 'FINES' : c;

const NO_POSTING = { quarterItems: [], mdssReductions: [] } as const;

/**
 * One code's projection as at `today` for a payment of `paymentQepik` (null: the whole debt on
 * D) on `payOn` ≥ today. `account` is the code's replayed ledger as at today, `chargedThrough`
 * the days posted calculations charged per MDSS obligation (load-account.ts).
 */
export function projectPenalty(input: {
  readonly account: Pick<AccountState, 'items' | 'credits'>;
  readonly dueDates: Readonly<Record<MonthKey, IsoDate>>;
  readonly chargedThrough: Readonly<Record<string, IsoDate>>;
  readonly parameters: readonly PenaltyParameters[];
  readonly today: IsoDate;
  readonly payOn: IsoDate;
  readonly paymentQepik: number | null;
}): Result<PenaltyProjection, ProjectionCode> {
  const today = parseIsoDate(input.today);
  if (!today.ok) return today;
  const payOn = parseIsoDate(input.payOn);
  if (!payOn.ok) return payOn;
  if (payOn.value < today.value) return err('PAY_DATE_BEFORE_TODAY');
  if (input.paymentQepik !== null) {
    if (!Number.isSafeInteger(input.paymentQepik)) return err('AMOUNT_NOT_INTEGER_QEPIK');
    if (input.paymentQepik < 0) return err('AMOUNT_NEGATIVE');
  }
  const base = {
    account: input.account,
    posting: NO_POSTING,
    dueDates: input.dueDates,
    parameters: input.parameters,
  };
  // Up to today: what the next report would charge if it were made today.
  const pending = computeReportPenalty({
    ...base,
    chargedThrough: input.chargedThrough,
    through: input.today,
  });
  if (!pending.ok) return pending;
  // After today up to D: the same timeline, every day up to today counted as charged.
  const throughToday: Record<string, IsoDate> = {};
  for (const item of input.account.items) {
    if (item.category !== 'MDSS') continue;
    const charged = input.chargedThrough[item.key];
    throughToday[item.key] = charged !== undefined && charged > input.today ? charged : input.today;
  }
  const projected = computeReportPenalty({
    ...base,
    chargedThrough: throughToday,
    through: input.payOn,
  });
  if (!projected.ok) return projected;

  const pendingQepik = pending.value.totalQepik;
  const projectedQepik = projected.value.totalQepik;
  const creditQepik = input.account.credits.reduce((s, c) => s + c.amountQepik, 0);
  const lines: Record<ProjectionCategory, { todayQepik: number; onDateQepik: number }> = {
    MDSS: { todayQepik: 0, onDateQepik: 0 },
    PENALTY: { todayQepik: 0, onDateQepik: pendingQepik + projectedQepik },
    FINES: { todayQepik: 0, onDateQepik: 0 },
    OTHER: { todayQepik: 0, onDateQepik: 0 },
  };
  const items: OpenItem[] = [];
  let penaltyOpen = pendingQepik + projectedQepik;
  for (const item of input.account.items) {
    const line = lines[categoryOf(item.category)];
    line.todayQepik += item.openQepik;
    line.onDateQepik += item.openQepik;
    if (item.category === 'PENALTY') {
      penaltyOpen += item.openQepik;
      continue;
    }
    items.push({
      id: item.key,
      category: item.category,
      ...(item.side ? { side: item.side } : {}),
      ...(item.month ? { month: item.month } : {}),
      dueDate: item.arisesOn,
      openQepik: item.openQepik,
    });
  }
  // The ledger's penalty and the penalty up to D are one debt of rank 3 (DOMAIN.md §5).
  items.push({ id: 'PENALTY', category: 'PENALTY', dueDate: input.payOn, openQepik: penaltyOpen });

  const debtTodayQepik =
    PROJECTION_CATEGORIES.reduce((s, c) => s + lines[c].todayQepik, 0) - creditQepik;
  const debtOnDateQepik = debtTodayQepik + pendingQepik + projectedQepik;
  const paymentQepik = input.paymentQepik ?? Math.max(0, debtOnDateQepik);
  const available = paymentQepik + creditQepik;
  if (!Number.isSafeInteger(available)) return err('AMOUNT_TOO_LARGE');
  const quarter = quarterOfMonth(input.payOn.slice(0, 7));
  if (!quarter.ok) return quarter;
  const allocated = allocatePayment({
    paymentQepik: available,
    currentQuarter: quarter.value,
    items,
  });
  if (!allocated.ok) return allocated;

  const byId = new Map(items.map((i) => [i.id, i]));
  const paid: Record<ProjectionCategory, number> = { MDSS: 0, PENALTY: 0, FINES: 0, OTHER: 0 };
  const allocations: ProjectionAllocation[] = allocated.value.allocations.map((a) => {
    const item = byId.get(a.itemId) as OpenItem;
    const category = categoryOf(item.category);
    paid[category] += a.amountQepik;
    return {
      category,
      ...(item.month ? { month: item.month } : {}),
      ...(item.side ? { side: item.side } : {}),
      amountQepik: a.amountQepik,
    };
  });
  const finalLines = Object.fromEntries(
    PROJECTION_CATEGORIES.map((c) => [
      c,
      {
        ...lines[c],
        paidQepik: paid[c],
        afterQepik: lines[c].onDateQepik - paid[c],
      },
    ]),
  ) as Record<ProjectionCategory, ProjectionLine>;
  const overpaymentQepik = allocated.value.overpaymentQepik;
  const debtAfterQepik = PROJECTION_CATEGORIES.reduce((s, c) => s + finalLines[c].afterQepik, 0);

  const pendingByKey = new Map(pending.value.obligations.map((o) => [o.obligationId, o]));
  const openByKey = new Map(input.account.items.map((i) => [i.key, i.openQepik]));
  const obligations: ProjectionObligation[] = projected.value.obligations.map((o) => ({
    month: o.month,
    side: o.side,
    openQepik: openByKey.get(o.obligationId) ?? 0,
    pendingQepik: pendingByKey.get(o.obligationId)?.penaltyQepik ?? 0,
    projectedDays: o.days,
    projectedQepik: o.penaltyQepik,
    totalDays: o.totalDays,
  }));

  return ok({
    today: input.today,
    payOn: input.payOn,
    paymentQepik,
    paymentGiven: input.paymentQepik !== null,
    pendingPenaltyQepik: pendingQepik,
    projectedPenaltyQepik: projectedQepik,
    lines: finalLines,
    creditQepik,
    debtTodayQepik,
    debtOnDateQepik,
    debtAfterQepik,
    overpaymentQepik,
    allocations,
    obligations,
  });
}
