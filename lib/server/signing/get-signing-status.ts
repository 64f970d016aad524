import 'server-only';
import type { SigningStatus } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { now } from '@/lib/server/clock';
import { expireIfDue, findOwnSession } from './sessions';

export type SigningStatusView = {
  ok: true;
  status: SigningStatus;
  verificationCode: string;
  expiresAt: Date;
  /** Null until a wrong PIN was entered; then the tries the PIN has left. */
  triesLeft: number | null;
  consumed: boolean;
};

/**
 * What the waiting page polls: the session's status, its code and deadline. A PENDING session
 * past its deadline is turned into TIMEOUT here (persisted), so the page learns it without a
 * background job. Only the browser that started the session sees it (`browser`, its secret);
 * any other caller gets NOT_FOUND, as for an unknown id (issue 12 §3). SPEC A3, DOMAIN.md §10.
 */
export async function getSigningStatus(
  db: DbOrTx,
  sessionId: string,
  browser: string | null,
): Promise<SigningStatusView | { ok: false; code: 'NOT_FOUND' }> {
  const session = await findOwnSession(db, sessionId, browser);
  if (!session) return { ok: false, code: 'NOT_FOUND' };
  const status = await expireIfDue(db, session, now());
  return {
    ok: true,
    status,
    verificationCode: session.verificationCode,
    expiresAt: session.expiresAt,
    triesLeft: session.triesLeft,
    consumed: session.consumedAt !== null,
  };
}
