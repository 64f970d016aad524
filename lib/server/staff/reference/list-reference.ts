import 'server-only';
import { asc, count, desc } from 'drizzle-orm';
import {
  activityCodes,
  contributionRegimes,
  economicClassCodes,
  nonLiableIncomeReasons,
  penaltyParameters,
  preferentialSeniorityEntries,
  publicHolidays,
} from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import {
  contributionDueDate,
  lastEndedQuarter,
  quarterMonths,
  reportDueDate,
  type ContributionTier,
  type YearQuarter,
} from '@/lib/domain';
import { percentOf } from '@/lib/domain/staff/reference-change-rules';
import { assertAdmin } from './reference-guard';
import { todayInBaku, now } from '../../clock';
import { loadHolidays } from '../../reports/report-rates';
import { REFERENCE_PAGE_SIZE, type CodeKind } from './reference-kinds';
import type { StaffScope } from '../../access';

// The administrator's lists of reference data (issue 14 §11), paged in SQL where long.

export type Paged<T> = { rows: T[]; page: number; pageCount: number };

function pageOf(page: number): { page: number; offset: number } {
  const p = Number.isSafeInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
  return { page: p, offset: (p - 1) * REFERENCE_PAGE_SIZE };
}

function pageCountOf(total: number): number {
  return Math.max(1, Math.ceil(total / REFERENCE_PAGE_SIZE));
}

export type HolidayRow = {
  day: string;
  nameAz: string;
  nameEn: string;
  cancelled: boolean;
  /** A future holiday in force: it may be removed. */
  removable: boolean;
};

/** Public holidays, latest first, with the removed ones marked. */
export async function listHolidays(
  db: DbOrTx,
  staff: StaffScope,
  input: { page: number },
  asOf: Date = now(),
): Promise<Paged<HolidayRow>> {
  assertAdmin(staff);
  const { page, offset } = pageOf(input.page);
  const today = todayInBaku(asOf);
  const [total] = await db.select({ n: count() }).from(publicHolidays);
  const rows = await db
    .select()
    .from(publicHolidays)
    .orderBy(desc(publicHolidays.day))
    .limit(REFERENCE_PAGE_SIZE)
    .offset(offset);
  return {
    page,
    pageCount: pageCountOf(total?.n ?? 0),
    rows: rows.map((r) => ({
      day: r.day,
      nameAz: r.nameAz,
      nameEn: r.nameEn,
      cancelled: r.cancelledAt !== null,
      removable: r.cancelledAt === null && r.day > today,
    })),
  };
}

export type RegimeRow = {
  id: string;
  sector: string;
  validFrom: string | null;
  validTo: string | null;
  /** Per side: tiers as "from qəpik" and a percentage. */
  employee: { fromQepik: number; percent: string }[];
  employer: { fromQepik: number; percent: string }[];
};

function tiersOf(value: unknown): { fromQepik: number; percent: string }[] {
  const tiers = Array.isArray(value) ? (value as ContributionTier[]) : [];
  return tiers.map((t) => ({ fromQepik: t.fromQepik, percent: percentOf(t.rate) }));
}

/** Contribution regimes (a short table), by sector and start. */
export async function listRegimes(db: DbOrTx, staff: StaffScope): Promise<RegimeRow[]> {
  assertAdmin(staff);
  const rows = await db
    .select()
    .from(contributionRegimes)
    .orderBy(asc(contributionRegimes.sector), asc(contributionRegimes.validFrom));
  return rows.map((r) => ({
    id: r.id,
    sector: r.sector,
    validFrom: r.validFrom,
    validTo: r.validTo,
    employee: tiersOf(r.employeeTiers),
    employer: tiersOf(r.employerTiers),
  }));
}

export type PenaltyRow = {
  effectiveFrom: string;
  dailyPercent: string;
  capDays: number;
  lateFilingPercent: string;
};

/** Penalty parameters (a short table), by effective date. */
export async function listPenaltyParameters(db: DbOrTx, staff: StaffScope): Promise<PenaltyRow[]> {
  assertAdmin(staff);
  const rows = await db
    .select()
    .from(penaltyParameters)
    .orderBy(asc(penaltyParameters.effectiveFrom));
  return rows.map((r) => ({
    effectiveFrom: r.effectiveFrom,
    dailyPercent: percentOf({ num: r.dailyRateNum, den: r.dailyRateDen }),
    capDays: r.capDays,
    lateFilingPercent: percentOf({
      num: r.lateFilingSanctionNum,
      den: r.lateFilingSanctionDen,
    }),
  }));
}

/** One code of any code kind, with what the list shows of it. */
export type CodeRow = {
  code: string;
  nameAz: string;
  nameEn: string;
  /** Kind-specific columns, in the list's order (sector, side, pair, section…). */
  extra: string[];
  validFrom: string | null;
  validTo: string | null;
};

