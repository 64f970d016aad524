import { demoIdentity } from '@/db/seed/demo-identities';
import type { DbOrTx } from '@/db/types';
import type { Locale } from '@/lib/i18n/locales';
import { resolveStaffAccess, type StaffScope } from '@/lib/server/access';
import { now } from '@/lib/server/clock';
import { runWithRequestContext } from '@/lib/server/request-context';
import { startUserSession } from '@/lib/server/sessions/start-user-session';

// Fund staff for integration tests (issue 14): the seed's demo staff (db/seed/staff.ts), signed
// in as the staff login does (a STAFF user_sessions row) or resolved straight to their scope by
// the guard's own core. Keys: staff-nesimi-operator, staff-nesimi-reviewer, staff-nesimi-head,
// staff-sebail-operator, staff-admin, staff-ended.

export const STAFF_KEYS = {
  operator: 'staff-nesimi-operator',
  reviewer: 'staff-nesimi-reviewer',
  head: 'staff-nesimi-head',
  otherBody: 'staff-sebail-operator',
  admin: 'staff-admin',
  ended: 'staff-ended',
} as const;

function personOf(key: string, method: 'ESIGN' | 'ASAN' = 'ESIGN') {
  const who = demoIdentity(key);
  return {
    fin: who.fin,
    surname: who.surname,
    name: who.name,
    patronymic: who.patronymic,
    certificateSerial: method === 'ESIGN' ? `CARD-${who.cardNumber}` : `ASAN-${who.asanUserId}`,
    method,
  };
}

/** Opens a STAFF session for a demo identity, as /admin/login does; returns its id. */
export async function startStaffSession(
  db: DbOrTx,
  key: string,
  asOf: Date = now(),
): Promise<string> {
  return startUserSession(db, personOf(key), asOf, 'STAFF');
}

/** Opens an EMPLOYER session (the employers' login) for a demo identity. */
export async function startEmployerSession(db: DbOrTx, key: string): Promise<string> {
  return startUserSession(db, personOf(key), now(), 'EMPLOYER');
}

/**
 * The scope the guard gives a live demo staff member (any role need), for calling staff use
 * cases directly. Throws for one who is not live staff (use the session for refusals).
 */
export async function staffScopeOf(
  db: DbOrTx,
  key: string,
  asOf: Date = now(),
): Promise<StaffScope> {
  const access = await resolveStaffAccess(db, personOf(key), null, asOf);
  if (!access.ok) throw new Error(`${key} is not live staff: ${access.reason}`);
  return access.scope;
}

/** Runs `fn` in the request of a session (staff or employer), as its cookie would. */
export function inSession<T>(sessionId: string, fn: () => Promise<T>, locale: Locale = 'az') {
  return runWithRequestContext({ principal: null, sessionId, locale }, fn);
}
