import 'server-only';
import { randomBytes, randomUUID } from 'node:crypto';
import { apiTokens } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { ActionRefusal } from '../actions';
import { assertScopeService, auditAccessDenied, type EmployerScope } from '../access';
import { writeAudit } from '../audit';
import { now } from '../clock';
import { ApiError } from './api-response';
import { API_TOKEN_PREFIX, hashApiToken } from './token-scope';

export const TOKEN_NAME_MAX = 100;
/** Characters of the token kept for display ('hsb_' + 8), enough to tell tokens apart. */
const DISPLAY_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 8;

export type CreatedApiToken = {
  id: string;
  name: string;
  prefix: string;
  token: string;
  createdAt: Date;
};

/**
 * What the create form shows: nothing yet (null), the new token this once, or why not with the
 * name as typed (so the field keeps it).
 */
export type CreateTokenState =
  { ok: true; name: string; token: string } | (ActionRefusal & { name?: string }) | null;

/** The responsible person only (issue 5 §9): an authority holder's denial is audited. */
export async function requireResponsible(db: DbOrTx, scope: EmployerScope, action: string) {
  assertScopeService(scope, 'REPORTS');
  if (scope.via === 'RESPONSIBLE') return;
  await auditAccessDenied(
    db,
    { fin: scope.fin },
    scope.employerId,
    { reason: 'NOT_RESPONSIBLE' },
    action,
  );
  throw new ApiError(403, 'TOKEN_RESPONSIBLE_ONLY');
}

/**
 * Creates a payroll-API token for the scope's employer and the reports service (issue 5 §9).
 * The token (32 random bytes, base64url, 'hsb_' first) is returned once and never stored: the
 * table keeps its SHA-256 and a short prefix to recognise it in the list.
 */
export async function createApiToken(
  db: DbOrTx,
  scope: EmployerScope,
  input: { name: string },
  asOf: Date = now(),
): Promise<CreatedApiToken> {
  await requireResponsible(db, scope, 'API_TOKEN_CREATED');
  const name = String(input.name ?? '').trim();
  if (name === '') throw new ApiError(422, 'TOKEN_NAME_REQUIRED');
  if (name.length > TOKEN_NAME_MAX)
    throw new ApiError(422, 'TOKEN_NAME_TOO_LONG', { params: { max: TOKEN_NAME_MAX } });
  const id = randomUUID();
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const prefix = token.slice(0, DISPLAY_PREFIX_LENGTH);
  await db.transaction(async (tx) => {
    await tx.insert(apiTokens).values({
      id,
      employerId: scope.employerId,
      name,
      tokenHash: hashApiToken(token),
      prefix,
      service: 'REPORTS',
      createdByFin: scope.fin,
      createdAt: asOf,
    });
    await writeAudit(tx, {
      action: 'API_TOKEN_CREATED',
      outcome: 'SUCCESS',
      actorFin: scope.fin,
      employerId: scope.employerId,
      details: { apiTokenId: id, name, prefix },
    });
  });
  return { id, name, prefix, token, createdAt: asOf };
}
