import 'server-only';
import { fillTemplate } from '@/lib/domain';
import type { Locale } from '@/lib/i18n/locales';
import az from '@/lib/i18n/messages/az-errors.json';
import en from '@/lib/i18n/messages/en-errors.json';

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

/** The user text of a signing outcome, with {placeholders} filled from `params`. */
export function signingMessage(
  code: SigningCode,
  params: Readonly<Record<string, string | number>> = {},
  locale: Locale = 'az',
): string {
  return fillTemplate(MESSAGES[locale][code], params, locale);
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
