import 'server-only';
import { explainCalculationParams, fillTemplate, MESSAGES as DOMAIN_MESSAGES } from '@/lib/domain';
import type { MessageText } from '@/lib/domain';
import type { Locale } from '@/lib/i18n/locales';

/**
 * Refusals of the report wizard's use cases (ARCHITECTURE.md §6). Kept apart from errors.ts
 * (owned by the foundation): the same shape — closed union of codes, az/en text in the fixed
 * patterns, `field` for the form field — so the action layer maps both alike.
 */
export const REPORT_ERROR_CODES = [
  'REPORT_EXISTS',
  'REPORT_TYPE_UNKNOWN',
  'ACTIVITY_CODE_NOT_REGISTERED',
  'PERIOD_INVALID',
  'PERIOD_IN_FUTURE',
  'PERIOD_NOT_ENDED',
  'REPORT_NOT_DRAFT',
  'PAYMENT_EXCEEDS_REMAINDER',
  'NOTHING_TO_ADD',
  'NOTHING_TO_ADD_IN_QUARTER',
  'AMOUNT_INVALID',
  'AMOUNT_NOT_POSITIVE',
  'AMOUNT_TOO_LARGE',
  'HEADCOUNT_INVALID',
  'MONTH_OUTSIDE_QUARTER',
  'REASON_UNKNOWN',
  'STEP_UNKNOWN',
  'STEP_NOT_SEEN_ON_CONTINUE',
  'CALCULATION_FAILED',
  // Sending (issue 6)
  'REPORT_HAS_BLOCKING_ERRORS',
  'WARNINGS_UNCONFIRMED',
  'REPORT_CHANGED_SINCE_SIGNING',
  'SIGNED_OTHER_DOCUMENT',
  'NOTHING_TO_SEND',
  'CORRECTIVE_NEEDS_ACCEPTED',
  'CORRECTIVE_EXISTS',
] as const;
export type ReportErrorCode = (typeof REPORT_ERROR_CODES)[number];

export type ReportErrorKind = 'VALIDATION' | 'CONFLICT';

const CONFLICTS: ReadonlySet<ReportErrorCode> = new Set([
  'REPORT_EXISTS',
  'REPORT_NOT_DRAFT',
  'PAYMENT_EXCEEDS_REMAINDER',
  'REPORT_CHANGED_SINCE_SIGNING',
  'CORRECTIVE_EXISTS',
]);

export type ReportErrorParams = Readonly<Record<string, string | number>>;

export class ReportError extends Error {
  readonly code: ReportErrorCode;
  readonly params: ReportErrorParams;
  readonly field: string | undefined;

  constructor(code: ReportErrorCode, options: { params?: ReportErrorParams; field?: string } = {}) {
    // The message is for logs only; users get reportErrorMessage(code, params, locale).
    super(code);
    this.name = 'ReportError';
    this.code = code;
    this.params = options.params ?? {};
    this.field = options.field;
  }

  get kind(): ReportErrorKind {
    return CONFLICTS.has(this.code) ? 'CONFLICT' : 'VALIDATION';
  }
}

export function isReportError(error: unknown): error is ReportError {
  return error instanceof ReportError;
}

