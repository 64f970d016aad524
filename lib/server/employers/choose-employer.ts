import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { userSessions } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { auditAccessDenied, resolveEmployerServices, type Actor } from '../access';
import { writeAudit } from '../audit';
import { now } from '../clock';
import { AppError } from '../errors';

/**
 * Checks that the person may act for the employer in at least one service and records the
 * choice (SPEC A4) on the person's server-side session: the only writer of a session's employer
 * (issue 12 §2; nothing the browser sends can set it). Every later request is still checked by
 * the guard. A refusal is audited and answers NOT_FOUND; so does a session that has ended. An
 * actor without a session (a test, a script) only gets the check.
 */
export async function chooseEmployer(
  db: DbOrTx,
  actor: Actor & { sessionId?: string },
  employerId: string,
  asOf: Date = now(),
): Promise<string> {
  const resolved = await resolveEmployerServices(db, actor, employerId, asOf);
  if (!resolved.ok) {
    await auditAccessDenied(db, actor, employerId, { reason: resolved.reason }, 'EMPLOYER_CHOSEN');
    throw new AppError('NOT_FOUND');
  }
  const { sessionId } = actor;
  await db.transaction(async (tx) => {
    if (sessionId !== undefined) {
      const chosen = await tx
        .update(userSessions)
        .set({ employerId })
        .where(
          and(
            eq(userSessions.id, sessionId),
            eq(userSessions.fin, actor.fin),
            isNull(userSessions.endedAt),
          ),
        )
        .returning({ id: userSessions.id });
      if (chosen.length === 0) throw new AppError('NOT_FOUND');
    }
    await writeAudit(tx, {
      action: 'EMPLOYER_CHOSEN',
      outcome: 'SUCCESS',
      actorFin: actor.fin,
      employerId,
      details: {
        via: resolved.via,
        services: [...resolved.services.keys()],
        ...(sessionId === undefined ? {} : { sessionId }),
      },
    });
  });
  return employerId;
}
