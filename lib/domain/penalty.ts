// Late-payment penalty (penya) over a timeline of monthly obligations (DOMAIN.md §4, SPEC F11,
// cabinet view 13).
// Decisions: day D accrues on the balance owed at the start of D, so a payment dated D reduces
// the balance from D+1 (the payment day still counts, "up to and including the day of
// payment"). The exact rational penalty is summed over an obligation's intervals and rounded
// half-up once per obligation; each interval shows the change in the rounded running total,
// so the intervals of an obligation add up to its penalty exactly.
import { dateFromDayNumber, isIsoDate, parseIsoDate, type IsoDate } from './calendar';
import type { Qepik } from './money';
import { findInForce, type PenaltyParameters } from './penalty-parameters';
import { divideHalfUp, isValidRational, type Rational } from './rational';
import { err, ok, type Result } from './result';
import { penaltyTimeline, type BalanceChange } from './penalty-timeline';

export const PENALTY_CODES = [
  'INVALID_DATE',
  'RATES_NOT_FOUND',
  'INVALID_PENALTY_PARAMETERS',
  'DUPLICATE_OBLIGATION',
  'UNKNOWN_OBLIGATION',
  'PAYMENT_EXCEEDS_OBLIGATION',
  'AMOUNT_NEGATIVE',
  'AMOUNT_NOT_INTEGER_QEPIK',
  'AMOUNT_TOO_LARGE',
  'DUE_DATE_MISSING',
] as const;
export type PenaltyCode = (typeof PENALTY_CODES)[number];

export interface PenaltyObligation {
  readonly id: string;
  readonly dueDate: IsoDate;
  readonly amountQepik: number;
  /**
   * The last day an earlier calculation already charged (DOMAIN.md §4): only the days after it
   * are charged now, and the 365-day cap still counts from the obligation's first day.
   */
  readonly chargedThrough?: IsoDate | null;
}

/** A payment (or part of one) allocated to an obligation on a date. */
export interface PenaltyPayment {
  readonly obligationId: string;
  readonly date: IsoDate;
  readonly amountQepik: number;
}

export interface PenaltyInterval {
  readonly obligationId: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly days: number;
  readonly overdueQepik: Qepik;
  readonly dailyRate: Rational;
  readonly penaltyQepik: Qepik;
}

export interface ObligationPenalty {
  readonly obligationId: string;
  readonly dueDate: IsoDate;
  /** The first day this calculation may charge: the day after chargedThrough, or the start. */
  readonly chargedFrom: IsoDate;
  /** Days charged now (the balance was overdue and positive). */
  readonly days: number;
  /** Days charged over the obligation's life up to asOf, earlier calculations included (≤ cap). */
  readonly totalDays: number;
  readonly penaltyQepik: Qepik;
  readonly intervals: readonly PenaltyInterval[];
}

export interface PenaltyResult {
  readonly totalQepik: Qepik;
  readonly obligations: readonly ObligationPenalty[];
}

function parametersAreValid(p: PenaltyParameters): boolean {
  return (
    (p.validFrom === null || isIsoDate(p.validFrom)) &&
    (p.validTo === null || isIsoDate(p.validTo)) &&
    isValidRational(p.dailyRate) &&
    Number.isSafeInteger(p.capDays) &&
    p.capDays >= 0 &&
    Number.isSafeInteger(p.startOffsetDays) &&
    p.startOffsetDays >= 0
  );
}

function checkAmount(amount: number): PenaltyCode | null {
  if (!Number.isSafeInteger(amount)) return 'AMOUNT_NOT_INTEGER_QEPIK';
  return amount < 0 ? 'AMOUNT_NEGATIVE' : null;
}

/**
 * Penalty on every obligation up to and including `asOf`, with the per-obligation,
 * per-interval breakdown a user can follow. The rate, cap and start offset come from the
 * parameters in force on each obligation's due date; a later rate change splits intervals.
 * DOMAIN.md §4, SPEC F11.
 */
