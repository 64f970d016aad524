import 'server-only';
import type { SigningStatus } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { writeAudit } from '@/lib/server/audit';
import { now } from '@/lib/server/clock';
import { expireIfDue, findOwnSession, settlePending, type SigningSession } from './sessions';

/**
 * Whose session a cancel may touch (issue 12 §4): a login session from the login page; a
 * document signature from the sending actions, and only the acting person's for the employer
 * they act for.
 */
export type CancelOwner =
  { purpose: 'LOGIN' } | { purpose: 'SIGN'; employerId: string; certificateSerial: string };

function ownedBy(session: SigningSession, owner: CancelOwner): boolean {
  if (session.purpose !== owner.purpose) return false;
  if (owner.purpose === 'LOGIN') return true;
  return (
    session.employerId === owner.employerId && session.certificateSerial === owner.certificateSerial
  );
}

/**
 * The holder closes the dialog or the waiting page: a PENDING session becomes USER_CANCELLED.
 * A session that already ended keeps its outcome (answers with it). Only the browser that
 * started the session, for the purpose and owner of the caller, can cancel it; anything else
 * answers NOT_FOUND, as for an unknown id, and changes nothing. DOMAIN.md §10.
 */
export async function cancelSigning(
  db: DbOrTx,
  input: { sessionId: string; browser: string | null; owner: CancelOwner; ip?: string | null },
): Promise<{ ok: true; status: SigningStatus } | { ok: false; code: 'NOT_FOUND' }> {
  return db.transaction(async (tx) => {
    const session = await findOwnSession(tx, input.sessionId, input.browser, true);
    if (!session || !ownedBy(session, input.owner))
      return { ok: false as const, code: 'NOT_FOUND' as const };
    const at = now();
    const status = await expireIfDue(tx, session, at);
    if (status !== 'PENDING') return { ok: true as const, status };
    await settlePending(tx, session.id, 'USER_CANCELLED', { answeredAt: at });
    await writeAudit(tx, {
      action: 'SIGNING_ANSWER',
      outcome: 'FAILURE',
      employerId: session.employerId,
      details: {
        sessionId: session.id,
        method: session.method,
        purpose: session.purpose,
        code: 'USER_CANCELLED',
      },
      ip: input.ip ?? null,
    });
    return { ok: true as const, status: 'USER_CANCELLED' as const };
  });
}
