import 'server-only';
import { fillTemplate, formatMessage, isDomainCode } from '@/lib/domain';
import type { Locale } from '@/lib/i18n/locales';
import az from '@/lib/i18n/messages/az-errors.json';
import en from '@/lib/i18n/messages/en-errors.json';
import { errorMessage, errorTemplate } from '../error-messages';
import type { AppErrorCode } from '../errors';

/**
 * Every coded outcome of login and signing (issue 4 §2, DOMAIN.md §10). The device outcomes are
 * the session statuses; the rest are the server's own refusals.
 */
export const SIGNING_CODES = [
  'USER_CANCELLED',
  'TIMEOUT',
  'WRONG_PIN',
  'PIN_BLOCKED',
  'PIN_FORMAT',
  'CERTIFICATE_EXPIRED',
  'CERTIFICATE_NOT_YET_VALID',
  'CERTIFICATE_REVOKED',
  'CERTIFICATE_NOT_FOUND',
  'CERTIFICATE_MISMATCH',
  'ASAN_NOT_FOUND',
  'SESSION_REPLAYED',
  'BAD_SIGNATURE',
  'NOT_ANSWERED',
  'ALREADY_ANSWERED',
  'NOT_FOUND',
  'RATE_LIMITED',
  'INVALID_INPUT',
  'NOT_STAFF',
] as const;
export type SigningCode = (typeof SIGNING_CODES)[number];

/** Outcomes that end a session; the device or the server wrote them into its status. */
export type SessionFailureStatus =
  'USER_CANCELLED' | 'TIMEOUT' | 'PIN_BLOCKED' | 'CERTIFICATE_EXPIRED' | 'CERTIFICATE_REVOKED';

/** Message parameters a failure may carry. */
export type FailureDetails = {
  /** WRONG_PIN: tries the PIN has left. */
  triesLeft?: number;
  /** RATE_LIMITED: seconds until the window ends. */
  retryAfterSeconds?: number;
  /** PIN_FORMAT: 4 (PIN1) or 5 (PIN2). */
  digits?: number;
};

export type SigningFailure = { ok: false; code: SigningCode } & FailureDetails;

// The texts are in lib/i18n (signing); a code without both is a compile error here.
const MESSAGES: Readonly<Record<Locale, Readonly<Record<SigningCode, string>>>> = {
  az: az.signing,
  en: en.signing,
};

export function isSigningCode(code: string): code is SigningCode {
  return (SIGNING_CODES as readonly string[]).includes(code);
}

/**
 * An outcome of login or signing to put into words: a code (a session status, the code a login
 * refusal carries), or a use case's refusal with what it carries — the failure details, the
 * identifier code of a malformed phone or User ID (`reason`), the blocking messages of a report
 * that cannot be sent (`messages`).
 */
export type SigningOutcome =
  string | ({ code: string; reason?: string; messages?: readonly unknown[] } & FailureDetails);

/**
 * The one place a signing outcome becomes words (issue 4 §2, DOMAIN.md §10), for login, the
 * sending dialog, the phone and the status the waiting pages poll. The failure's own details
 * fill {triesLeft}, {seconds} and {digits} over `params`; a malformed identifier reads its field
 * message; a report code of the sending use cases (REPORT_CHANGED_SINCE_SIGNING, …) reads its
 * AppError text; an unknown code reads as NOT_FOUND, so no code ever reaches the user.
 */
export function signingMessage(
  outcome: SigningOutcome,
  params: Readonly<Record<string, string | number>> = {},
  locale: Locale = 'az',
): string {
  const failure = typeof outcome === 'string' ? { code: outcome } : outcome;
  if (failure.code === 'INVALID_INPUT' && failure.reason && isDomainCode(failure.reason))
    return formatMessage(failure.reason, {}, locale);
  const filled = {
    ...params,
    ...(failure.messages ? { count: failure.messages.length } : {}),
    ...failureParams(failure),
  };
  if (isSigningCode(failure.code))
    return fillTemplate(MESSAGES[locale][failure.code], filled, locale);
  if (errorTemplate(failure.code, locale) !== null)
    return errorMessage(failure.code as AppErrorCode, filled, locale);
  return fillTemplate(MESSAGES[locale].NOT_FOUND, {}, locale);
}

/** The message parameters a failure carries ({triesLeft}, {seconds}, {digits}). */
export function failureParams(
  failure: FailureDetails & { readonly [other: string]: unknown },
): Record<string, number> {
  const params: Record<string, number> = {};
  if (failure.triesLeft !== undefined) params.triesLeft = failure.triesLeft;
  if (failure.retryAfterSeconds !== undefined) params.seconds = failure.retryAfterSeconds;
  if (failure.digits !== undefined) params.digits = failure.digits;
  return params;
}
