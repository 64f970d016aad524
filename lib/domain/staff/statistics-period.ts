// The dates the statistics page (issue 14 §13) is drawn around. Pure.
import { addDays, type IsoDate } from '../calendar';
import { reportDueDate, type Holidays } from '../period';

/** Days shown either side of the deadline in "reports received per day". */
export const DEADLINE_WINDOW_DAYS = 10;

/**
 * The last quarterly report deadline on or before `today` (Baku date), with its quarter: the
 * deadline of the quarter before today's, or of the one before that when the former is still
 * ahead.
 */
export function lastReportDeadline(
  today: IsoDate,
  holidays: Holidays,
): { year: number; quarter: number; dueDate: IsoDate } {
  const year = Number(today.slice(0, 4));
  const quarter = Math.ceil(Number(today.slice(5, 7)) / 3);
  for (let back = 1; back <= 3; back += 1) {
    const index = year * 4 + (quarter - 1) - back;
    const period = { year: Math.floor(index / 4), quarter: ((index % 4) + 1) as 1 | 2 | 3 | 4 };
    const due = reportDueDate(period, holidays);
    if (due.ok && due.value <= today) return { ...period, dueDate: due.value };
  }
  throw new Error(`lastReportDeadline: no deadline before ${today}`);
}

/** The first and last day of the window around a deadline. */
export function deadlineWindow(dueDate: IsoDate): { from: IsoDate; to: IsoDate } {
  const from = addDays(dueDate, -DEADLINE_WINDOW_DAYS);
  const to = addDays(dueDate, DEADLINE_WINDOW_DAYS);
  if (!from.ok || !to.ok) throw new Error(`deadlineWindow: bad date ${dueDate}`);
  return { from: from.value, to: to.value };
}

/** A share as a percentage with one decimal, from counts (integer arithmetic); null of none. */
export function sharePercent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part * 1000) / whole) / 10;
}

/** The first day of each of the `count` months ending with `today`'s, oldest first. */
export function lastMonths(today: IsoDate, count: number): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const months: string[] = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const index = year * 12 + (month - 1) - back;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}
