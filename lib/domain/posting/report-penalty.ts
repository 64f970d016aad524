// The penalty a report charges (issue 10 §1, DOMAIN.md §4): over every MDSS month of the
// activity code still overdue, the report's own quarter and every older month, from the day
// after the last posted calculation to the report's date.
import type { AccountState, Side } from '../account/account-types';
import type { IsoDate, MonthKey } from '../calendar';
import type { Qepik } from '../money';
import {
  calculatePenalty,
  type ObligationPenalty,
  type PenaltyCode,
  type PenaltyObligation,
  type PenaltyPayment,
} from '../penalty';
import type { PenaltyParameters } from '../penalty-parameters';
import { err, ok, type Result } from '../result';
import type { Posting } from './build-posting';

export interface ReportPenaltyObligation extends ObligationPenalty {
  readonly side: Side;
  readonly month: MonthKey;
  /** What accrued for the month and side (the obligation before any payment). */
  readonly amountQepik: number;
}

export interface ReportPenalty {
  /** The calculation date: the report's date; days up to and including it are charged. */
  readonly through: IsoDate;
  readonly totalQepik: Qepik;
  /** Every MDSS obligation of the code that accrued, oldest month first, employer side first. */
  readonly obligations: readonly ReportPenaltyObligation[];
}

/**
 * One timeline over the account's MDSS obligations (each month and side, due on its due date)
 * and every dated amount that settled them — the ledger's and this report's own payments and
 * credit — charging each obligation only the days after `chargedThrough[key]` (what posted
 * calculations charged), up to `through`, at most the cap per obligation over its whole life.
 * So no day is charged twice, and splitting a period between two reports changes nothing.
 */
export function computeReportPenalty(input: {
  readonly account: Pick<AccountState, 'items'>;
  readonly posting: Pick<Posting, 'quarterItems' | 'mdssReductions'>;
  readonly dueDates: Readonly<Record<MonthKey, IsoDate>>;
  readonly chargedThrough: Readonly<Record<string, IsoDate>>;
  readonly through: IsoDate;
  readonly parameters: readonly PenaltyParameters[];
}): Result<ReportPenalty, PenaltyCode> {
  const obligations = new Map<string, { side: Side; month: MonthKey; amountQepik: number }>();
  const payments: PenaltyPayment[] = [];
  for (const item of input.account.items) {
    if (item.category !== 'MDSS' || !item.side || !item.month || item.amountQepik === 0) continue;
    obligations.set(item.key, {
      side: item.side,
      month: item.month,
      amountQepik: item.amountQepik,
    });
    for (const r of item.reductions) {
      payments.push({ obligationId: item.key, date: r.date, amountQepik: r.amountQepik });
    }
  }
  for (const q of input.posting.quarterItems) {
    const known = obligations.get(q.key);
    obligations.set(q.key, {
      side: q.side,
      month: q.month,
      amountQepik: (known?.amountQepik ?? 0) + q.amountQepik,
    });
  }
  for (const r of input.posting.mdssReductions) {
    payments.push({ obligationId: r.key, date: r.date, amountQepik: r.amountQepik });
  }
  const list: (PenaltyObligation & { side: Side; month: MonthKey })[] = [];
  for (const [key, o] of obligations) {
    const dueDate = input.dueDates[o.month];
    if (!dueDate) return err('DUE_DATE_MISSING', { month: o.month });
    list.push({
      id: key,
      dueDate,
      amountQepik: o.amountQepik,
      chargedThrough: input.chargedThrough[key] ?? null,
      side: o.side,
      month: o.month,
    });
  }
  list.sort((a, b) =>
    a.month !== b.month ? (a.month < b.month ? -1 : 1) : a.side === 'EMPLOYER' ? -1 : 1,
  );
  const penalty = calculatePenalty({
    obligations: list,
    payments,
    asOf: input.through,
    parameters: input.parameters,
  });
  if (!penalty.ok) return penalty;
  const meta = new Map(list.map((o) => [o.id, o]));
  return ok({
    through: input.through,
    totalQepik: penalty.value.totalQepik,
    obligations: penalty.value.obligations.map((p) => {
      const o = meta.get(p.obligationId) as (typeof list)[number];
      return { ...p, side: o.side, month: o.month, amountQepik: o.amountQepik };
    }),
  });
}
