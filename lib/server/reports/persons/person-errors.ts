import 'server-only';
// Texts the domain already has are taken from it, so the same refusal reads the same everywhere.
import { explainCalculationParams, MESSAGES as DOMAIN_MESSAGES, fillTemplate } from '@/lib/domain';
import type { Locale } from '@/lib/i18n/locales';
import type { RejectedCell } from '../import/person-rows';

/**
 * Refusals of the persons, import, distribution, seniority, signatory and review use cases
 * (SPEC F19–F25, issue 5 §7–§8). A closed union with az/en text in the fixed patterns of
 * ARCHITECTURE.md §6, kept apart from errors.ts so these steps can grow without touching it.
 * Ids that do not load through the scope still answer AppError('NOT_FOUND').
 */
const MESSAGES = {
  REPORT_NOT_DRAFT: {
    az: 'Hesabat artıq qaralama deyil, dəyişdirilə bilməz',
    en: 'The report is no longer a draft and cannot be changed',
  },
  FIN_EMPTY: DOMAIN_MESSAGES.FIN_EMPTY,
  FIN_FORMAT: {
    az: 'FİN 7 hərf və ya rəqəmdən (şəxsiyyət vəsiqəsi) və ya 5–7 hərf və ya rəqəmdən (yaşayış icazəsi) ibarət olmalıdır',
    en: 'FIN must be exactly 7 letters or digits (ID card) or 5 to 7 letters or digits (residence permit)',
  },
  PERSON_NOT_FOUND: {
    az: 'Bu FİN ilə şəxs əhali reyestrində tapılmadı',
    en: 'No person with this FIN was found in the population registry',
  },
  PERSON_DUPLICATE: { az: 'Bu FİN artıq hesabatdadır', en: 'This FIN is already in the report' },
  DUPLICATE_IN_FILE: {
    az: 'Bu FİN faylda artıq {firstLine}-ci sətirdə var',
    en: 'This FIN is already in the file on line {firstLine}',
  },
  NAME_MISMATCH: {
    az: 'Ad və soyad reyestrdəkindən fərqlənir: reyestrdə {registryName}',
    en: 'The name differs from the registry, which has {registryName}',
  },
  INCOMES_COUNT: {
    az: 'Rübün hər ayı üçün gəlir göstərilməlidir (3 ay)',
    en: 'Give an income for each month of the quarter (3 months)',
  },
  AMOUNT_INVALID: {
    az: 'Məbləğ 0 və ya müsbət tam qəpik olmalıdır',
    en: 'Amount must be 0 or a positive whole number of qəpik',
  },
  AMOUNT_NOT_A_NUMBER: DOMAIN_MESSAGES.AMOUNT_NOT_A_NUMBER,
  AMOUNT_TOO_MANY_DECIMALS: DOMAIN_MESSAGES.AMOUNT_TOO_MANY_DECIMALS,
  AMOUNT_NEGATIVE: DOMAIN_MESSAGES.AMOUNT_NEGATIVE,
  AMOUNT_TOO_LARGE: DOMAIN_MESSAGES.AMOUNT_TOO_LARGE,
  FILE_EMPTY: { az: 'Fayl boşdur', en: 'The file is empty' },
  FILE_TOO_LARGE: {
    az: 'Fayl {maxMb} MB-dan böyük olmamalıdır',
    en: 'The file must be no larger than {maxMb} MB',
  },
  FILE_TYPE: {
    az: 'Fayl CSV və ya XLSX formatında olmalıdır',
    en: 'The file must be a CSV or XLSX file',
  },
  FILE_ENCODING: {
    az: 'CSV faylı UTF-8 kodlaşmasında olmalıdır',
    en: 'A CSV file must be UTF-8 encoded',
  },
  FILE_UNREADABLE: {
    az: 'Faylı oxumaq mümkün olmadı: {detail}',
    en: 'The file could not be read: {detail}',
  },
  COLUMNS_MISSING: {
    az: 'Faylda bu sütunlar yoxdur: {columns}',
    en: 'The file is missing these columns: {columns}',
  },
  COLUMN_MONTH_OUTSIDE_QUARTER: {
    az: '{column} sütununun ayı hesabatın rübünə aid deyil',
    en: 'The month of column {column} is not in the report’s quarter',
  },
  FORMULA_NOT_ALLOWED: {
    az: 'Xanada düstur olmamalıdır, yalnız dəyər daxil edin',
    en: 'The cell must not contain a formula; enter the value only',
  },
  ROW_SHAPE: {
    az: 'Sətir FİN, soyad, ad və hər ay üçün gəlirdən ibarət olmalıdır',
    en: 'A row must have a FIN, surname, name and an income for each month',
  },
  IMPORT_HAS_ERRORS: {
    az: '{rows} sətirdə xəta var; düzəldin və yenidən göndərin',
    en: '{rows} rows have errors; fix them and submit again',
  },
  SENIORITY_PERSON_NOT_IN_REPORT: {
    az: 'Bu FİN hesabatın sığortaolunanları arasında olmalıdır',
    en: 'This FIN must be one of the report’s insured persons',
  },
  SENIORITY_ENTRY_NOT_FOUND: {
    az: 'Siyahıdan vəzifəni seçin',
    en: 'Choose a position from the list',
  },
  SENIORITY_PERIOD_REQUIRED: {
    az: 'Günlərin sayını və ya başlanğıc və son tarixi daxil edin',
    en: 'Enter the number of days or the from and to dates',
  },
  SENIORITY_DAYS_RANGE: {
    az: 'Günlərin sayı 1 ilə {max} arasında olmalıdır',
    en: 'The number of days must be between 1 and {max}',
  },
  SENIORITY_DATES_OUTSIDE_QUARTER: {
    az: 'Tarixlər {from} – {to} rübünün daxilində olmalıdır, başlanğıc sondan əvvəl',
    en: 'Dates must lie within the quarter {from} – {to}, the start not after the end',
  },
  DOCUMENT_TYPE: {
    az: 'Sənədin növünü seçin: DİN və ya Miqrasiya',
    en: 'Choose the document type: DİN or Miqrasiya',
  },
  SIGNATORY_ROLE: {
    az: 'Məsul şəxs və ya baş mühasib seçilməlidir',
    en: 'Choose the responsible person or the chief accountant',
  },
  SIGNATORY_NOT_FOUND: {
    az: 'Bu FİN və sənəd növü ilə şəxs tapılmadı',
    en: 'No person was found with this FIN and document type',
  },
  WARNING_UNKNOWN: {
    az: 'Bu xəbərdarlıq artıq aktual deyil, səhifəni yeniləyin',
    en: 'This warning no longer applies; reload the page',
  },
  REASON_REQUIRED: {
    az: 'Xəbərdarlığı təsdiqləmək üçün səbəbi yazın',
    en: 'Enter a reason to confirm the warning',
  },
  REASON_TOO_LONG: {
    az: 'Səbəb ən çox {max} simvol olmalıdır',
    en: 'The reason must be at most {max} characters',
  },
  REPORT_HAS_BLOCKING_ERRORS: {
    az: 'Hesabatda {count} xəta var; onları düzəltmədən hesabat hazır ola bilməz',
    en: 'The report has {count} errors; fix them before marking it ready',
  },
  WARNINGS_UNCONFIRMED: {
    az: '{count} xəbərdarlıq səbəb göstərilməklə təsdiqlənməyib',
    en: '{count} warnings have not been confirmed with a reason',
  },
  // `reason` is a domain code; personErrorMessage puts its explanation here, never the code.
  CALCULATION_FAILED: {
    az: 'Hesablama aparıla bilmədi: {reason}',
    en: 'The calculation could not be made: {reason}',
  },
} as const satisfies Record<string, { az: string; en: string }>;

