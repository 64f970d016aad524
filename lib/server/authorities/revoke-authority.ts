import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { authorities } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertNotStaffView, assertScopeService, type EmployerScope } from '../access';
import { writeAudit } from '../audit';
import { now } from '../clock';
import { AppError } from '../errors';
import { endSessions } from '../sessions/end-sessions';
import { isUuid } from '../uuid';

/**
 * Revokes an authority from its registry row (SPEC C7). The id is re-loaded through the scope:
 * another employer's authority answers NOT_FOUND; an already revoked one CONFLICT (also when a
 * concurrent revoke wins the guarded update). The change, the end of the holder's sessions for
 * this employer and the audit entries commit together.
 */
export async function revokeAuthority(
  db: DbOrTx,
  scope: EmployerScope,
  input: { authorityId: string },
  asOf: Date = now(),
): Promise<void> {
  assertNotStaffView(scope);
  assertScopeService(scope, 'AUTHORITIES');
  if (!isUuid(input.authorityId)) throw new AppError('NOT_FOUND');
  const ofThisEmployer = and(
    eq(authorities.id, input.authorityId),
    eq(authorities.employerId, scope.employerId),
  );
  await db.transaction(async (tx) => {
    const [authority] = await tx
      .select({
        revokedAt: authorities.revokedAt,
        service: authorities.service,
        holderFin: authorities.holderFin,
      })
      .from(authorities)
      .where(ofThisEmployer);
    if (!authority) throw new AppError('NOT_FOUND');
    if (authority.revokedAt !== null) throw new AppError('AUTHORITY_ALREADY_REVOKED');
    const updated = await tx
      .update(authorities)
      .set({ revokedAt: asOf, revokedByFin: scope.fin })
      .where(and(ofThisEmployer, isNull(authorities.revokedAt)))
      .returning({ id: authorities.id });
    if (updated.length === 0) throw new AppError('AUTHORITY_ALREADY_REVOKED');
    // Revoking takes the holder out now, not at their next employer choice: their sessions
    // acting for this employer end with it (issue 12 §1); they may sign in and choose again.
    await endSessions(
      tx,
      { fin: authority.holderFin, employerId: scope.employerId },
      'AUTHORITY_REVOKED',
      { byFin: scope.fin, asOf },
    );
    await writeAudit(tx, {
      action: 'AUTHORITY_REVOKED',
      outcome: 'SUCCESS',
      actorFin: scope.fin,
      employerId: scope.employerId,
      details: {
        authorityId: input.authorityId,
        service: authority.service,
        holderFin: authority.holderFin,
        via: scope.via,
      },
    });
  });
}