export function calculatePenalty(input: {
  readonly obligations: readonly PenaltyObligation[];
  readonly payments: readonly PenaltyPayment[];
  readonly asOf: IsoDate;
  readonly parameters: readonly PenaltyParameters[];
}): Result<PenaltyResult, PenaltyCode> {
  const asOf = parseIsoDate(input.asOf);
  if (!asOf.ok) return asOf;
  if (!input.parameters.every(parametersAreValid)) return err('INVALID_PENALTY_PARAMETERS');
  const changesById = new Map<string, BalanceChange[]>();
  for (const o of input.obligations) {
    if (changesById.has(o.id)) return err('DUPLICATE_OBLIGATION', { id: o.id });
    const bad = checkAmount(o.amountQepik);
    if (bad) return err(bad);
    changesById.set(o.id, []);
  }
  for (const p of input.payments) {
    const changes = changesById.get(p.obligationId);
    if (!changes) return err('UNKNOWN_OBLIGATION', { id: p.obligationId });
    const bad = checkAmount(p.amountQepik);
    if (bad) return err(bad);
    const day = parseIsoDate(p.date);
    if (!day.ok) return day;
    changes.push({ effectiveDay: day.value + 1, amountQepik: p.amountQepik });
  }
  const results: ObligationPenalty[] = [];
  let total = 0n;
  for (const o of input.obligations) {
    const due = parseIsoDate(o.dueDate);
    if (!due.ok) return due;
    const rule = findInForce(input.parameters, o.dueDate);
    if (rule === null) return err('RATES_NOT_FOUND', { date: o.dueDate });
    const changes = changesById.get(o.id) ?? [];
    if (changes.reduce((sum, c) => sum + c.amountQepik, 0) > o.amountQepik) {
      return err('PAYMENT_EXCEEDS_OBLIGATION', { id: o.id });
    }
    const startDay = due.value + rule.startOffsetDays;
    const endDay = Math.min(asOf.value, startDay + rule.capDays - 1);
    let chargedDay = startDay - 1;
    if (o.chargedThrough) {
      const charged = parseIsoDate(o.chargedThrough);
      if (!charged.ok) return charged;
      chargedDay = Math.max(chargedDay, charged.value);
    }
    const segments = penaltyTimeline(o.amountQepik, changes, startDay, endDay, input.parameters);
    if (!segments.ok) return segments;
    // One exact rational over the whole life, rounded once: what earlier calculations charged
    // (the days up to chargedDay) is the rounded prefix, so splitting the period between two
    // calculations at any day charges exactly what one calculation would.
    let num = 0n;
    let den = 1n;
    let shownQepik = 0n;
    let baselineSet = false;
    let days = 0;
    let totalDays = 0;
    const intervals: PenaltyInterval[] = [];
    const pieces = segments.value.flatMap((s) =>
      s.fromDay <= chargedDay && chargedDay < s.toDay
        ? [
            { ...s, toDay: chargedDay, days: chargedDay - s.fromDay + 1 },
            { ...s, fromDay: chargedDay + 1, days: s.toDay - chargedDay },
          ]
        : [s],
    );
    for (const s of pieces) {
      const isWindow = s.fromDay > chargedDay;
      if (isWindow && !baselineSet) {
        shownQepik = divideHalfUp(num, den);
        baselineSet = true;
      }
      const rate = s.parameters.dailyRate;
      const rateDen = BigInt(rate.den);
      const add = BigInt(s.overdueQepik) * BigInt(s.days) * BigInt(rate.num);
      if (rateDen === den) num += add;
      else [num, den] = [num * rateDen + add * den, den * rateDen];
      totalDays += s.days;
      if (!isWindow) continue;
      const runningQepik = divideHalfUp(num, den);
      intervals.push({
        obligationId: o.id,
        from: dateFromDayNumber(s.fromDay),
        to: dateFromDayNumber(s.toDay),
        days: s.days,
        overdueQepik: s.overdueQepik as Qepik,
        dailyRate: rate,
        penaltyQepik: Number(runningQepik - shownQepik) as Qepik,
      });
      shownQepik = runningQepik;
      days += s.days;
    }
    const chargedQepik = intervals.reduce((t, i) => t + BigInt(i.penaltyQepik), 0n);
    total += chargedQepik;
    results.push({
      obligationId: o.id,
      dueDate: o.dueDate,
      chargedFrom: dateFromDayNumber(Math.max(startDay, chargedDay + 1)),
      days,
      totalDays,
      penaltyQepik: Number(chargedQepik) as Qepik,
      intervals,
    });
  }
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) return err('AMOUNT_TOO_LARGE');
  return ok({ totalQepik: Number(total) as Qepik, obligations: results });
}
