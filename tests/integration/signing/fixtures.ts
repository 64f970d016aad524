import { eq } from 'drizzle-orm';
import { parsePrivateJwk, type PrivateSigningJwk } from '@/auth/signing';
import { certificates, signingSessions } from '@/db/schema';
import { demoIdentity, type DemoIdentity } from '@/db/seed/demo-identities';
import type { DbOrTx } from '@/db/types';

// Shared helpers of the signing suites (not a test file).

export const cardSerial = (who: DemoIdentity | string) =>
  `CARD-${(typeof who === 'string' ? demoIdentity(who) : who).cardNumber}`;
export const asanSerial = (who: DemoIdentity | string) =>
  `ASAN-${(typeof who === 'string' ? demoIdentity(who) : who).asanUserId}`;

/** Direct update: signing_sessions is not append-only, so a test may age a session. */
export async function expireSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db
    .update(signingSessions)
    .set({ expiresAt: new Date(Date.now() - 5 * 60_000) })
    .where(eq(signingSessions.id, sessionId));
}

export async function sessionRow(db: DbOrTx, sessionId: string) {
  const [row] = await db.select().from(signingSessions).where(eq(signingSessions.id, sessionId));
  if (!row) throw new Error(`no session ${sessionId}`);
  return row;
}

export async function privateKeyOf(db: DbOrTx, serial: string): Promise<PrivateSigningJwk> {
  const [row] = await db.select().from(certificates).where(eq(certificates.serial, serial));
  if (!row) throw new Error(`no certificate ${serial}`);
  return parsePrivateJwk(row.privateJwk);
}

export async function certificateRow(db: DbOrTx, serial: string) {
  const [row] = await db.select().from(certificates).where(eq(certificates.serial, serial));
  if (!row) throw new Error(`no certificate ${serial}`);
  return row;
}

/** Narrows a result union in a test, with the failure shown when it is not what we expect. */
export function expectOk<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}
