// Which quarter an initial report may be filed for, and which one a new report starts on
// (SPEC F1–F2, DOMAIN.md §3, §6). Pure: the caller passes today's date in Baku.
import { daysInMonth, monthKey, type IsoDate } from './calendar';
import { compareYearQuarter, quarterOfMonth, type PeriodCode, type YearQuarter } from './period';
import { ok, type Result } from './result';

/** The quarter's last calendar day, 'YYYY-MM-DD'. */
export function quarterLastDay(period: YearQuarter): IsoDate {
  const lastMonth = period.quarter * 3;
  const day = daysInMonth(period.year, lastMonth);
  return `${monthKey(period.year, lastMonth)}-${String(day).padStart(2, '0')}`;
}

/**
 * True once the quarter is over: its last day is before today. An initial report declares a
 * whole quarter's wages, so it is filed only for a quarter that has ended (SPEC F1, issue 10).
 */
export function hasQuarterEnded(period: YearQuarter, today: IsoDate): boolean {
  return quarterLastDay(period) < today;
}

export function previousQuarter(period: YearQuarter): YearQuarter {
  return period.quarter === 1
    ? { year: period.year - 1, quarter: 4 }
    : { year: period.year, quarter: (period.quarter - 1) as YearQuarter['quarter'] };
}

export function nextQuarter(period: YearQuarter): YearQuarter {
  return period.quarter === 4
    ? { year: period.year + 1, quarter: 1 }
    : { year: period.year, quarter: (period.quarter + 1) as YearQuarter['quarter'] };
}

/** The latest quarter that has ended by `today` (the one before today's quarter). */
export function lastEndedQuarter(today: IsoDate): Result<YearQuarter, PeriodCode> {
  const current = quarterOfMonth(today.slice(0, 7));
  return current.ok ? ok(previousQuarter(current.value)) : current;
}

/**
 * The quarter a new report starts on (SPEC F2): the earliest ended quarter from `from` on that
 * has not been filed; when every one has, the latest ended quarter (there is nothing earlier
 * to file, and a corrective report is made for a filed one). `from` later than the latest
 * ended quarter (an employer with no history yet) also gives the latest ended quarter.
 */
export function earliestUnfiledQuarter(input: {
  from: YearQuarter;
  today: IsoDate;
  filed: readonly YearQuarter[];
}): Result<YearQuarter, PeriodCode> {
  const last = lastEndedQuarter(input.today);
  if (!last.ok) return last;
  const filed = new Set(input.filed.map((q) => `${q.year}-${q.quarter}`));
  for (let q = input.from; compareYearQuarter(q, last.value) <= 0; q = nextQuarter(q)) {
    if (!filed.has(`${q.year}-${q.quarter}`)) return ok(q);
  }
  return last;
}
