import 'server-only';
import type { Locale } from '@/lib/i18n/locales';
import { errorMessage } from './error-messages';
import { isAppError } from './errors';
import { isPersonError, personErrorMessage } from './reports/persons/person-errors';
import { isReportError, reportErrorMessage } from './reports/report-errors';
import { ReportFieldErrors } from './reports/report-field-errors';

export type UserError = {
  field?: string;
  message: string;
  params: Readonly<Record<string, string | number>>;
};

/**
 * The one place an action turns a coded refusal into words for the user (ARCHITECTURE.md §6).
 * Anything that is not a coded refusal is a bug: rethrown, so the error page shows, never its text.
 */
export function toUserError(error: unknown, locale: Locale): UserError {
  if (isAppError(error))
    return {
      field: error.field,
      params: error.params,
      message: errorMessage(error.code, error.params, locale),
    };
  if (isReportError(error))
    return {
      field: error.field,
      params: error.params,
      message: reportErrorMessage(error.code, error.params, locale),
    };
  if (isPersonError(error))
    return {
      field: error.field,
      params: error.params,
      message: personErrorMessage(error.code, error.params, locale),
    };
  throw error;
}

/**
 * Every refusal of one form in words, in the form's order: the fields of a ReportFieldErrors one
 * by one, any other coded refusal as the single entry toUserError makes of it.
 */
export function toUserErrors(error: unknown, locale: Locale): UserError[] {
  if (error instanceof ReportFieldErrors) return error.errors.map((e) => toUserError(e, locale));
  return [toUserError(error, locale)];
}
