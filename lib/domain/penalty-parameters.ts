// Effective-dated penalty and late-filing parameters (DOMAIN.md §4, §6). Data, not code: the
// database seed reads these defaults and fund staff may add later periods (SPEC H4).
import type { IsoDate } from './calendar';
import type { Rational } from './rational';

/**
 * Penalty rule in force for obligations due within [validFrom, validTo] (null = open).
 * The rate applies per calendar day; accrual starts `startOffsetDays` after the due date
 * (1 = the day after) and lasts at most `capDays` days per obligation.
 */
export interface PenaltyParameters {
  readonly id: string;
  readonly validFrom: IsoDate | null;
  readonly validTo: IsoDate | null;
  readonly dailyRate: Rational;
  readonly capDays: number;
  readonly startOffsetDays: number;
}

/** DOMAIN.md §4 decision: 0.1 % per day, from the day after the due date, at most 365 days. */
export const DEFAULT_PENALTY_PARAMETERS: readonly PenaltyParameters[] = [
  {
    id: 'PENALTY_DEFAULT',
    validFrom: '2000-01-01',
    validTo: null,
    dailyRate: { num: 1, den: 1000 },
    capDays: 365,
    startOffsetDays: 1,
  },
];

/** Late-report sanction rate in force for reports due within [validFrom, validTo]. */
export interface LateFilingSanctionParameters {
  readonly id: string;
  readonly validFrom: IsoDate | null;
  readonly validTo: IsoDate | null;
  readonly rate: Rational;
}

/** DOMAIN.md §6: 10 % of the MDSS calculated in the report, proposed to fund staff ([P]). */
export const DEFAULT_LATE_FILING_SANCTION: readonly LateFilingSanctionParameters[] = [
  {
    id: 'LATE_FILING_DEFAULT',
    validFrom: '2000-01-01',
    validTo: null,
    rate: { num: 10, den: 100 },
  },
];

/** The single entry whose inclusive range holds the date, or null when none does. */
export function findInForce<T extends { validFrom: IsoDate | null; validTo: IsoDate | null }>(
  entries: readonly T[],
  date: IsoDate,
): T | null {
  const matches = entries.filter(
    (e) =>
      (e.validFrom === null || e.validFrom <= date) && (e.validTo === null || date <= e.validTo),
  );
  return matches.length === 1 ? (matches[0] as T) : null;
}
