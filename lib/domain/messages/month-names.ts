import { parseMonthKey } from '../calendar';
import type { Locale } from '../money-format';
// Apart from the rule texts (format.ts) so a client component that prints a month does not
// carry every rule text of both languages into the browser (issue 15 §2).
import az from '../../i18n/messages/az-months.json';
import en from '../../i18n/messages/en-months.json';

const MONTH_NAMES: Record<Locale, readonly string[]> = { az: az.monthNames, en: en.monthNames };

/** A month's name (1–12): 'Avqust' / 'August'. */
export function monthName(month: number, locale: Locale): string {
  return MONTH_NAMES[locale][month - 1] ?? String(month);
}

/** 'YYYY-MM' as 'Avqust 2025' / 'August 2025'; anything else is shown unchanged. */
export function formatMonth(month: string, locale: Locale): string {
  const parsed = parseMonthKey(month);
  if (!parsed.ok) return month;
  return `${MONTH_NAMES[locale][parsed.value.month - 1]} ${parsed.value.year}`;
}
