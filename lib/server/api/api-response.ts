import 'server-only';
import { isAppError } from '../errors';
import type { RejectedCell } from '../reports/import/person-rows';
import { apiProblem, apiText, type ApiParams, type ApiProblem } from './api-messages';

// How the payroll API answers a refusal (issue 5 §9): {error:{code, message:{az,en}}}, plus
// `problems` for a body that failed validation. A raw error message never leaves the server.

export type ApiStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429 | 500;

/** A refusal of the payroll API with its HTTP status. */
export class ApiError extends Error {
  readonly status: ApiStatus;
  readonly code: string;
  readonly params: ApiParams;
  readonly problems: readonly ApiProblem[];
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: ApiStatus,
    code: string,
    options: {
      params?: ApiParams;
      problems?: readonly ApiProblem[];
      headers?: Record<string, string>;
    } = {},
  ) {
    super(code); // for logs only
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.params = options.params ?? {};
    this.problems = options.problems ?? [];
    this.headers = options.headers ?? {};
  }
}

/** 422 carrying every problem found. */
export function payloadInvalid(problems: readonly ApiProblem[]): ApiError {
  return new ApiError(422, 'PAYLOAD_INVALID', { params: { count: problems.length }, problems });
}

const NO_STORE = { 'Cache-Control': 'no-store' };

export function apiJson(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

/** An import refusal's cell ('FIN', 'Soyad', 'Ad' or a month) as a path into the payload. */
function cellPath(cell: RejectedCell): string {
  const column =
    { FIN: 'fin', Soyad: 'surname', Ad: 'name' }[cell.column] ?? `incomes.${cell.column}`;
  return `persons[${cell.line - 1}].${column}`;
}

/** Turns anything a use case threw into the API's answer; unknown errors are logged, not shown. */
export function apiErrorResponse(error: unknown): Response {
  let refusal: ApiError;
  if (error instanceof ApiError) refusal = error;
  else if (isAppError(error) && error.code === 'IMPORT_HAS_ERRORS') {
    refusal = payloadInvalid(
      error.rejected.map((c) => ({ ...apiProblem(cellPath(c), c.code), message: c.message })),
    );
  } else if (isAppError(error)) {
    const status =
      error.kind === 'NOT_FOUND' || error.kind === 'FORBIDDEN'
        ? 404
        : error.kind === 'CONFLICT'
          ? 409
          : error.kind === 'RATE_LIMITED'
            ? 429
            : 422;
    const problems =
      status === 422 ? [apiProblem(error.field ?? '', error.code, error.params)] : [];
    refusal = new ApiError(status, error.code, { params: error.params, problems });
  } else {
    console.error('payroll API: unexpected error', error);
    refusal = new ApiError(500, 'INTERNAL');
  }
  const body = {
    error: {
      code: refusal.code,
      message: apiText(refusal.code, refusal.params),
      ...(refusal.problems.length > 0 ? { problems: refusal.problems } : {}),
    },
  };
  return apiJson(body, refusal.status, { ...refusal.headers });
}
