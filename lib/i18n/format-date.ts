// The one date formatter of the whole UI (issue 10 §11): the fund writes dates day first,
// 'dd.mm.yyyy', in both languages, and every instant is shown in Baku time. Pure: the caller
// passes the value, so server pages, client components and the PDF receipt print the same text.

/**
 * Baku has kept UTC+4 all year since daylight saving was abolished in 2016, and every instant this
 * product stores is later than that. A fixed offset (rather than Intl's 'Asia/Baku') gives the same
 * answer on every server and browser, with or without full ICU, and matches the registry's SQL
 * date filters and the server clock's `todayInBaku`.
 */
export const BAKU_UTC_OFFSET_MS = 4 * 60 * 60 * 1000;

/** A calendar date ('YYYY-MM-DD'): a day, not an instant — it is never shifted by a time zone. */
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An instant (Date, epoch milliseconds, ISO timestamp) or a calendar date ('YYYY-MM-DD'). */
export type DateValue = Date | number | string;

type Shown = { date: string; time: string } | { date: string; time: null } | null;

function dayFirst(year: string, month: string, day: string): string {
  return `${day}.${month}.${year}`;
}

function read(value: DateValue | null | undefined): Shown | string {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const text = value.trim();
    const calendar = CALENDAR_DATE.exec(text);
    if (calendar) return { date: dayFirst(calendar[1]!, calendar[2]!, calendar[3]!), time: null };
    // Anything else must be a full timestamp; a string that is neither is shown as it came,
    // never as a date it might not be.
    if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return text;
  }
  const instant = value instanceof Date ? value : new Date(value);
  const ms = instant.getTime();
  if (Number.isNaN(ms)) return typeof value === 'string' ? value.trim() : null;
  const iso = new Date(ms + BAKU_UTC_OFFSET_MS).toISOString();
  return {
    date: dayFirst(iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)),
    time: iso.slice(11, 19),
  };
}

/**
 * A date as 'dd.mm.yyyy': an instant by its Baku calendar day, a 'YYYY-MM-DD' calendar date as
 * that very day. Empty for null or undefined. The locale is taken for the day another language
 * writes dates differently; today both write them day first.
 */
export function formatDate(value: DateValue | null | undefined, locale?: string): string {
  void locale;
  const shown = read(value);
  if (shown === null) return '';
  return typeof shown === 'string' ? shown : shown.date;
}

/**
 * An instant as 'dd.mm.yyyy HH:mm' in Baku time (24-hour), or 'dd.mm.yyyy HH:mm:ss' with
 * `seconds` (the receipt's legal filing time). A calendar date has no time: it prints as
 * formatDate does.
 */
export function formatDateTime(
  value: DateValue | null | undefined,
  locale?: string,
  options: { seconds?: boolean } = {},
): string {
  void locale;
  const shown = read(value);
  if (shown === null) return '';
  if (typeof shown === 'string') return shown;
  if (shown.time === null) return shown.date;
  return `${shown.date} ${options.seconds ? shown.time : shown.time.slice(0, 5)}`;
}
