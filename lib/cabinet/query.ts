// What a cabinet URL says: the activity code (view 6's choice), the period filter, the "as at"
// date and the view's own paging and selection (issue 13 §1–§3). Every view is a plain URL, so a
// bookmark, the back button and a page without JavaScript all work. Pure: the caller passes
// today's Baku date. A value that cannot be understood is dropped and reported, never a 500.
import { isIsoDate, monthKey, type IsoDate, type MonthKey } from '@/lib/domain/calendar';

export const CABINET_QUERY_FIELDS = [
  'code',
  'year',
  'quarter',
  'month',
  'asOf',
  'page',
  'fin',
  'name',
  'person',
  'payment',
  'sub',
] as const;
export type CabinetQueryField = (typeof CABINET_QUERY_FIELDS)[number];

export interface CabinetPeriod {
  readonly year: number | null;
  /** 1–4; null with a month (the month says more) or for a whole year. */
  readonly quarter: number | null;
  /** 1–12, only with a year. */
  readonly month: number | null;
}

export interface CabinetQuery {
  /** The activity code chosen in view 6, e.g. '62.01'. The page checks it is the employer's. */
  readonly code: string | null;
  readonly period: CabinetPeriod;
  /** 'YYYY-MM-DD' in Baku; the default is today. */
  readonly asOf: IsoDate;
  /** True when asOf came from the URL (it is then kept in links). */
  readonly asOfGiven: boolean;
  /** 1-based page of a long list (view 8). */
  readonly page: number;
  /** Filters of view 8: a FIN prefix (normalised to upper case) and a name fragment. */
  readonly fin: string | null;
  readonly name: string | null;
  /** A person's page in view 8 (their FIN). */
  readonly person: string | null;
  /** The payment selected in view 17 (its id). */
  readonly payment: string | null;
  /** A sub-employer of the employer's structure (E5), by id; the guard decides if it may be seen. */
  readonly sub: string | null;
  /**
   * The penalty projection's form on views 5 and 13 (issue 13 §10): the amount and the date as
   * typed, read by lib/cabinet/projection-input.ts, which shows its own field errors. Not kept in
   * links to other views.
   */
  readonly payX?: string | null;
  readonly payOn?: string | null;
}

export interface CabinetQueryProblem {
  readonly field: CabinetQueryField;
  readonly value: string;
}

export const MIN_PERIOD_YEAR = 2000;
export const MAX_PERIOD_YEAR = 2100;
export const MAX_PAGE = 100_000;

const CODE = /^\d{2}\.\d{1,2}$/;
const FIN_PREFIX = /^[0-9A-Z]{1,7}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CONTROL = /[\u0000-\u001f\u007f]/;

type Params = Readonly<Record<string, string | string[] | undefined>>;

function first(params: Params, key: string): string | null {
  const value = params[key];
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined) return null;
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

