// Pure proleptic-Gregorian day arithmetic on 'YYYY-MM-DD' strings; no Date, no time zones,
// so a date means the same day on every server.
import { err, ok, type Result } from './result';

/** A calendar date 'YYYY-MM-DD'. */
export type IsoDate = string;
/** A calendar month 'YYYY-MM'. */
export type MonthKey = string;

export const CALENDAR_CODES = ['INVALID_DATE', 'UNKNOWN_MONTH'] as const;
export type CalendarCode = (typeof CALENDAR_CODES)[number];

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

/** True in a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 for a valid civil date (H. Hinnant's days_from_civil). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of dayNumber, formatted as 'YYYY-MM-DD'. */
export function dateFromDayNumber(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Parses a strict 'YYYY-MM-DD' (real calendar day) into its day number. */
export function parseIsoDate(date: string): Result<number, 'INVALID_DATE'> {
  const match = DATE_PATTERN.exec(date);
  if (!match) return err('INVALID_DATE', { date });
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return err('INVALID_DATE', { date });
  }
  return ok(dayNumber(year, month, day));
}

/** True for a strict, existing 'YYYY-MM-DD' date. */
export function isIsoDate(date: string): boolean {
  return parseIsoDate(date).ok;
}

/** Parses 'YYYY-MM' into year and month; anything else is UNKNOWN_MONTH. */
export function parseMonthKey(
  month: string,
): Result<{ year: number; month: number }, 'UNKNOWN_MONTH'> {
  const match = MONTH_PATTERN.exec(month);
  const m = match ? Number(match[2]) : 0;
  if (!match || m < 1 || m > 12) return err('UNKNOWN_MONTH', { month });
  return ok({ year: Number(match[1]), month: m });
}

/** Builds the 'YYYY-MM' key of a year and month. */
export function monthKey(year: number, month: number): MonthKey {
  return `${String(year).padStart(4, '0')}-${pad2(month)}`;
}

/** The date a number of days after (or before, if negative) a valid date. */
export function addDays(date: IsoDate, days: number): Result<IsoDate, 'INVALID_DATE'> {
  const parsed = parseIsoDate(date);
  return parsed.ok ? ok(dateFromDayNumber(parsed.value + days)) : parsed;
}

/** Day of week of a day number: 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}
