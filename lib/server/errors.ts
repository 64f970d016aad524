import 'server-only';
import type { RejectedCell } from './reports/import/person-rows';

/**
 * Every code a use case may refuse with (ARCHITECTURE.md §6): one closed union for the whole
 * server, each code with its az and en text in lib/i18n/messages/*-errors.json (or, for the
 * domain's own codes such as AMOUNT_TOO_LARGE, in *-rules.json). A test checks both texts.
 */
export const APP_ERROR_CODES = [
  // General
  'NOT_FOUND',
  'INPUT_INVALID',
  'TEXT_TOO_LONG',
  'TEXT_CONTROL_CHARACTERS',
  'FORBIDDEN',
  'VALIDATION',
  'CONFLICT',
  'RATE_LIMITED',
  // Authorities (SPEC C1–C7)
  'SERVICE_UNKNOWN',
  'METHOD_UNKNOWN',
  'FIN_FORMAT',
  'CARD_NUMBER_FORMAT',
  'PHONE_FORMAT',
  'HOLDER_NOT_FOUND',
  'CERTIFICATE_NOT_VALID',
  'DATE_FORMAT',
  'DATE_IN_PAST',
  'DATE_RANGE',
  'GRANT_BEYOND_CERTIFICATE',
  'GRANT_TO_SELF',
  'GRANT_TO_RESPONSIBLE',
  'AUTHORITY_DUPLICATE',
  'AUTHORITY_ALREADY_REVOKED',
  // The report wizard and sending (SPEC F1–F26, issue 6)
  'REPORT_EXISTS',
  'REPORT_TYPE_UNKNOWN',
  'REPORT_HAS_BLOCKING_ERRORS',
  'WARNINGS_UNCONFIRMED',
  'REPORT_CHANGED_SINCE_SIGNING',
  'REPORT_ALREADY_SENT',
  'SIGNED_OTHER_DOCUMENT',
  'NOTHING_TO_SEND',
  'CORRECTIVE_NEEDS_ACCEPTED',
  'CORRECTIVE_EXISTS',
  'ACTIVITY_CODE_NOT_REGISTERED',
  'PERIOD_INVALID',
  'PERIOD_IN_FUTURE',
  'PERIOD_NOT_ENDED',
  'REPORT_NOT_DRAFT',
  'PAYMENT_EXCEEDS_REMAINDER',
  'PAYMENT_REFERENCE_TAKEN',
  'PAYMENT_IN_USE',
  'PAYMENT_ALREADY_REVERSED',
  'STATEMENT_LINE_NOT_OPEN',
  'NOTHING_TO_ADD',
  'NOTHING_TO_ADD_IN_QUARTER',
  'AMOUNT_INVALID',
  'AMOUNT_EMPTY',
  'AMOUNT_NOT_POSITIVE',
  'AMOUNT_TOO_LARGE',
  'HEADCOUNT_INVALID',
  'MONTH_OUTSIDE_QUARTER',
  'REASON_UNKNOWN',
  'STEP_UNKNOWN',
  'STEP_NOT_SEEN_ON_CONTINUE',
  'CALCULATION_FAILED',
  // Persons, import, distribution, seniority, signatories, review (SPEC F19–F25)
  'FIN_EMPTY',
  'PERSON_NOT_FOUND',
  'PERSON_DUPLICATE',
  'DUPLICATE_IN_FILE',
  'NAME_MISMATCH',
  'INCOMES_COUNT',
  'AMOUNT_NOT_A_NUMBER',
  'AMOUNT_TOO_MANY_DECIMALS',
  'AMOUNT_NEGATIVE',
  'FILE_EMPTY',
  'FILE_NOT_CHOSEN',
  'FILE_TOO_LARGE',
  'FILE_TYPE',
  'FILE_ENCODING',
  'FILE_UNREADABLE',
  'FILE_UNREADABLE_AT_LINE',
  'FILE_CSV_QUOTE',
  'FILE_DAMAGED',
  'FILE_ENCRYPTED',
  'FILE_UNPACKED_TOO_LARGE',
  'FILE_TOO_COMPLEX',
  'FILE_TOO_MANY_ROWS',
  'FILE_TOO_MANY_COLUMNS',
  'FILE_TOO_MANY_CELLS',
  'FILE_CELL_TOO_LONG',
  'COLUMNS_MISSING',
  'COLUMN_MONTH_OUTSIDE_QUARTER',
  'FORMULA_NOT_ALLOWED',
  'ROW_SHAPE',
  'IMPORT_HAS_ERRORS',
  // Long work (issue 15 §6): a job whose instance stopped before it finished
  'JOB_INTERRUPTED',
  'SENIORITY_PERSON_NOT_IN_REPORT',
  'SENIORITY_ENTRY_NOT_FOUND',
  'SENIORITY_PERIOD_REQUIRED',
  'SENIORITY_DAYS_RANGE',
  'SENIORITY_DAYS_WHOLE',
  'SENIORITY_DATES_OUTSIDE_QUARTER',
  'DOCUMENT_TYPE',
  'SIGNATORY_ROLE',
  'SIGNATORY_NOT_FOUND',
  'WARNING_UNKNOWN',
  'REASON_REQUIRED',
  'REASON_TOO_LONG',
  // Messages with the fund (SPEC E1, issue 13 §9)
  'MESSAGE_SUBJECT_REQUIRED',
  'MESSAGE_BODY_REQUIRED',
  'ATTACHMENT_EMPTY',
  'ATTACHMENT_TOO_LARGE',
  'ATTACHMENT_TYPE',
  'ATTACHMENT_TYPE_MISMATCH',
  'ATTACHMENT_NAME',
  'ATTACHMENTS_TOO_MANY',
  'ATTACHMENTS_TOO_LARGE',
  // Staff dashboard (issue 14): each area adds its codes under its own line, texts in
  // lib/i18n/messages/*-errors-staff-<area>.json.
  // Staff: accounts (§1)
  'STAFF_ROLE_UNKNOWN',
  'STAFF_BODY_REQUIRED',
  'STAFF_BODY_FOR_ADMIN',
  'STAFF_BODY_UNKNOWN',
  'STAFF_REASON_REQUIRED',
  'STAFF_ACCOUNT_EXISTS',
  'STAFF_ACCOUNT_ENDED',
  'STAFF_SELF_END',
  // Staff: payments and bank statements (§5)
  'PAYMENT_EMPLOYER_REQUIRED',
  'PAYMENT_ACTIVITY_CODE_INVALID',
  'PAYMENT_CLASS_CODE_INVALID',
  'PAYMENT_DATE_INVALID',
  'PAYMENT_DATE_IN_FUTURE',
  'PAYMENT_REFERENCE_REQUIRED',
  'PAYMENT_REFERENCE_INVALID',
  'PAYMENT_REFERENCE_TAKEN',
  'PAYMENT_IN_USE',
  'PAYMENT_ALREADY_REVERSED',
  'PAYMENT_NOT_REVERSIBLE',
  'STATEMENT_FILE_REQUIRED',
  'STATEMENT_FILE_TYPE',
  'STATEMENT_FILE_BINARY',
  'STATEMENT_LINE_NOT_OPEN',
  'STATEMENT_EMPTY',
  'STATEMENT_TOO_LARGE',
  'STATEMENT_DOCTYPE_REFUSED',
  'STATEMENT_XML_INVALID',
  'STATEMENT_NOT_CAMT053',
  'STATEMENT_COUNT_MISMATCH',
  'STATEMENT_SUM_MISMATCH',
  'STATEMENT_BALANCE_MISMATCH',
  'STATEMENT_CSV_INVALID',
  'STATEMENT_HEADER_INVALID',
  // Staff: fines and write-offs (§6)
  'DEBT_EMPLOYER_REQUIRED',
  'DEBT_ACTIVITY_CODE_INVALID',
  'DEBT_BASIS_REQUIRED',
  'DEBT_DATE_INVALID',
  'DEBT_DATE_IN_FUTURE',
  'DEBT_PERIOD_INVALID',
  'DEBT_PERIOD_ORDER',
  'DEBT_PERIOD_IN_FUTURE',
  'DEBT_CATEGORY_INVALID',
  'WRITE_OFF_EXCEEDS_DEBT',
  'WRITE_OFF_OLDER_MDSS_OPEN',
  'WRITE_OFF_NOT_PENDING',
  'WRITE_OFF_SELF_DECISION',
  'DECISION_REASON_REQUIRED',
  // Staff: report review and sanction proposals (§8–§10)
  'REVIEW_REPORT_NOT_ACCEPTED',
  'REVIEW_RETURN_WINDOW_CLOSED',
  'REVIEW_REASON_REQUIRED',
  'REVIEW_REASON_UNKNOWN',
  'REVIEW_NOTE_REQUIRED',
  'REVIEW_REPORT_NOT_PENDING',
  'REVIEW_SANCTION_DECIDED',
  // Staff: reference data (§11)
  'REFERENCE_PERIOD_ACCEPTED',
  'REFERENCE_DATE_INVALID',
  'REFERENCE_DATE_NOT_MONTH_START',
  'REFERENCE_LATER_VERSION_EXISTS',
  'REFERENCE_RATE_INVALID',
  'REFERENCE_RATE_TOO_HIGH',
  'REFERENCE_AMOUNT_INVALID',
  'REFERENCE_TIERS_ORDER',
  'REFERENCE_NUMBER_INVALID',
  'REFERENCE_TEXT_REQUIRED',
  'REFERENCE_CODE_INVALID',
  'REFERENCE_CODE_EXISTS',
  'REFERENCE_CODE_UNKNOWN',
  'REFERENCE_CODE_ENDED',
  'REFERENCE_END_BEFORE_START',
  'REFERENCE_COMMENT_REQUIRED',
  'REFERENCE_HOLIDAY_PAST',
  'REFERENCE_HOLIDAY_EXISTS',
  'REFERENCE_HOLIDAY_UNKNOWN',
  'REFERENCE_CHOICE_INVALID',
  // Staff: employers and messages (§4, §7)
  'STAFF_THREAD_ALREADY_HANDLED',
  // Staff: audit log and statistics (§12–§13)
  'AUDIT_ACTOR_FORMAT',
  'AUDIT_EMPLOYER_TEXT',
  'AUDIT_EMPLOYER_NOT_FOUND',
  'AUDIT_ACTION_FORMAT',
  'AUDIT_OUTCOME_UNKNOWN',
  'AUDIT_DATE_FORMAT',
  'AUDIT_DATE_RANGE',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** The broad class of a code: what a route handler answers (404, 403, 422, 409, 429). */
export type AppErrorKind = 'NOT_FOUND' | 'FORBIDDEN' | 'VALIDATION' | 'CONFLICT' | 'RATE_LIMITED';

const CONFLICTS: ReadonlySet<AppErrorCode> = new Set<AppErrorCode>([
  'STAFF_ACCOUNT_EXISTS',
  'STAFF_ACCOUNT_ENDED',
  'AUTHORITY_ALREADY_REVOKED',
  'AUTHORITY_DUPLICATE',
  'CONFLICT',
  'CORRECTIVE_EXISTS',
  'PAYMENT_EXCEEDS_REMAINDER',
  'PERSON_DUPLICATE',
  'REPORT_ALREADY_SENT',
  'REPORT_CHANGED_SINCE_SIGNING',
  'REPORT_EXISTS',
  'REPORT_NOT_DRAFT',
  'WARNING_UNKNOWN',
]);

export type AppErrorParams = Readonly<Record<string, string | number>>;

export type AppErrorOptions = {
  params?: AppErrorParams;
  /** The form field the message belongs to. */
  field?: string;
  /** An imported file's line and column (SPEC F20 import). */
  line?: number;
  column?: string;
  /** IMPORT_HAS_ERRORS: every rejected cell, so the caller can show them without re-validating. */
  rejected?: readonly RejectedCell[];
  /** Several field refusals of one form, so the error summary lists every one. */
  fieldErrors?: readonly AppError[];
};

/**
 * A refusal a user may see, as a code plus params; the text comes from errorMessage in the
 * user's language, never from `message` (which is the code, for logs).
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly params: AppErrorParams;
  readonly field: string | undefined;
  readonly line: number | undefined;
  readonly column: string | undefined;
  readonly rejected: readonly RejectedCell[];
  readonly fieldErrors: readonly AppError[];

  constructor(code: AppErrorCode, options: AppErrorOptions = {}) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.params = options.params ?? {};
    this.field = options.field;
    this.line = options.line;
    this.column = options.column;
    this.rejected = options.rejected ?? [];
    this.fieldErrors = options.fieldErrors ?? [];
  }

  get kind(): AppErrorKind {
    if (this.code === 'NOT_FOUND' || this.code === 'FORBIDDEN' || this.code === 'RATE_LIMITED')
      return this.code;
    return CONFLICTS.has(this.code) ? 'CONFLICT' : 'VALIDATION';
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * Runs each field check in turn and keeps going past a refusal; throws the one refusal as it
 * is, several as one AppError (the first) carrying all of them in fieldErrors. Anything but an
 * AppError is a bug and is rethrown at once.
 */
export function checkEveryField<T extends readonly unknown[] | []>(checks: {
  [K in keyof T]: () => T[K];
}): T {
  const errors: AppError[] = [];
  const values = checks.map((check) => {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      errors.push(error);
      return undefined;
    }
  });
  const [first, ...rest] = errors;
  if (first) {
    throw rest.length === 0
      ? first
      : new AppError(first.code, { params: first.params, field: first.field, fieldErrors: errors });
  }
  return values as unknown as T;
}
