import 'server-only';
import { and, eq } from 'drizzle-orm';
import { apiTokens } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { EmployerScope } from '../access';
import { writeAudit } from '../audit';
import { now } from '../clock';
import { AppError } from '../errors';
import { isUuid } from '../uuid';
import { ApiError } from './api-response';
import { requireResponsible } from './create-api-token';

/**
 * Revokes one of the employer's API tokens (issue 5 §9): the id is re-loaded through the scope
 * (another employer's token answers NOT_FOUND); the next request with it gets 401.
 */
export async function revokeApiToken(
  db: DbOrTx,
  scope: EmployerScope,
  input: { tokenId: string },
  asOf: Date = now(),
): Promise<void> {
  await requireResponsible(db, scope, 'API_TOKEN_REVOKED');
  if (!isUuid(input.tokenId)) throw new AppError('NOT_FOUND');
  await db.transaction(async (tx) => {
    const ofScope = and(
      eq(apiTokens.id, input.tokenId),
      eq(apiTokens.employerId, scope.employerId),
    );
    const [token] = await tx.select().from(apiTokens).where(ofScope).for('update');
    if (!token) throw new AppError('NOT_FOUND');
    if (token.revokedAt !== null) throw new ApiError(409, 'TOKEN_ALREADY_REVOKED');
    await tx.update(apiTokens).set({ revokedAt: asOf }).where(ofScope);
    await writeAudit(tx, {
      action: 'API_TOKEN_REVOKED',
      outcome: 'SUCCESS',
      actorFin: scope.fin,
      employerId: scope.employerId,
      details: { apiTokenId: token.id, name: token.name, prefix: token.prefix },
    });
  });
}
