// The MDSS contribution schedule as effective-dated data (DOMAIN.md §2), so fund staff can
// change rates without a code change. The database seed reads DEFAULT_CONTRIBUTION_SCHEDULE.
import type { IsoDate } from './calendar';
import type { Rational } from './rational';

/** Employer sector of an activity code (DOMAIN.md §8). */
export type Sector = 'NON_OIL_NON_STATE' | 'STATE_OR_OIL';

/** A marginal tier: `rate` applies to the part of the monthly income above `fromQepik`. */
export interface ContributionTier {
  readonly fromQepik: number;
  readonly rate: Rational;
}

/**
 * One regime: tiers for each side, for a sector and an inclusive date range; null bounds are
 * open. A month uses the regime in force on its first day.
 */
export interface ContributionRegime {
  readonly id: string;
  readonly sector: Sector;
  readonly validFrom: IsoDate | null;
  readonly validTo: IsoDate | null;
  readonly employee: readonly ContributionTier[];
  readonly employer: readonly ContributionTier[];
}

export type ContributionSchedule = readonly ContributionRegime[];

const pct = (num: number): Rational => ({ num, den: 100 });

/**
 * DOMAIN.md §2 exactly. The fixed parts of the table (600, 4 400, 78 600, 121 400 qəpik) are
 * what the lower tiers produce at their upper bound, so marginal tiers reproduce every row.
 */
export const DEFAULT_CONTRIBUTION_SCHEDULE: ContributionSchedule = [
  {
    id: 'STATE_OR_OIL_FLAT',
    sector: 'STATE_OR_OIL',
    validFrom: null,
    validTo: null,
    employee: [{ fromQepik: 0, rate: pct(3) }],
    employer: [{ fromQepik: 0, rate: pct(22) }],
  },
  {
    id: 'NON_OIL_NON_STATE_2019',
    sector: 'NON_OIL_NON_STATE',
    validFrom: '2019-01-01',
    validTo: '2025-12-31',
    employee: [
      { fromQepik: 0, rate: pct(3) },
      { fromQepik: 20_000, rate: pct(10) },
    ],
    employer: [
      { fromQepik: 0, rate: pct(22) },
      { fromQepik: 20_000, rate: pct(15) },
    ],
  },
  {
    id: 'NON_OIL_NON_STATE_2026',
    sector: 'NON_OIL_NON_STATE',
    validFrom: '2026-01-01',
    validTo: null,
    employee: [
      { fromQepik: 0, rate: pct(3) },
      { fromQepik: 20_000, rate: pct(10) },
      { fromQepik: 800_000, rate: pct(10) },
    ],
    employer: [
      { fromQepik: 0, rate: pct(22) },
      { fromQepik: 20_000, rate: pct(15) },
      { fromQepik: 800_000, rate: pct(11) },
    ],
  },
];
