import 'server-only';
import { asc, eq, isNull } from 'drizzle-orm';
import { activityCodes, contributionRegimes, penaltyParameters, publicHolidays } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import {
  addDays,
  DEFAULT_LATE_FILING_SANCTION,
  DEFAULT_PENALTY_PARAMETERS,
  type ContributionSchedule,
  type ContributionTier,
  type IsoDate,
  type LateFilingSanctionParameters,
  type PenaltyParameters,
  type Sector,
} from '@/lib/domain';
import { AppError } from '../errors';
import { cachedReference } from './reference-cache';

// The effective-dated data lib/domain needs (DOMAIN.md §2–§4, SPEC H4), read from the tables
// fund staff maintain and mapped to the domain types. lib/domain never reads them itself.

/** The sector of an activity code (DOMAIN.md §8). */
export async function loadSector(db: DbOrTx, activityCode: string): Promise<Sector> {
  const [row] = await db
    .select({ sector: activityCodes.sector })
    .from(activityCodes)
    .where(eq(activityCodes.code, activityCode));
  if (!row) throw new AppError('NOT_FOUND');
  return row.sector;
}

/** contribution_regimes rows as a lib/domain schedule (the tiers are stored in its shape). */
async function readContributionSchedule(db: DbOrTx): Promise<ContributionSchedule> {
  const rows = await db.select().from(contributionRegimes);
  return rows.map((r) => ({
    id: r.id,
    sector: r.sector,
    validFrom: r.validFrom,
    validTo: r.validTo,
    employee: r.employeeTiers as ContributionTier[],
    employer: r.employerTiers as ContributionTier[],
  }));
}

/**
 * penalty_parameters rows as lib/domain parameters: each row holds from its effective date to
 * the day before the next one. The table has no start rule, so DOMAIN.md §4's "the day after
 * the due date" (offset 1) applies. An empty table falls back to the documented default.
 */
async function readPenaltyParameters(db: DbOrTx): Promise<readonly PenaltyParameters[]> {
  const rows = await db
    .select()
    .from(penaltyParameters)
    .orderBy(asc(penaltyParameters.effectiveFrom));
  if (rows.length === 0) return DEFAULT_PENALTY_PARAMETERS;
  return rows.map((r, i) => {
    const next = rows[i + 1];
    const dayBefore = next ? addDays(next.effectiveFrom, -1) : null;
    return {
      id: `PENALTY_${r.effectiveFrom}`,
      validFrom: r.effectiveFrom,
      validTo: dayBefore && dayBefore.ok ? dayBefore.value : null,
      dailyRate: { num: r.dailyRateNum, den: r.dailyRateDen },
      capDays: r.capDays,
      startOffsetDays: 1,
    };
  });
}

/**
 * penalty_parameters rows as lib/domain late-filing sanction parameters (DOMAIN.md §6): each
 * row's sanction rate holds from its effective date to the day before the next one.
 */
async function readLateFilingSanction(
  db: DbOrTx,
): Promise<readonly LateFilingSanctionParameters[]> {
  const rows = await db
    .select()
    .from(penaltyParameters)
    .orderBy(asc(penaltyParameters.effectiveFrom));
  if (rows.length === 0) return DEFAULT_LATE_FILING_SANCTION;
  return rows.map((r, i) => {
    const next = rows[i + 1];
    const dayBefore = next ? addDays(next.effectiveFrom, -1) : null;
    return {
      id: `LATE_FILING_${r.effectiveFrom}`,
      validFrom: r.effectiveFrom,
      validTo: dayBefore && dayBefore.ok ? dayBefore.value : null,
      rate: { num: r.lateFilingSanctionNum, den: r.lateFilingSanctionDen },
    };
  });
}

/**
 * Every public holiday in force (a small table; due dates move past them, DOMAIN.md §3), checked
 * at each use (reference-cache) so a holiday fund staff add or remove counts at once. Removed ones keep their
 * row with `cancelled_at` (issue 14 §11) and are not holidays.
 */
async function readHolidays(db: DbOrTx): Promise<IsoDate[]> {
  const rows = await db
    .select({ day: publicHolidays.day })
    .from(publicHolidays)
    .where(isNull(publicHolidays.cancelledAt));
  return rows.map((r) => r.day);
}

// The loaders the rest of the server uses: cached per process, checked against the tables on
// each use (reference-cache.ts). Callers get their own arrays; the entries stay as read.

export async function loadContributionSchedule(db: DbOrTx): Promise<ContributionSchedule> {
  return [...(await cachedReference(db, 'schedule', readContributionSchedule))];
}

export async function loadPenaltyParameters(db: DbOrTx): Promise<readonly PenaltyParameters[]> {
  return [...(await cachedReference(db, 'penalty', readPenaltyParameters))];
}

export async function loadLateFilingSanction(
  db: DbOrTx,
): Promise<readonly LateFilingSanctionParameters[]> {
  return [...(await cachedReference(db, 'sanction', readLateFilingSanction))];
}

export async function loadHolidays(db: DbOrTx): Promise<IsoDate[]> {
  return [...(await cachedReference(db, 'holidays', readHolidays))];
}