export type PersonErrorCode = keyof typeof MESSAGES;
export type PersonErrorParams = Readonly<Record<string, string | number>>;

/** CONFLICT codes answer 409 in route handlers; the rest are field or form errors (422). */
const CONFLICT_CODES: ReadonlySet<PersonErrorCode> = new Set([
  'REPORT_NOT_DRAFT',
  'PERSON_DUPLICATE',
  'WARNING_UNKNOWN',
]);

/** A refusal with its place: the form field, or the line and column of an imported file. */
export class PersonError extends Error {
  readonly code: PersonErrorCode;
  readonly params: PersonErrorParams;
  readonly field: string | undefined;
  readonly line: number | undefined;
  readonly column: string | undefined;
  /** IMPORT_HAS_ERRORS: every rejected cell, so the caller can show them without re-validating. */
  readonly rejected: readonly RejectedCell[];

  constructor(
    code: PersonErrorCode,
    options: {
      params?: PersonErrorParams;
      field?: string;
      line?: number;
      column?: string;
      rejected?: readonly RejectedCell[];
    } = {},
  ) {
    super(code); // for logs only; users get personErrorMessage()
    this.name = 'PersonError';
    this.code = code;
    this.params = options.params ?? {};
    this.field = options.field;
    this.line = options.line;
    this.column = options.column;
    this.rejected = options.rejected ?? [];
  }

  get kind(): 'VALIDATION' | 'CONFLICT' {
    return CONFLICT_CODES.has(this.code) ? 'CONFLICT' : 'VALIDATION';
  }
}

export function isPersonError(error: unknown): error is PersonError {
  return error instanceof PersonError;
}

/** The text of a code with {placeholders} filled; a missing param stays visible. */
export function personErrorMessage(
  code: PersonErrorCode,
  params: PersonErrorParams = {},
  locale: Locale = 'az',
): string {
  return fillTemplate(MESSAGES[code][locale], explained(code, params, locale), locale);
}

/** CALCULATION_FAILED's `reason` (once named `detail`) as words for the locale. */
function explained(code: PersonErrorCode, params: PersonErrorParams, locale: Locale) {
  if (code !== 'CALCULATION_FAILED') return params;
  return explainCalculationParams({ ...params, reason: params.reason ?? params.detail }, locale);
}

/** Both texts at once, for results the UI renders in either language. */
export function personErrorTexts(
  code: PersonErrorCode,
  params: PersonErrorParams = {},
): { az: string; en: string } {
  return { az: personErrorMessage(code, params, 'az'), en: personErrorMessage(code, params, 'en') };
}