function integer(text: string, min: number, max: number): number | null {
  if (!/^\d{1,6}$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

/** Reads a cabinet URL's search parameters. */
export function parseCabinetQuery(
  params: Params,
  today: IsoDate,
): { query: CabinetQuery; problems: CabinetQueryProblem[] } {
  const problems: CabinetQueryProblem[] = [];
  function read<T>(field: CabinetQueryField, parse: (text: string) => T | null): T | null {
    const text = first(params, field);
    if (text === null) return null;
    const value = CONTROL.test(text) || text.length > 200 ? null : parse(text);
    if (value === null) problems.push({ field, value: text.slice(0, 40) });
    return value;
  }
  const code = read('code', (t) => (CODE.test(t) ? t : null));
  const year = read('year', (t) => integer(t, MIN_PERIOD_YEAR, MAX_PERIOD_YEAR));
  let quarter = read('quarter', (t) => integer(t, 1, 4));
  let month = read('month', (t) => integer(t, 1, 12));
  if ((quarter !== null || month !== null) && year === null) {
    if (quarter !== null) problems.push({ field: 'quarter', value: String(quarter) });
    if (month !== null) problems.push({ field: 'month', value: String(month) });
    quarter = null;
    month = null;
  }
  if (month !== null && quarter !== null && Math.ceil(month / 3) !== quarter) {
    problems.push({ field: 'month', value: String(month) });
    month = null;
  }
  if (month !== null) quarter = null;
  const asOfText = read('asOf', (t) => (isIsoDate(t) ? t : null));
  const page = read('page', (t) => integer(t, 1, MAX_PAGE)) ?? 1;
  const fin = read('fin', (t) => (FIN_PREFIX.test(t.toUpperCase()) ? t.toUpperCase() : null));
  const name = read('name', (t) => (t.length <= 100 ? t : null));
  const person = read('person', (t) => (FIN_PREFIX.test(t.toUpperCase()) ? t.toUpperCase() : null));
  const payment = read('payment', (t) => (UUID.test(t) ? t.toLowerCase() : null));
  const sub = read('sub', (t) => (UUID.test(t) ? t.toLowerCase() : null));
  const typed = (key: string) => {
    const text = first(params, key);
    return text === null || CONTROL.test(text) ? null : text.slice(0, 40);
  };
  return {
    query: {
      code,
      period: { year, quarter, month },
      asOf: asOfText ?? today,
      asOfGiven: asOfText !== null,
      page,
      fin,
      name,
      person,
      payment,
      sub,
      payX: typed('payX'),
      payOn: typed('payOn'),
    },
    problems,
  };
}

/** The months a period covers, inclusive; null bounds for "from the beginning" / "to asOf". */
export function periodMonths(period: CabinetPeriod): {
  from: MonthKey | null;
  to: MonthKey | null;
} {
  if (period.year === null) return { from: null, to: null };
  if (period.month !== null) {
    const m = monthKey(period.year, period.month);
    return { from: m, to: m };
  }
  if (period.quarter !== null) {
    return {
      from: monthKey(period.year, period.quarter * 3 - 2),
      to: monthKey(period.year, period.quarter * 3),
    };
  }
  return { from: monthKey(period.year, 1), to: monthKey(period.year, 12) };
}

/** The calendar dates a period covers (for entries dated by day), clipped to asOf. */
export function periodDates(
  period: CabinetPeriod,
  asOf: IsoDate,
): { from: IsoDate | null; to: IsoDate } {
  const months = periodMonths(period);
  if (months.from === null || months.to === null) return { from: null, to: asOf };
  const [y, m] = months.to.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const end = `${months.to}-${String(last).padStart(2, '0')}`;
  return { from: `${months.from}-01`, to: end < asOf ? end : asOf };
}

/** Values a link adds or overrides: query fields, or a route's own (the download's `format`). */
export type CabinetLinkExtra = Readonly<Record<string, string | number | null | undefined>>;

function isQueryField(key: string): key is CabinetQueryField {
  return (CABINET_QUERY_FIELDS as readonly string[]).includes(key);
}

/**
 * The search string of a cabinet link: what is kept between views (the code, the period, an
 * "as at" date the user chose, the sub-employer) plus `extra` (a page, a person…). Null or empty
 * values are left out, so links stay short and stable.
 */
export function cabinetSearch(query: CabinetQuery, extra: CabinetLinkExtra = {}): string {
  const kept: CabinetLinkExtra = {
    code: query.code,
    year: query.period.year,
    quarter: query.period.quarter,
    month: query.period.month,
    asOf: query.asOfGiven ? query.asOf : null,
    sub: query.sub,
    ...extra,
  };
  const params = new URLSearchParams();
  const keys = [...CABINET_QUERY_FIELDS, ...Object.keys(extra).filter((k) => !isQueryField(k))];
  for (const key of keys) {
    const value = (kept as Record<string, string | number | null | undefined>)[key];
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The URL of a view with the kept query. */
export function cabinetHref(
  slug: string,
  query: CabinetQuery,
  extra: CabinetLinkExtra = {},
): string {
  return `/cabinet/${slug}${cabinetSearch(query, extra)}`;
}
