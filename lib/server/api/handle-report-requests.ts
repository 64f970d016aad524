import 'server-only';
import type { DbOrTx } from '@/db/types';
import { now } from '../clock';
import { ApiError, apiErrorResponse, apiJson } from './api-response';
import { authenticateApiRequest, type ApiCaller } from './authenticate-api-request';
import { upsertReportFromPayload } from './upsert-report-from-payload';
import { validateReportPayload } from './validate-report-payload';

// The api/v1 report endpoints as functions of (db, request), so tests call them with their own
// database; the route handlers only pass getDb() (issue 5 §9).

/** 30 000 persons are about 3 MB of JSON; 20 MB leaves room without inviting abuse. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

async function readJson(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  const tooLarge = new ApiError(400, 'BODY_TOO_LARGE', {
    params: { maxMb: MAX_BODY_BYTES / 1024 / 1024 },
  });
  if (declared > MAX_BODY_BYTES) throw tooLarge;
  const text = await request.text();
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) throw tooLarge;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'BODY_NOT_JSON');
  }
}

type Options = { asOf?: Date };

async function run(
  db: DbOrTx,
  request: Request,
  options: Options,
  handle: (
    caller: ApiCaller,
    body: unknown,
    asOf: Date,
  ) => Promise<{ status: number; body: unknown }>,
): Promise<Response> {
  try {
    const asOf = options.asOf ?? now();
    const caller = await authenticateApiRequest(db, request, asOf);
    const result = await handle(caller, await readJson(request), asOf);
    return apiJson(result.body, result.status);
  } catch (error) {
    return apiErrorResponse(error);
  }
}

/** POST /api/v1/reports/validate: 200 with the calculations and messages, nothing saved. */
export function handleValidateReport(
  db: DbOrTx,
  request: Request,
  options: Options = {},
): Promise<Response> {
  return run(db, request, options, async ({ scope }, body, asOf) => ({
    status: 200,
    body: await validateReportPayload(db, scope, body, asOf),
  }));
}

/** POST /api/v1/reports: 201 when the draft was created, 200 when an existing draft was replaced. */
export function handleUpsertReport(
  db: DbOrTx,
  request: Request,
  options: Options = {},
): Promise<Response> {
  return run(db, request, options, async ({ scope, tokenId }, body, asOf) => {
    const { created, ...result } = await upsertReportFromPayload(db, scope, body, {
      asOf,
      tokenId,
    });
    return { status: created ? 201 : 200, body: result };
  });
}
