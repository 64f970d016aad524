import { formatAmount } from '@/lib/domain/money-format';
import { formatDate } from '@/lib/i18n/format-date';

/** '2025-08-12' → '12.08.2025', as the fund's documents write dates (the one UI formatter). */
export const dmy = (iso: string) => formatDate(iso);

/** The user's locale as the money formatter takes it. */
export const moneyLocale = (locale: string): 'az' | 'en' => (locale === 'en' ? 'en' : 'az');

export const money = (qepik: number, locale: string) => formatAmount(qepik, moneyLocale(locale));

/** Table cell classes: numbers right-aligned and never wrapped. */
export const CELL = 'p-3 align-top';
export const NUM = 'p-3 text-right whitespace-nowrap tabular-nums align-top';

/** An amount as a person would type it back: '1 234,56' / '1,234.56' (no currency sign). */
export const amountText = (qepik: number, locale: string) =>
  formatAmount(qepik, moneyLocale(locale))
    .replace(/\s*₼$/, '')
    .replace(/^(-?)AZN\s*/, '$1');