/** az and en text of every code; `{name}` is replaced by a param. */
export const REPORT_ERROR_MESSAGES: Readonly<Record<ReportErrorCode, MessageText>> = {
  REPORT_EXISTS: {
    az: 'Bu dövr və fəaliyyət kodu üzrə İlkin hesabat artıq var',
    en: 'An initial report for this period and activity code already exists',
  },
  REPORT_TYPE_UNKNOWN: { az: 'Hesabatın növünü seçin', en: 'Choose the report type' },
  REPORT_HAS_BLOCKING_ERRORS: {
    az: 'Hesabatda göndərməyə mane olan {count} səhv var: "Yoxlama" səhifəsində düzəldin',
    en: 'The report has {count} errors that prevent sending: fix them on the check page',
  },
  WARNINGS_UNCONFIRMED: {
    az: '{count} xəbərdarlıq səbəb göstərilməklə təsdiqlənməyib',
    en: '{count} warnings have not been confirmed with a reason',
  },
  REPORT_CHANGED_SINCE_SIGNING: {
    az: 'Hesabat imzalandıqdan sonra dəyişdirilib: yenidən imzalayın',
    en: 'The report changed after it was signed: sign it again',
  },
  SIGNED_OTHER_DOCUMENT: {
    az: 'İmza bu hesabata aid deyil',
    en: 'The signature is not for this report',
  },
  NOTHING_TO_SEND: {
    az: 'Seçilmiş rüb üzrə göndərilə bilən qaralama yoxdur',
    en: 'No draft of the chosen quarter can be sent',
  },
  CORRECTIVE_NEEDS_ACCEPTED: {
    az: 'Dəqiqləşdirilmiş hesabat yalnız qəbul edilmiş hesabat əsasında yaradılır',
    en: 'A corrective report can only be made from an accepted report',
  },
  CORRECTIVE_EXISTS: {
    az: 'Bu hesabat üçün açıq Dəqiqləşdirilmiş hesabat artıq var',
    en: 'An open corrective report for this report already exists',
  },
  ACTIVITY_CODE_NOT_REGISTERED: {
    az: 'Fəaliyyət kodu sığortaedənin qeydiyyatda olan kodlarından biri olmalıdır',
    en: 'Activity code must be one of the employer’s registered codes',
  },
  PERIOD_INVALID: {
    az: 'İl 2019–2100 aralığında, rüb 1–4 olmalıdır',
    en: 'Year must be between 2019 and 2100 and quarter between 1 and 4',
  },
  PERIOD_IN_FUTURE: {
    az: 'Hesabat dövrü gələcəkdə ola bilməz',
    en: 'The report period cannot be in the future',
  },
  PERIOD_NOT_ENDED: {
    az: 'İlkin hesabat yalnız başa çatmış rüb üçün təqdim edilir: seçilmiş rüb hələ bitməyib. Başa çatmış rübü seçin',
    en: 'An initial report can only be filed for a quarter that has ended: the chosen quarter has not ended yet. Choose a quarter that has ended',
  },
  REPORT_NOT_DRAFT: {
    az: 'Hesabat artıq qaralama deyil, dəyişdirilə bilməz',
    en: 'The report is no longer a draft and cannot be changed',
  },
  PAYMENT_EXCEEDS_REMAINDER: {
    az: 'Məbləğ ödənişin qalığından ({remainderQepik}) çox ola bilməz',
    en: 'The amount cannot be more than the payment’s remainder ({remainderQepik})',
  },
  NOTHING_TO_ADD: {
    az: 'Əlavə ediləcək ödəniş qalığı yoxdur',
    en: 'There is no payment remainder to add',
  },
  NOTHING_TO_ADD_IN_QUARTER: {
    az: 'Rübün son gününədək olan ödənişlərin qalığı yoxdur. Rübdən sonrakı ödənişləri əlavə etmək üçün "Rübdən sonrakı ödənişləri də daxil et" qutusunu işarələyin',
    en: 'No payment dated up to the last day of the quarter has a remainder. To add payments made after the quarter, tick "Also include payments after the quarter"',
  },
  AMOUNT_INVALID: {
    az: 'Məbləğ 0 və ya daha çox olmalıdır, məsələn 1 250,00',
    en: 'Amount must be 0 or more, like 1,250.00',
  },
  AMOUNT_NOT_POSITIVE: {
    az: 'Məbləğ 0-dan çox olmalıdır',
    en: 'Amount must be more than 0',
  },
  // The same words as the form's, the import's and the API's refusal (issue 10 §5).
  AMOUNT_TOO_LARGE: DOMAIN_MESSAGES.AMOUNT_TOO_LARGE,
  HEADCOUNT_INVALID: {
    az: 'İşçi sayı 0 və ya daha çox tam ədəd olmalıdır',
    en: 'Headcount must be a whole number, 0 or more',
  },
  MONTH_OUTSIDE_QUARTER: {
    az: 'Ay hesabat rübünün aylarından biri olmalıdır',
    en: 'Month must be one of the report quarter’s months',
  },
  REASON_UNKNOWN: {
    az: 'Siyahıdan səbəb seçin',
    en: 'Choose a reason from the list',
  },
  STEP_UNKNOWN: { az: 'Belə addım yoxdur', en: 'There is no such step' },
  STEP_NOT_SEEN_ON_CONTINUE: {
    az: 'Bu addım məlumat daxil edilməklə yadda saxlanılır',
    en: 'This step is saved by entering its information',
  },
  // `reason` is a domain code; reportErrorMessage puts its explanation here, never the code.
  CALCULATION_FAILED: {
    az: 'Hesablama aparıla bilmədi: {reason}',
    en: 'The calculation could not be made: {reason}',
  },
};

/**
 * The user-facing text of a report error, params filled in; `…Qepik` params are shown as AZN and
 * CALCULATION_FAILED's `reason` code as words.
 */
export function reportErrorMessage(
  code: ReportErrorCode,
  params: ReportErrorParams,
  locale: Locale,
): string {
  const filled = code === 'CALCULATION_FAILED' ? explainCalculationParams(params, locale) : params;
  return fillTemplate(REPORT_ERROR_MESSAGES[code][locale], filled, locale);
}
