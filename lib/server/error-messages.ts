import 'server-only';
import { fillTemplate, type MessageText } from '@/lib/domain';
import { formatDate } from '@/lib/i18n/format-date';
import type { Locale } from '@/lib/i18n/locales';
import type { AppErrorCode, AppErrorParams } from './errors';

/**
 * az and en text for every AppError code (ARCHITECTURE.md §6), in the fixed patterns: "… olmalıdır"
 * / "Must be …" for formats, a plain sentence for refusals. `{name}` is replaced by a param.
 */
export const ERROR_MESSAGES: Readonly<Record<AppErrorCode, MessageText>> = {
  NOT_FOUND: { az: 'Axtarılan məlumat tapılmadı', en: 'The page or record was not found' },
  FORBIDDEN: {
    az: 'Bu əməliyyat üçün səlahiyyətiniz yoxdur',
    en: 'You are not allowed to do this',
  },
  VALIDATION: { az: 'Daxil edilən məlumatları yoxlayın', en: 'Check the information you entered' },
  CONFLICT: {
    az: 'Məlumat artıq dəyişdirilib, səhifəni yeniləyin',
    en: 'The record has changed meanwhile; reload the page',
  },
  RATE_LIMITED: {
    az: 'Çox sayda cəhd edildi, {seconds} saniyə sonra yenidən cəhd edin',
    en: 'Too many attempts; try again in {seconds} seconds',
  },
  SERVICE_UNKNOWN: { az: 'Xidməti seçin', en: 'Choose a service' },
  METHOD_UNKNOWN: {
    az: 'Səlahiyyətin növünü seçin: elektron imza və ya Asan imza',
    en: 'Choose the type: e-signature or Asan İmza',
  },
  FIN_FORMAT: {
    az: 'FİN 7 hərf və ya rəqəmdən (şəxsiyyət vəsiqəsi) və ya 5–7 hərf və ya rəqəmdən (yaşayış icazəsi) ibarət olmalıdır',
    en: 'FIN must be exactly 7 letters or digits (ID card) or 5 to 7 letters or digits (residence permit)',
  },
  CARD_NUMBER_FORMAT: {
    az: 'Kartın nömrəsi 6–20 hərf və ya rəqəmdən ibarət olmalıdır',
    en: 'Card number must be 6 to 20 letters or digits',
  },
  PHONE_FORMAT: {
    az: 'Mobil nömrə olmalıdır, məsələn 050 123 45 67',
    en: 'Must be a mobile number like 050 123 45 67',
  },
  HOLDER_NOT_FOUND: {
    az: 'Bu nömrə və FİN ilə sertifikat tapılmadı',
    en: 'No certificate was found for this number and FIN',
  },
  CERTIFICATE_NOT_VALID: {
    az: 'Bu şəxsin sertifikatı etibarlı deyil',
    en: 'This person’s certificate is not valid',
  },
  DATE_FORMAT: {
    az: 'Tarix mövcud olmalıdır, məsələn 2026-03-31',
    en: 'Must be a real date, like 2026-03-31',
  },
  DATE_IN_PAST: {
    az: 'Tarix bu gündən ({today}) əvvəl ola bilməz',
    en: 'The date cannot be before today ({today})',
  },
  DATE_RANGE: {
    az: 'Bitmə tarixi başlama tarixindən əvvəl ola bilməz',
    en: 'The end date cannot be before the start date',
  },
  GRANT_BEYOND_CERTIFICATE: {
    az: 'Səlahiyyət sertifikatın bitmə tarixindən ({date}) sonraya verilə bilməz',
    en: 'The authority cannot last beyond the certificate’s expiry date ({date})',
  },
  GRANT_TO_SELF: {
    az: 'Özünüzə səlahiyyət verə bilməzsiniz',
    en: 'You cannot grant an authority to yourself',
  },
  GRANT_TO_RESPONSIBLE: {
    az: 'Məsul şəxsin bütün səlahiyyətləri artıq var',
    en: 'The responsible person already has every authority',
  },
  AUTHORITY_DUPLICATE: {
    az: 'Bu şəxsin bu xidmət üzrə qüvvədə olan səlahiyyəti artıq var',
    en: 'This person already holds a current authority for this service',
  },
  AUTHORITY_ALREADY_REVOKED: {
    az: 'Bu səlahiyyət artıq ləğv edilib',
    en: 'This authority has already been revoked',
  },
};

/** The user-facing text of a code in `locale`, with `{param}` placeholders filled in. */
export function errorMessage(
  code: AppErrorCode,
  params: AppErrorParams = {},
  locale: Locale = 'az',
): string {
  return fillTemplate(ERROR_MESSAGES[code][locale], shownParams(params, locale), locale);
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Params as a user reads them: a calendar date ('YYYY-MM-DD', as codes carry it) day first. */
function shownParams(params: AppErrorParams, locale: Locale): AppErrorParams {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      typeof value === 'string' && CALENDAR_DATE.test(value) ? formatDate(value, locale) : value,
    ]),
  );
}
