import 'server-only';
import { randomUUID } from 'node:crypto';
import { userSessions } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { sessionExpiresAt, type SessionKind } from '@/lib/domain/session-policy';
import { writeAudit } from '../audit';
import { now } from '../clock';
import type { SignedInPerson } from '../principal';

/**
 * Opens the server-side session of a person a login just proved (issue 12 §1): a row with its
 * absolute end fixed now, no employer chosen yet. Its id is all the session cookie carries. A
 * STAFF session is the fund dashboard's (issue 14 §1); it never has an employer.
 */
export async function startUserSession(
  db: DbOrTx,
  person: SignedInPerson,
  asOf: Date = now(),
  kind: SessionKind = 'EMPLOYER',
): Promise<string> {
  const id = randomUUID();
  const expiresAt = sessionExpiresAt(kind, asOf);
  await db.transaction(async (tx) => {
    await tx.insert(userSessions).values({
      id,
      kind,
      fin: person.fin,
      surname: person.surname,
      name: person.name,
      patronymic: person.patronymic,
      certificateSerial: person.certificateSerial,
      method: person.method,
      employerId: null,
      createdAt: asOf,
      lastSeenAt: asOf,
      expiresAt,
    });
    await writeAudit(tx, {
      action: 'SESSION_STARTED',
      outcome: 'SUCCESS',
      actorFin: person.fin,
      details: {
        sessionId: id,
        kind,
        method: person.method,
        certificateSerial: person.certificateSerial,
        expiresAt: expiresAt.toISOString(),
      },
    });
  });
  return id;
}
