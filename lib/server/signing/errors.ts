import 'server-only';
import { fillTemplate, type MessageText } from '@/lib/domain';
import type { Locale } from '@/lib/i18n/locales';

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

const MESSAGES: Record<SigningCode, MessageText> = {
  USER_CANCELLED: {
    az: 'Əməliyyat istifadəçi tərəfindən ləğv edildi.',
    en: 'The request was cancelled by the user.',
  },
  TIMEOUT: {
    az: 'Təsdiq üçün vaxt (2 dəqiqə) bitdi. Yenidən cəhd edin.',
    en: 'The time to confirm (2 minutes) has run out. Try again.',
  },
  WRONG_PIN: {
    az: 'PIN kod səhvdir. Qalan cəhd: {triesLeft}',
    en: 'Wrong PIN. Tries left: {triesLeft}',
  },
  PIN_BLOCKED: {
    az: 'PIN kod 3 dəfə səhv daxil edildiyi üçün bloklanıb. Sertifikatı verən mərkəzə müraciət edin.',
    en: 'The PIN is blocked after 3 wrong tries. Contact the certificate issuer.',
  },
  PIN_FORMAT: {
    az: 'PIN kod {digits} rəqəmdən ibarət olmalıdır.',
    en: 'The PIN must be {digits} digits.',
  },
  CERTIFICATE_EXPIRED: {
    az: 'Sertifikatın qüvvədə olma müddəti bitib. Sertifikatı verən mərkəzə müraciət edin.',
    en: 'The certificate has expired. Contact the certificate issuer.',
  },
  CERTIFICATE_NOT_YET_VALID: {
    az: 'Sertifikat hələ qüvvəyə minməyib.',
    en: 'The certificate is not valid yet.',
  },
  CERTIFICATE_REVOKED: {
    az: 'Sertifikat ləğv edilib. Sertifikatı verən mərkəzə müraciət edin.',
    en: 'The certificate has been revoked. Contact the certificate issuer.',
  },
  CERTIFICATE_NOT_FOUND: { az: 'Sertifikat tapılmadı.', en: 'Certificate not found.' },
  CERTIFICATE_MISMATCH: {
    az: 'Seçilmiş sertifikat bu sorğuya aid deyil.',
    en: 'The chosen certificate does not belong to this request.',
  },
  ASAN_NOT_FOUND: {
    az: 'Bu telefon nömrəsi və İstifadəçi İD üçün Asan İmza tapılmadı.',
    en: 'No Asan İmza found for this phone number and User ID.',
  },
  SESSION_REPLAYED: {
    az: 'Bu sorğu artıq istifadə olunub. Yenidən daxil olun.',
    en: 'This request has already been used. Start again.',
  },
  BAD_SIGNATURE: { az: 'İmza yoxlanışdan keçmədi.', en: 'The signature could not be verified.' },
  NOT_ANSWERED: { az: 'Sorğu hələ təsdiqlənməyib.', en: 'The request has not been confirmed yet.' },
  ALREADY_ANSWERED: {
    az: 'Sorğu artıq cavablandırılıb.',
    en: 'The request has already been answered.',
  },
  NOT_FOUND: { az: 'Sorğu tapılmadı.', en: 'Request not found.' },
  RATE_LIMITED: {
    az: 'Çox sayda cəhd. {seconds} saniyə sonra yenidən cəhd edin.',
    en: 'Too many attempts. Try again in {seconds} seconds.',
  },
  INVALID_INPUT: { az: 'Məlumat düzgün daxil edilməyib.', en: 'The data entered is not valid.' },
};

/** The user text of a signing outcome, with {placeholders} filled from `params`. */
export function signingMessage(
  code: SigningCode,
  params: Readonly<Record<string, string | number>> = {},
  locale: Locale = 'az',
): string {
  return fillTemplate(MESSAGES[code][locale], params, locale);
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
