// MDSS contributions per insured person, month and side (DOMAIN.md §2, SPEC F10).
import { isIsoDate, parseMonthKey, type MonthKey } from './calendar';
import type {
  ContributionRegime,
  ContributionSchedule,
  ContributionTier,
  Sector,
} from './contribution-schedule';
import type { Qepik } from './money';
import { divideHalfUp, divideHalfUpNumber, isValidRational } from './rational';
import { err, ok, type Result } from './result';

export const CONTRIBUTION_CODES = [
  'RATES_NOT_FOUND',
  'RATES_AMBIGUOUS',
  'INVALID_SCHEDULE',
  'UNKNOWN_MONTH',
  'AMOUNT_NEGATIVE',
  'AMOUNT_NOT_INTEGER_QEPIK',
  'AMOUNT_TOO_LARGE',
  'TOTAL_TOO_LARGE',
] as const;
export type ContributionCode = (typeof CONTRIBUTION_CODES)[number];

export interface Contribution {
  readonly employeeQepik: Qepik;
  readonly employerQepik: Qepik;
  readonly totalQepik: Qepik;
}

function tiersAreValid(tiers: readonly ContributionTier[]): boolean {
  if (tiers.length === 0 || tiers[0]?.fromQepik !== 0) return false;
  return tiers.every(
    (tier, i) =>
      isValidRational(tier.rate) &&
      Number.isSafeInteger(tier.fromQepik) &&
      (i === 0 || tier.fromQepik > (tiers[i - 1]?.fromQepik ?? Infinity)),
  );
}

/**
 * Finds the regime in force for a sector on the first day of a month; exactly one must match.
 * Resolve once per month and reuse it for every person. DOMAIN.md §2, SPEC H4.
 */
export function resolveContributionRegime(
  schedule: ContributionSchedule,
  sector: Sector,
  month: MonthKey,
): Result<ContributionRegime, ContributionCode> {
  if (!parseMonthKey(month).ok) return err('UNKNOWN_MONTH', { month });
  // Dates compare as strings below, which is only sound for well-formed ones.
  const hasBadDates = schedule.some(
    (r) =>
      (r.validFrom !== null && !isIsoDate(r.validFrom)) ||
      (r.validTo !== null && !isIsoDate(r.validTo)),
  );
  if (hasBadDates) return err('INVALID_SCHEDULE', { month });
  const day = `${month}-01`;
  const matches = schedule.filter(
    (r) =>
      r.sector === sector &&
      (r.validFrom === null || r.validFrom <= day) &&
      (r.validTo === null || day <= r.validTo),
  );
  if (matches.length === 0) return err('RATES_NOT_FOUND', { month });
  if (matches.length > 1) return err('RATES_AMBIGUOUS', { month });
  const regime = matches[0] as ContributionRegime;
  if (!tiersAreValid(regime.employee) || !tiersAreValid(regime.employer)) {
    return err('INVALID_SCHEDULE', { month });
  }
  return ok(regime);
}

/**
 * One side's contribution for a non-negative safe-integer income under validated tiers: the
 * exact sum over marginal tiers, rounded half-up once. Tiers of one denominator (the usual
 * case) stay in safe integers; otherwise BigInt keeps it exact. DOMAIN.md §1, §2.
 */
export function sideContributionQepik(
  tiers: readonly ContributionTier[],
  incomeQepik: number,
): number {
  let numerator = 0;
  let commonDen = 0;
  for (let i = 0; i < tiers.length; i += 1) {
    const tier = tiers[i] as ContributionTier;
    if (incomeQepik <= tier.fromQepik) break;
    const upper = tiers[i + 1]?.fromQepik ?? Infinity;
    const slice = Math.min(incomeQepik, upper) - tier.fromQepik;
    if (commonDen === 0) commonDen = tier.rate.den;
    if (tier.rate.den !== commonDen) return exactSideContribution(tiers, incomeQepik);
    numerator += slice * tier.rate.num;
    if (!Number.isSafeInteger(numerator)) return exactSideContribution(tiers, incomeQepik);
  }
  return commonDen === 0 ? 0 : divideHalfUpNumber(numerator, commonDen);
}

function exactSideContribution(tiers: readonly ContributionTier[], incomeQepik: number): number {
  let num = 0n;
  let den = 1n;
  for (let i = 0; i < tiers.length; i += 1) {
    const tier = tiers[i] as ContributionTier;
    if (incomeQepik <= tier.fromQepik) break;
    const upper = tiers[i + 1]?.fromQepik ?? Infinity;
    const slice = BigInt(Math.min(incomeQepik, upper) - tier.fromQepik);
    num = num * BigInt(tier.rate.den) + slice * BigInt(tier.rate.num) * den;
    den *= BigInt(tier.rate.den);
  }
  return Number(divideHalfUp(num, den));
}

/** Contribution of one person for one month under an already resolved regime. DOMAIN.md §2. */
export function calculateContributionForRegime(
  regime: ContributionRegime,
  incomeQepik: number,
): Result<Contribution, ContributionCode> {
  if (!Number.isSafeInteger(incomeQepik)) return err('AMOUNT_NOT_INTEGER_QEPIK');
  if (incomeQepik < 0) return err('AMOUNT_NEGATIVE');
  const employeeQepik = sideContributionQepik(regime.employee, incomeQepik);
  const employerQepik = sideContributionQepik(regime.employer, incomeQepik);
  const totalQepik = employeeQepik + employerQepik;
  if (!Number.isSafeInteger(totalQepik)) return err('TOTAL_TOO_LARGE');
  return ok({
    employeeQepik: employeeQepik as Qepik,
    employerQepik: employerQepik as Qepik,
    totalQepik: totalQepik as Qepik,
  });
}

/**
 * Employee (3 % side) and employer (22 % side) MDSS for one person and month, from the
 * employer's sector and the schedule passed in. DOMAIN.md §2, SPEC F10.
 */
export function calculateContribution(input: {
  readonly schedule: ContributionSchedule;
  readonly sector: Sector;
  readonly month: MonthKey;
  readonly incomeQepik: number;
}): Result<Contribution, ContributionCode> {
  const regime = resolveContributionRegime(input.schedule, input.sector, input.month);
  return regime.ok ? calculateContributionForRegime(regime.value, input.incomeQepik) : regime;
}
