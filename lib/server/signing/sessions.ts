import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { verificationCode } from '@/auth/signing';
import { signingSessions, type SigningStatus } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { now } from '@/lib/server/clock';
import { browserHash, isSameBrowser } from './browser-binding';
import type { SessionFailureStatus, SigningCode } from './errors';

/*
 * Shared storage of signing sessions (login and documents), used by the start, status, complete
 * and simulator use cases. DOMAIN.md §10: 2 minutes to answer.
 */

export const ANSWER_WINDOW_MS = 2 * 60_000;
export type SigningSession = typeof signingSessions.$inferSelect;
export type StartedSession = { sessionId: string; verificationCode: string; expiresAt: Date };

/**
 * A new PENDING session, bound to `browser` (the starting browser's secret; the row keeps its
 * hash, issue 12 §3).
 */
export async function insertSigningSession(
  db: DbOrTx,
  input: Pick<SigningSession, 'purpose' | 'method' | 'certificateSerial' | 'payload' | 'hash'> &
    Partial<Pick<SigningSession, 'employerId' | 'documentKind' | 'requestIp'>> & {
      browser: string;
    },
): Promise<StartedSession> {
  const createdAt = now();
  const { browser, ...fields } = input;
  const row = {
    ...fields,
    browserHash: browserHash(browser),
    id: randomUUID(),
    verificationCode: verificationCode(input.hash),
    status: 'PENDING' as const,
    createdAt,
    expiresAt: new Date(createdAt.getTime() + ANSWER_WINDOW_MS),
  };
  await db.insert(signingSessions).values(row);
  return { sessionId: row.id, verificationCode: row.verificationCode, expiresAt: row.expiresAt };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The session, optionally row-locked; null for an unknown or malformed id (never a SQL error). */
export async function findSession(
  db: DbOrTx,
  sessionId: string,
  lock = false,
): Promise<SigningSession | null> {
  if (typeof sessionId !== 'string' || !UUID.test(sessionId)) return null;
  const query = db.select().from(signingSessions).where(eq(signingSessions.id, sessionId));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/**
 * The session as the browser that started it sees it: null — exactly as for an unknown id — when
 * `browser` is not the secret it was started with (issue 12 §3). Every poll, completion, card
 * answer and cancel loads through here; only the phone (another device) uses findSession.
 */
export async function findOwnSession(
  db: DbOrTx,
  sessionId: string,
  browser: string | null,
  lock = false,
): Promise<SigningSession | null> {
  const session = await findSession(db, sessionId, lock);
  return session && isSameBrowser(session.browserHash, browser) ? session : null;
}

/** Sets a status only while the session is still PENDING, so a late write never overrides an answer. */
export async function settlePending(
  db: DbOrTx,
  sessionId: string,
  status: SigningStatus,
  extra: Partial<Pick<SigningSession, 'jws' | 'triesLeft' | 'answeredAt'>> = {},
): Promise<boolean> {
  const rows = await db
    .update(signingSessions)
    .set({ status, ...extra })
    .where(and(eq(signingSessions.id, sessionId), eq(signingSessions.status, 'PENDING')))
    .returning({ id: signingSessions.id });
  return rows.length > 0;
}

/** A PENDING session past its deadline becomes TIMEOUT (persisted). Returns the current status. */
export async function expireIfDue(
  db: DbOrTx,
  session: SigningSession,
  at: Date,
): Promise<SigningStatus> {
  if (session.status !== 'PENDING' || at.getTime() <= session.expiresAt.getTime())
    return session.status;
  await settlePending(db, session.id, 'TIMEOUT');
  return 'TIMEOUT';
}

/**
 * Marks the session used, atomically: of two concurrent completions exactly one gets the row
 * (the other waits on the row lock, then finds consumed_at set). In the same statement a
 * session still PENDING becomes OK at `at` (a card answer verified straight from the browser
 * closes it); one the simulator or the phone already settled keeps its status and time.
 * Returns whether this call won.
 */
export async function consumeAndSettle(db: DbOrTx, sessionId: string, at: Date): Promise<boolean> {
  const pending = sql`${signingSessions.status} = 'PENDING'`;
  const rows = await db
    .update(signingSessions)
    .set({
      consumedAt: at,
      status: sql`case when ${pending} then 'OK' else ${signingSessions.status} end`,
      answeredAt: sql`case when ${pending} then ${at.toISOString()}::timestamptz else ${signingSessions.answeredAt} end`,
    })
    .where(and(eq(signingSessions.id, sessionId), isNull(signingSessions.consumedAt)))
    .returning({ id: signingSessions.id });
  return rows.length > 0;
}

/** The failure code a finished, unsuccessful session answers with; null for PENDING/OK. */
export function statusFailure(status: SigningStatus): SigningCode | null {
  const failures: Record<SessionFailureStatus | 'WRONG_PIN', SigningCode> = {
    USER_CANCELLED: 'USER_CANCELLED',
    TIMEOUT: 'TIMEOUT',
    WRONG_PIN: 'WRONG_PIN',
    PIN_BLOCKED: 'PIN_BLOCKED',
    CERTIFICATE_EXPIRED: 'CERTIFICATE_EXPIRED',
    CERTIFICATE_REVOKED: 'CERTIFICATE_REVOKED',
  };
  return status === 'PENDING' || status === 'OK' ? null : failures[status];
}

/** When a signing session started (the instant the signed figures were computed for), or null. */
export async function signingStartedAt(db: DbOrTx, sessionId: string): Promise<Date | null> {
  if (!UUID.test(sessionId)) return null;
  const [row] = await db
    .select({ createdAt: signingSessions.createdAt })
    .from(signingSessions)
    .where(eq(signingSessions.id, sessionId));
  return row?.createdAt ?? null;
}
