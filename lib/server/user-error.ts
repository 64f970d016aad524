import 'server-only';
import type { Locale } from '@/lib/i18n/locales';
import { errorMessage } from './error-messages';
import { isAppError, type AppError } from './errors';

export type UserError = {
  field?: string;
  message: string;
  params: Readonly<Record<string, string | number>>;
};

const toUser = (error: AppError, locale: Locale): UserError => ({
  field: error.field,
  params: error.params,
  message: errorMessage(error.code, error.params, locale),
});

/**
 * The one place an action turns a coded refusal into words for the user (ARCHITECTURE.md §6).
 * Anything that is not a coded refusal is a bug: rethrown, so the error page shows, never its text.
 */
export function toUserError(error: unknown, locale: Locale): UserError {
  if (isAppError(error)) return toUser(error, locale);
  throw error;
}

/**
 * Every refusal of one form in words, in the form's order: the fields an AppError carries one
 * by one, else the single entry toUserError makes of it.
 */
export function toUserErrors(error: unknown, locale: Locale): UserError[] {
  if (isAppError(error) && error.fieldErrors.length > 0)
    return error.fieldErrors.map((e) => toUser(e, locale));
  return [toUserError(error, locale)];
}
