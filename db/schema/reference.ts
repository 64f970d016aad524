import { sql } from 'drizzle-orm';
import { check, date, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/** Sector decides the contribution regime (DOMAIN.md §2, §8). */
export const SECTORS = ['NON_OIL_NON_STATE', 'STATE_OR_OIL'] as const;
export type Sector = (typeof SECTORS)[number];

/** Activity codes ("fəaliyyət kodu"): reports and ledger views 7–16 are per code (DOMAIN.md §8). */
export const activityCodes = pgTable(
  'activity_codes',
  {
    code: text('code').primaryKey(),
    nameAz: text('name_az').notNull(),
    nameEn: text('name_en').notNull(),
    sector: text('sector', { enum: SECTORS }).notNull(),
    employerClassCode: text('employer_class_code').notNull(),
    employeeClassCode: text('employee_class_code').notNull(),
    /** Effective dating (issue 14 §11): null bounds are open; the seeded rows hold from the start. */
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (t) => [
    check('activity_codes_sector_chk', sql`${t.sector} in ('NON_OIL_NON_STATE','STATE_OR_OIL')`),
  ],
);

/** Six-digit economic classification codes for payment distribution (DOMAIN.md §8). */
export const economicClassCodes = pgTable('economic_class_codes', {
  code: text('code').primaryKey(),
  side: text('side', { enum: ['EMPLOYER', 'EMPLOYEE'] }).notNull(),
  pairCode: text('pair_code').notNull(),
  nameAz: text('name_az').notNull(),
  nameEn: text('name_en').notNull(),
  /** Effective dating (issue 14 §11): null bounds are open; the seeded rows hold from the start. */
  validFrom: date('valid_from', { mode: 'string' }),
  validTo: date('valid_to', { mode: 'string' }),
});

/** Reasons an income is not liable to MDSS (wizard step F8). */
export const nonLiableIncomeReasons = pgTable('non_liable_income_reasons', {
  code: text('code').primaryKey(),
  nameAz: text('name_az').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: integer('sort_order').notNull(),
  /** Effective dating (issue 14 §11): null bounds are open; the seeded rows hold from the start. */
  validFrom: date('valid_from', { mode: 'string' }),
  validTo: date('valid_to', { mode: 'string' }),
});

/** Entries of the preferential-seniority list (Cabinet decision No. 12 of 2007; step F24). */
export const preferentialSeniorityEntries = pgTable('preferential_seniority_entries', {
  id: serial('id').primaryKey(),
  section: text('section').notNull(),
  positionCode: text('position_code').notNull().unique(),
  titleAz: text('title_az').notNull(),
  titleEn: text('title_en').notNull(),
  /** Effective dating (issue 14 §11): null bounds are open; the seeded rows hold from the start. */
  validFrom: date('valid_from', { mode: 'string' }),
  validTo: date('valid_to', { mode: 'string' }),
});

/** Non-working days; due dates move past them (DOMAIN.md §3). Fund staff maintain the table. */
export const publicHolidays = pgTable('public_holidays', {
  day: date('day', { mode: 'string' }).primaryKey(),
  nameAz: text('name_az').notNull(),
  nameEn: text('name_en').notNull(),
  /** A removed (future) holiday keeps its row with the time it was cancelled (issue 14 §11). */
  cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
});

/**
 * Effective-dated contribution regimes (DOMAIN.md §2), one row per lib/domain ContributionRegime:
 * marginal tiers with rational rates per side, so fund staff change data, not code.
 */
export const contributionRegimes = pgTable(
  'contribution_regimes',
  {
    id: text('id').primaryKey(),
    sector: text('sector', { enum: SECTORS }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    employeeTiers: jsonb('employee_tiers').notNull(),
    employerTiers: jsonb('employer_tiers').notNull(),
  },
  (t) => [
    check(
      'contribution_regimes_interval_chk',
      sql`${t.validFrom} is null or ${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`,
    ),
  ],
);

/** Effective-dated penalty and sanction parameters (DOMAIN.md §4, §6). */
export const penaltyParameters = pgTable('penalty_parameters', {
  id: serial('id').primaryKey(),
  effectiveFrom: date('effective_from', { mode: 'string' }).notNull().unique(),
  dailyRateNum: integer('daily_rate_num').notNull(),
  dailyRateDen: integer('daily_rate_den').notNull(),
  capDays: integer('cap_days').notNull(),
  lateFilingSanctionNum: integer('late_filing_sanction_num').notNull(),
  lateFilingSanctionDen: integer('late_filing_sanction_den').notNull(),
});
