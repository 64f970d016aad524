import 'server-only';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { userSessions } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { sessionStateAt, type SessionKind } from '@/lib/domain/session-policy';
import { now } from '../clock';
import type { Principal } from '../principal';
import { isUuid } from '../uuid';
import { endSessions } from './end-sessions';

/**
 * The person a session cookie's id stands for, read from PostgreSQL on every request (issue 12
 * §1): null when the row is unknown, ended, idle past the timeout or past its absolute end —
 * the last two are ended here with their reason, so the audit says when and why. A live
 * session's last-seen time moves forward at most once a minute. `kind` is the area asking: an
 * employer session opens nothing on the staff dashboard and a staff session nothing in the
 * employer area (issue 14 §2), each answers as signed out there.
 */
export async function loadSessionPrincipal(
  db: DbOrTx,
  sessionId: string,
  asOf: Date = now(),
  kind: SessionKind = 'EMPLOYER',
): Promise<Principal | null> {
  if (!isUuid(sessionId)) return null;
  const [session] = await db
    .select()
    .from(userSessions)
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.kind, kind)));
  if (!session?.certificateSerial || !session.method) return null;
  const state = sessionStateAt(session, asOf, kind);
  if (!state.live) {
    if (state.end !== 'ENDED') await endSessions(db, { sessionId }, state.end, { asOf });
    return null;
  }
  if (state.touch) {
    await db
      .update(userSessions)
      .set({ lastSeenAt: asOf })
      .where(
        and(
          eq(userSessions.id, sessionId),
          isNull(userSessions.endedAt),
          lt(userSessions.lastSeenAt, asOf),
        ),
      );
  }
  return {
    fin: session.fin,
    surname: session.surname,
    name: session.name,
    patronymic: session.patronymic,
    certificateSerial: session.certificateSerial,
    method: session.method,
    employerId: session.employerId,
    sessionId: session.id,
  };
}
