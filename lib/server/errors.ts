import 'server-only';

/**
 * Every code a use case may throw (ARCHITECTURE.md §6). The union is closed: a new code needs
 * its az/en text in error-messages.ts, or the build fails.
 */
export const APP_ERROR_CODES = [
  'NOT_FOUND',
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
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** The broad class of a code: what a route handler answers (404, 403, 422, 409, 429). */
export type AppErrorKind = 'NOT_FOUND' | 'FORBIDDEN' | 'VALIDATION' | 'CONFLICT' | 'RATE_LIMITED';

const KIND: Record<AppErrorCode, AppErrorKind> = {
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  VALIDATION: 'VALIDATION',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  SERVICE_UNKNOWN: 'VALIDATION',
  METHOD_UNKNOWN: 'VALIDATION',
  FIN_FORMAT: 'VALIDATION',
  CARD_NUMBER_FORMAT: 'VALIDATION',
  PHONE_FORMAT: 'VALIDATION',
  HOLDER_NOT_FOUND: 'VALIDATION',
  CERTIFICATE_NOT_VALID: 'VALIDATION',
  DATE_FORMAT: 'VALIDATION',
  DATE_IN_PAST: 'VALIDATION',
  DATE_RANGE: 'VALIDATION',
  GRANT_BEYOND_CERTIFICATE: 'VALIDATION',
  GRANT_TO_SELF: 'VALIDATION',
  GRANT_TO_RESPONSIBLE: 'VALIDATION',
  AUTHORITY_DUPLICATE: 'CONFLICT',
  AUTHORITY_ALREADY_REVOKED: 'CONFLICT',
};

export type AppErrorParams = Readonly<Record<string, string | number>>;

/**
 * A refusal a user may see, as a code plus params; the text comes from error-messages.ts in
 * the user's language. `field` names the form field the message belongs to, if any.
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly params: AppErrorParams;
  readonly field: string | undefined;

  constructor(code: AppErrorCode, options: { params?: AppErrorParams; field?: string } = {}) {
    // The message is for logs only; users get errorMessage(code, params, locale).
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.params = options.params ?? {};
    this.field = options.field;
  }

  get kind(): AppErrorKind {
    return KIND[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
