import 'server-only';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { apiTokens } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { auditAccessDenied, scopeForApiToken, type EmployerScope } from '../access';

/** Every token starts with this, so leaked ones are easy to recognise (and to scan for). */
export const API_TOKEN_PREFIX = 'hsb_';
/** 'hsb_' + 43 base64url characters of 32 random bytes. */
const TOKEN_SHAPE = /^hsb_[A-Za-z0-9_-]{43}$/;

/** What is stored instead of the token: its SHA-256 in hex (a 256-bit random secret needs no salt). */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export type TokenVerification =
  { ok: true; scope: EmployerScope; tokenId: string } | { ok: false; code: 'TOKEN_INVALID' };

/**
 * Verifies a bearer token (issue 5 §9): a live (not revoked) row with this hash, whose creator
 * is still the employer's responsible person (access.ts scopeForApiToken decides). Every
 * refusal is audited; the caller only learns TOKEN_INVALID.
 */
export async function verifyApiToken(
  db: DbOrTx,
  token: string,
  asOf: Date,
): Promise<TokenVerification> {
  const [row] = TOKEN_SHAPE.test(token)
    ? await db
        .select()
        .from(apiTokens)
        .where(eq(apiTokens.tokenHash, hashApiToken(token)))
    : [];
  if (!row || row.revokedAt !== null) {
    await auditAccessDenied(
      db,
      row ? { fin: row.createdByFin } : null,
      row?.employerId ?? null,
      {
        reason: row ? 'API_TOKEN_REVOKED' : 'API_TOKEN_UNKNOWN',
        ...(row ? { apiTokenId: row.id } : {}),
      },
      'API_AUTH',
    );
    return { ok: false, code: 'TOKEN_INVALID' };
  }
  const access = await scopeForApiToken(db, row, asOf);
  if (!access.ok) return { ok: false, code: 'TOKEN_INVALID' };
  return { ok: true, scope: access.scope, tokenId: row.id };
}
