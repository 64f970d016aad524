import 'server-only';
import { and, eq } from 'drizzle-orm';
import { apiTokens } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { EmployerScope } from '../access';
import { consumeRateLimit } from '../rate-limit';
import { ApiError } from './api-response';
import { verifyApiToken } from './token-scope';

/** Per token, fixed window (issue 5 §9): enough for a payroll system, not for a flood. */
export const API_RATE_LIMIT = { limit: 60, windowSeconds: 60 } as const;

export type ApiCaller = { scope: EmployerScope; tokenId: string };

/**
 * The guard of every authenticated api/v1 route (issue 5 §9, ARCHITECTURE.md §5): reads
 * "Authorization: Bearer <token>", verifies it into an EmployerScope, counts the request against
 * the token's rate limit and records last_used_at. Throws ApiError 401 (TOKEN_MISSING,
 * TOKEN_INVALID — audited) or 429 RATE_LIMITED with Retry-After.
 */
export async function authenticateApiRequest(
  db: DbOrTx,
  request: Request,
  asOf: Date,
): Promise<ApiCaller> {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  const challenge = { 'WWW-Authenticate': 'Bearer realm="hesabat-api"' };
  if (!match?.[1]) throw new ApiError(401, 'TOKEN_MISSING', { headers: challenge });
  const verified = await verifyApiToken(db, match[1], asOf);
  if (!verified.ok) throw new ApiError(401, verified.code, { headers: challenge });
  const limited = await consumeRateLimit(db, {
    key: `api-token:${verified.tokenId}`,
    ...API_RATE_LIMIT,
    now: asOf,
  });
  if (!limited.ok) {
    throw new ApiError(429, 'RATE_LIMITED', {
      params: { retryAfterSeconds: limited.retryAfterSeconds },
      headers: { 'Retry-After': String(limited.retryAfterSeconds) },
    });
  }
  await db
    .update(apiTokens)
    .set({ lastUsedAt: asOf })
    .where(
      and(eq(apiTokens.id, verified.tokenId), eq(apiTokens.employerId, verified.scope.employerId)),
    );
  return { scope: verified.scope, tokenId: verified.tokenId };
}
