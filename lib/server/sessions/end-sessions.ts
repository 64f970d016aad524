import 'server-only';
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import { userSessions } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { SessionEndReason } from '@/lib/domain/session-policy';
import { writeAudit } from '../audit';
import { now } from '../clock';
import { isUuid } from '../uuid';

/** Which live sessions to end: one by its id, or a person's (all, or those acting for one employer). */
export type SessionSelection = { sessionId: string } | { fin: string; employerId?: string };

/** The end reasons no person chose: the server's own timers. */
const BY_THE_SERVER: ReadonlySet<SessionEndReason> = new Set(['IDLE', 'EXPIRED']);

/**
 * Ends the selected live sessions on the server (issue 12 §1): from the next request on, their
 * cookie opens nothing. Each ended session gets a SESSION_ENDED audit row with its reason, in
 * the caller's transaction when there is one; a session already ended is left as it is, so a
 * race between two ends records one. `byFin` is who ended it (the person signing out, the one
 * revoking an authority); the idle timeout and the absolute end are the system's.
 */
export async function endSessions(
  db: DbOrTx,
  selection: SessionSelection,
  reason: SessionEndReason,
  options: { byFin?: string | null; asOf?: Date } = {},
): Promise<number> {
  const asOf = options.asOf ?? now();
  let which: SQL | undefined;
  if ('sessionId' in selection) {
    if (!isUuid(selection.sessionId)) return 0;
    which = eq(userSessions.id, selection.sessionId);
  } else {
    which =
      selection.employerId === undefined
        ? eq(userSessions.fin, selection.fin)
        : and(
            eq(userSessions.fin, selection.fin),
            eq(userSessions.employerId, selection.employerId),
          );
  }
  return db.transaction(async (tx) => {
    const ended = await tx
      .update(userSessions)
      .set({ endedAt: asOf, endReason: reason })
      .where(and(which, isNull(userSessions.endedAt)))
      .returning({
        id: userSessions.id,
        fin: userSessions.fin,
        employerId: userSessions.employerId,
      });
    const system = BY_THE_SERVER.has(reason);
    for (const session of ended) {
      await writeAudit(tx, {
        action: 'SESSION_ENDED',
        outcome: 'SUCCESS',
        actorFin: system ? null : (options.byFin ?? session.fin),
        ...(system ? { actorRole: 'SYSTEM' as const } : {}),
        employerId: session.employerId,
        details: { sessionId: session.id, fin: session.fin, reason },
      });
    }
    return ended.length;
  });
}
