// Effective-dated reference data (issue 14 §11, DOMAIN.md §2–§4): which report periods a change
// touches, and the typed values of the administrator's forms. Pure; the server passes the
// accepted reports it found and the date of today.
import { isIsoDate } from '../calendar';
import { compareYearQuarter, quarterOfMonth, type YearQuarter } from '../period';
import type { Rational } from '../rational';
import { err, ok, type Result } from '../result';

/**
 * A change of reference data: a new version in force from `from` on (rates, penalty
 * parameters, a code added or ended), or a public holiday added or removed on `day`.
 */
export type ReferenceChange =
  | { readonly kind: 'FROM_DATE'; readonly from: string }
  | { readonly kind: 'HOLIDAY'; readonly day: string };

/** An accepted report's period, as the refusal names it. */
export type AcceptedReportPeriod = {
  readonly employerName: string;
  readonly year: number;
  readonly quarter: number;
};

/** The quarter a valid 'YYYY-MM-DD' lies in. */
export function quarterOfDate(day: string): YearQuarter | null {
  if (!isIsoDate(day)) return null;
  const q = quarterOfMonth(day.slice(0, 7));
  return q.ok ? q.value : null;
}

function previousQuarter(q: YearQuarter): YearQuarter {
  return q.quarter === 1
    ? { year: q.year - 1, quarter: 4 }
    : { year: q.year, quarter: (q.quarter - 1) as YearQuarter['quarter'] };
}

/**
 * The earliest report quarter a change touches; every later quarter is touched too.
 * A version from D changes every quarter holding a day from D on (a quarter's figures use the
 * version in force in its months). A holiday on D moves the due dates in D's quarter and,
 * when D lies in the first month of its quarter, the previous quarter's report (due on the
 * 20th) and its last month's contributions (due on the 15th), so that quarter is touched too.
 */
export function firstTouchedQuarter(change: ReferenceChange): YearQuarter | null {
  const day = change.kind === 'FROM_DATE' ? change.from : change.day;
  const q = quarterOfDate(day);
  if (!q) return null;
  if (change.kind === 'HOLIDAY' && Number(day.slice(5, 7)) % 3 === 1) return previousQuarter(q);
  return q;
}

/** The accepted reports whose period the change would alter, earliest first. */
export function acceptedReportsTouched<T extends AcceptedReportPeriod>(
  change: ReferenceChange,
  accepted: readonly T[],
): T[] {
  const first = firstTouchedQuarter(change);
  if (!first) return [];
  return accepted
    .filter(
      (r) =>
        compareYearQuarter({ year: r.year, quarter: r.quarter as YearQuarter['quarter'] }, first) >=
        0,
    )
    .sort(
      (a, b) =>
        a.year - b.year || a.quarter - b.quarter || a.employerName.localeCompare(b.employerName),
    );
}

/** The quarter as the fund writes it: I, II, III, IV. */
export function romanQuarter(quarter: number): string {
  return ['I', 'II', 'III', 'IV'][quarter - 1] ?? String(quarter);
}

export const REFERENCE_VALUE_CODES = [
  'DATE_INVALID',
  'RATE_INVALID',
  'RATE_TOO_HIGH',
  'NUMBER_INVALID',
] as const;
export type ReferenceValueCode = (typeof REFERENCE_VALUE_CODES)[number];

/** The dates an administrator may type: real calendar days of 2000–2100. */
export function parseReferenceDate(text: string): Result<string, 'DATE_INVALID'> {
  const t = text.trim();
  if (!isIsoDate(t)) return err('DATE_INVALID');
  const year = Number(t.slice(0, 4));
  return year >= 2000 && year <= 2100 ? ok(t) : err('DATE_INVALID');
}

/**
 * A percentage as typed ('22', '0,1', '0.1 %'), at most four decimals and at most 100 %, as
 * an exact rate: '0.1' → 1/1000. Negative, empty or other text is RATE_INVALID.
 */
export function parsePercentRate(text: string): Result<Rational, 'RATE_INVALID' | 'RATE_TOO_HIGH'> {
  const t = text.trim().replace(/\s*%$/, '').replace(',', '.');
  const m = /^(\d{1,3})(?:\.(\d{1,4}))?$/.exec(t);
  if (!m) return err('RATE_INVALID');
  const decimals = m[2] ?? '';
  const num = Number(`${m[1]}${decimals}`);
  const den = 100 * 10 ** decimals.length;
  if (num > den) return err('RATE_TOO_HIGH');
  return ok(reduce({ num, den }));
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function reduce(r: Rational): Rational {
  const g = gcd(r.num, r.den) || 1;
  return { num: r.num / g, den: r.den / g };
}

/** A rate as a percentage for display and for the form: 1/1000 → '0.1'. */
export function percentOf(rate: Rational): string {
  if (rate.den <= 0) return '';
  const scaled = (rate.num * 100 * 10_000) / rate.den;
  if (!Number.isInteger(scaled)) return ((rate.num * 100) / rate.den).toFixed(4);
  const whole = Math.trunc(scaled / 10_000);
  const frac = String(scaled % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/** A whole number within [min, max] as typed. */
export function parseWholeNumber(
  text: string,
  min: number,
  max: number,
): Result<number, 'NUMBER_INVALID'> {
  const t = text.trim();
  if (!/^\d{1,9}$/.test(t)) return err('NUMBER_INVALID');
  const n = Number(t);
  return n >= min && n <= max ? ok(n) : err('NUMBER_INVALID');
}
