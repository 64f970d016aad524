import 'server-only';
import { ReportError } from './report-errors';

/**
 * Several field refusals of one form at once, so the error summary can list every one (GOV.UK
 * error summary). It is itself the first refusal — code, params, field — so a caller that knows
 * only ReportError (the API, older actions) still answers as before.
 */
export class ReportFieldErrors extends ReportError {
  readonly errors: readonly ReportError[];

  constructor(errors: readonly [ReportError, ...ReportError[]]) {
    const [first] = errors;
    super(first.code, { params: first.params, field: first.field });
    this.name = 'ReportFieldErrors';
    this.errors = errors;
  }
}

/**
 * Runs each field check in turn and keeps going past a refusal; throws the one refusal as it
 * is, several as ReportFieldErrors. Anything but a ReportError is a bug and is rethrown at once.
 */
export function checkEveryField<T extends readonly unknown[] | []>(checks: {
  [K in keyof T]: () => T[K];
}): T {
  const errors: ReportError[] = [];
  const values = checks.map((check) => {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof ReportError)) throw error;
      errors.push(error);
      return undefined;
    }
  });
  const [first, ...rest] = errors;
  if (first) throw rest.length === 0 ? first : new ReportFieldErrors([first, ...rest]);
  return values as unknown as T;
}
