import 'server-only';
import { explainCalculationParams, fillTemplate, isDomainCode, MESSAGES } from '@/lib/domain';
import { formatDate } from '@/lib/i18n/format-date';
import type { Locale } from '@/lib/i18n/locales';
import az from '@/lib/i18n/messages/az-errors.json';
import en from '@/lib/i18n/messages/en-errors.json';
import { STAFF_ERROR_TEXTS } from '@/lib/i18n/staff-error-texts';
import type { AppError, AppErrorCode, AppErrorParams } from './errors';

// Every AppError text lives in lib/i18n (ARCHITECTURE.md §6), in the fixed patterns: "…
// olmalıdır" / "Must be …" for formats, a plain sentence for refusals. The domain's own codes
// (AMOUNT_TOO_LARGE, FIN_EMPTY, …) read the domain's text, so a refusal reads the same everywhere.
const TEXTS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  az: { ...az.errors, ...STAFF_ERROR_TEXTS.az },
  en: { ...en.errors, ...STAFF_ERROR_TEXTS.en },
};

/** The template of a code in a locale: its own, else the domain's; null if it has neither. */
export function errorTemplate(code: string, locale: Locale): string | null {
  const own = TEXTS[locale][code];
  if (own !== undefined) return own;
  return isDomainCode(code) ? MESSAGES[code][locale] : null;
}

/** The user-facing text of a code in `locale`, with `{param}` placeholders filled in. */
export function errorMessage(
  code: AppErrorCode,
  params: AppErrorParams = {},
  locale: Locale = 'az',
): string {
  const template = errorTemplate(code, locale) ?? errorTemplate('VALIDATION', locale) ?? code;
  return fillTemplate(template, shownParams(code, params, locale), locale);
}

/** Both texts at once, for results the UI renders in either language. */
export function errorTexts(
  code: AppErrorCode,
  params: AppErrorParams = {},
): { az: string; en: string } {
  return { az: errorMessage(code, params, 'az'), en: errorMessage(code, params, 'en') };
}

/** An AppError's text in a locale. */
export function appErrorMessage(error: AppError, locale: Locale): string {
  return errorMessage(error.code, error.params, locale);
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Params as a user reads them: a calendar date ('YYYY-MM-DD', as codes carry it) day first, and
 * CALCULATION_FAILED's `reason` (a domain code; once named `detail`) as words.
 */
function shownParams(code: AppErrorCode, params: AppErrorParams, locale: Locale): AppErrorParams {
  const dated = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      typeof value === 'string' && CALENDAR_DATE.test(value) ? formatDate(value, locale) : value,
    ]),
  );
  if (code !== 'CALCULATION_FAILED') return dated;
  return explainCalculationParams({ ...dated, reason: dated.reason ?? dated.detail }, locale);
}