/** The codes of one kind, paged in SQL by code. */
export async function listCodes(
  db: DbOrTx,
  staff: StaffScope,
  kind: CodeKind,
  input: { page: number },
): Promise<Paged<CodeRow>> {
  assertAdmin(staff);
  const { page, offset } = pageOf(input.page);
  const take = <Q extends { limit: (n: number) => { offset: (n: number) => unknown } }>(q: Q) =>
    q.limit(REFERENCE_PAGE_SIZE).offset(offset);
  switch (kind) {
    case 'activity-codes': {
      const [total] = await db.select({ n: count() }).from(activityCodes);
      const rows = (await take(
        db.select().from(activityCodes).orderBy(asc(activityCodes.code)),
      )) as (typeof activityCodes.$inferSelect)[];
      return {
        page,
        pageCount: pageCountOf(total?.n ?? 0),
        rows: rows.map((r) => ({
          code: r.code,
          nameAz: r.nameAz,
          nameEn: r.nameEn,
          extra: [r.sector, r.employerClassCode, r.employeeClassCode],
          validFrom: r.validFrom,
          validTo: r.validTo,
        })),
      };
    }
    case 'economic-codes': {
      const [total] = await db.select({ n: count() }).from(economicClassCodes);
      const rows = (await take(
        db.select().from(economicClassCodes).orderBy(asc(economicClassCodes.code)),
      )) as (typeof economicClassCodes.$inferSelect)[];
      return {
        page,
        pageCount: pageCountOf(total?.n ?? 0),
        rows: rows.map((r) => ({
          code: r.code,
          nameAz: r.nameAz,
          nameEn: r.nameEn,
          extra: [r.side, r.pairCode],
          validFrom: r.validFrom,
          validTo: r.validTo,
        })),
      };
    }
    case 'non-liable-reasons': {
      const [total] = await db.select({ n: count() }).from(nonLiableIncomeReasons);
      const rows = (await take(
        db
          .select()
          .from(nonLiableIncomeReasons)
          .orderBy(asc(nonLiableIncomeReasons.sortOrder), asc(nonLiableIncomeReasons.code)),
      )) as (typeof nonLiableIncomeReasons.$inferSelect)[];
      return {
        page,
        pageCount: pageCountOf(total?.n ?? 0),
        rows: rows.map((r) => ({
          code: r.code,
          nameAz: r.nameAz,
          nameEn: r.nameEn,
          extra: [String(r.sortOrder)],
          validFrom: r.validFrom,
          validTo: r.validTo,
        })),
      };
    }
    case 'seniority': {
      const [total] = await db.select({ n: count() }).from(preferentialSeniorityEntries);
      const rows = (await take(
        db
          .select()
          .from(preferentialSeniorityEntries)
          .orderBy(
            asc(preferentialSeniorityEntries.section),
            asc(preferentialSeniorityEntries.positionCode),
          ),
      )) as (typeof preferentialSeniorityEntries.$inferSelect)[];
      return {
        page,
        pageCount: pageCountOf(total?.n ?? 0),
        rows: rows.map((r) => ({
          code: r.positionCode,
          nameAz: r.titleAz,
          nameEn: r.titleEn,
          extra: [r.section],
          validFrom: r.validFrom,
          validTo: r.validTo,
        })),
      };
    }
  }
}

export type NextDueDates = {
  report: { period: YearQuarter; dueDate: string };
  contribution: { month: string; dueDate: string };
};

/**
 * The next report and contribution due dates from today (DOMAIN.md §3), with the holidays in
 * the table now: what the reference page previews so a holiday's effect shows at once.
 */
export async function nextDueDates(db: DbOrTx, asOf: Date = now()): Promise<NextDueDates> {
  const today = todayInBaku(asOf);
  const holidays = await loadHolidays(db);
  const last = lastEndedQuarter(today);
  if (!last.ok) throw new Error(`nextDueDates: clock gave ${today}`);
  let period: YearQuarter = last.value;
  let report = reportDueDate(period, holidays);
  for (let i = 0; i < 3 && report.ok && report.value < today; i++) {
    period =
      period.quarter === 4
        ? { year: period.year + 1, quarter: 1 }
        : { year: period.year, quarter: (period.quarter + 1) as YearQuarter['quarter'] };
    report = reportDueDate(period, holidays);
  }
  if (!report.ok) throw new Error(`nextDueDates: no report due date for ${today}`);
  // Contributions of month M are due in M+1: start from the month before today's.
  let month = quarterMonths(last.value)[2];
  let contribution = contributionDueDate(month, holidays);
  for (let i = 0; i < 4 && contribution.ok && contribution.value < today; i++) {
    const [y, m] = month.split('-').map(Number) as [number, number];
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    contribution = contributionDueDate(month, holidays);
  }
  if (!contribution.ok) throw new Error(`nextDueDates: no contribution due date for ${today}`);
  return {
    report: { period, dueDate: report.value },
    contribution: { month, dueDate: contribution.value },
  };
}
