import 'server-only';
import type { SigningStatus } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { writeAudit } from '@/lib/server/audit';
import { now } from '@/lib/server/clock';
import { expireIfDue, findSession, settlePending } from './sessions';

/**
 * The holder closes the dialog or the waiting page: a PENDING session becomes USER_CANCELLED.
 * A session that already ended keeps its outcome (answers with it). DOMAIN.md §10.
 */
export async function cancelSigning(
  db: DbOrTx,
  input: { sessionId: string; ip?: string | null },
): Promise<{ ok: true; status: SigningStatus } | { ok: false; code: 'NOT_FOUND' }> {
  return db.transaction(async (tx) => {
    const session = await findSession(tx, input.sessionId, true);
    if (!session) return { ok: false as const, code: 'NOT_FOUND' as const };
    const at = now();
    const status = await expireIfDue(tx, session, at);
    if (status !== 'PENDING') return { ok: true as const, status };
    await settlePending(tx, session.id, 'USER_CANCELLED', { answeredAt: at });
    await writeAudit(tx, {
      action: 'SIGNING_ANSWER',
      outcome: 'FAILURE',
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
