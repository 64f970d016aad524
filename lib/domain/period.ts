// Quarters, months and deadlines (DOMAIN.md §3). Holidays are data the caller passes in.
import {
  dateFromDayNumber,
  dayNumber,
  monthKey,
  parseIsoDate,
  parseMonthKey,
  weekdayOfDayNumber,
  type IsoDate,
  type MonthKey,
} from './calendar';
import { err, ok, type Result } from './result';

export interface YearQuarter {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

export const PERIOD_CODES = ['INVALID_QUARTER', 'INVALID_DATE', 'UNKNOWN_MONTH'] as const;
export type PeriodCode = (typeof PERIOD_CODES)[number];

export type Holidays = ReadonlySet<IsoDate> | readonly IsoDate[];

/** Day contribution due dates fall on in month M+1, and report due dates after a quarter. */
export const CONTRIBUTION_DUE_DAY = 15;
export const REPORT_DUE_DAY = 20;
/** Longest run of non-working days we walk over before treating the calendar as broken. */
const MAX_NON_WORKING_RUN = 366;

/** Checks a year/quarter pair (year 1–9999, quarter 1–4). SPEC F2. */
export function checkYearQuarter(year: number, quarter: number): Result<YearQuarter, PeriodCode> {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return err('INVALID_QUARTER');
  if (quarter !== 1 && quarter !== 2 && quarter !== 3 && quarter !== 4) {
    return err('INVALID_QUARTER');
  }
  return ok({ year, quarter });
}

/** The three 'YYYY-MM' months of a quarter, in order. SPEC F2, DOMAIN.md §6. */
export function quarterMonths(period: YearQuarter): [MonthKey, MonthKey, MonthKey] {
  const first = (period.quarter - 1) * 3 + 1;
  return [
    monthKey(period.year, first),
    monthKey(period.year, first + 1),
    monthKey(period.year, first + 2),
  ];
}

/** The quarter a 'YYYY-MM' month belongs to. DOMAIN.md §5 (current quarter). */
export function quarterOfMonth(month: MonthKey): Result<YearQuarter, PeriodCode> {
  const parsed = parseMonthKey(month);
  if (!parsed.ok) return parsed;
  const quarter = (Math.floor((parsed.value.month - 1) / 3) + 1) as YearQuarter['quarter'];
  return ok({ year: parsed.value.year, quarter });
}

function toHolidayDays(holidays: Holidays): Result<Set<number>, PeriodCode> {
  const days = new Set<number>();
  for (const holiday of holidays) {
    const parsed = parseIsoDate(holiday);
    if (!parsed.ok) return parsed;
    days.add(parsed.value);
  }
  return ok(days);
}

function isWorkingDayNumber(day: number, holidayDays: ReadonlySet<number>): boolean {
  return weekdayOfDayNumber(day) < 5 && !holidayDays.has(day);
}

/** True unless the date is a Saturday, Sunday or one of the given holidays. DOMAIN.md §3. */
export function isWorkingDay(date: IsoDate, holidays: Holidays): Result<boolean, PeriodCode> {
  const day = parseIsoDate(date);
  const holidayDays = toHolidayDays(holidays);
  if (!day.ok) return day;
  if (!holidayDays.ok) return holidayDays;
  return ok(isWorkingDayNumber(day.value, holidayDays.value));
}

/**
 * The date itself if it is a working day, else the next one, walking over weekends and holiday
 * chains (a holiday on Friday moves to Monday, or further if Monday is a holiday). DOMAIN.md §3.
 */
export function nextWorkingDay(date: IsoDate, holidays: Holidays): Result<IsoDate, PeriodCode> {
  const start = parseIsoDate(date);
  const holidayDays = toHolidayDays(holidays);
  if (!start.ok) return start;
  if (!holidayDays.ok) return holidayDays;
  for (let day = start.value; day <= start.value + MAX_NON_WORKING_RUN; day += 1) {
    if (isWorkingDayNumber(day, holidayDays.value)) return ok(dateFromDayNumber(day));
  }
  return err('INVALID_DATE', { date });
}

/** Contributions for month M are due on the 15th of M+1, moved to a working day. DOMAIN.md §3. */
export function contributionDueDate(
  month: MonthKey,
  holidays: Holidays,
): Result<IsoDate, PeriodCode> {
  const parsed = parseMonthKey(month);
  if (!parsed.ok) return parsed;
  const { year, month: m } = parsed.value;
  const nominal = dateFromDayNumber(
    dayNumber(m === 12 ? year + 1 : year, m === 12 ? 1 : m + 1, CONTRIBUTION_DUE_DAY),
  );
  return nextWorkingDay(nominal, holidays);
}

/** The quarterly report is due on the 20th of the month after the quarter, moved to a working day. DOMAIN.md §3. */
export function reportDueDate(
  period: YearQuarter,
  holidays: Holidays,
): Result<IsoDate, PeriodCode> {
  const checked = checkYearQuarter(period.year, period.quarter);
  if (!checked.ok) return checked;
  const lastMonth = period.quarter * 3;
  const nominal = dateFromDayNumber(
    dayNumber(
      lastMonth === 12 ? period.year + 1 : period.year,
      lastMonth === 12 ? 1 : lastMonth + 1,
      REPORT_DUE_DAY,
    ),
  );
  return nextWorkingDay(nominal, holidays);
}

/** Orders two year/quarter pairs: negative if a is earlier. */
export function compareYearQuarter(a: YearQuarter, b: YearQuarter): number {
  return a.year !== b.year ? a.year - b.year : a.quarter - b.quarter;
}
