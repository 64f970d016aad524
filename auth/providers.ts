import type { User } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { signingBrowser } from '@/lib/server/signing/browser-secret';
import { completeLogin } from '@/lib/server/signing/complete-login';
import { findLiveStaffMember } from '@/lib/server/access';
import { now } from '@/lib/server/clock';
import { startUserSession } from '@/lib/server/sessions/start-user-session';
import { LoginRefused } from './login-error';

/**
 * Both providers accept only a verified signing session: the JWS over the session's challenge is
 * checked against the certificate (complete-login), and the session is consumed once — and only
 * from the browser that started it (its hesabat-signing cookie, issue 12 §3), whether the call
 * comes from the finish actions or straight to /api/auth/callback/*. Then the person's
 * server-side session (user_sessions) is opened.
 */
async function authorizeSigningSession(
  credentials: Partial<Record<string, unknown>>,
  kind: 'EMPLOYER' | 'STAFF' = 'EMPLOYER',
): Promise<User> {
  const sessionId = typeof credentials.sessionId === 'string' ? credentials.sessionId : '';
  const jws =
    typeof credentials.jws === 'string' && credentials.jws !== '' ? credentials.jws : undefined;
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) throw new LoginRefused('NOT_FOUND');
  const db = await getDb();
  const result = await completeLogin(db, { sessionId, jws, browser: await signingBrowser() });
  if (!result.ok) throw new LoginRefused(result.code);
  // The person lives in the server-side session; Auth.js passes this object to the jwt
  // callback as `user`, which keeps only the session's id in the cookie (auth/config.ts).
  // The staff dashboard's login (issue 14 §1) opens a STAFF session, for a live staff member only.
  if (kind === 'STAFF' && !(await findLiveStaffMember(db, result.principal.fin, now()))) {
    throw new LoginRefused('NOT_STAFF');
  }
  const sid = await startUserSession(db, result.principal, now(), kind);
  return { id: sid, sid } as User;
}

export const esignProvider = Credentials({
  id: 'esign',
  name: 'Elektron imza',
  credentials: { sessionId: {}, jws: {} },
  authorize: (credentials) => authorizeSigningSession(credentials),
});

export const asanProvider = Credentials({
  id: 'asan',
  name: 'Asan İmza',
  credentials: { sessionId: {} },
  authorize: (credentials) => authorizeSigningSession(credentials),
});

/** The fund staff dashboard's two ways in (/admin/login): the same signing, a STAFF session. */
export const staffEsignProvider = Credentials({
  id: 'staff-esign',
  name: 'Elektron imza (DSMF əməkdaşı)',
  credentials: { sessionId: {}, jws: {} },
  authorize: (credentials) => authorizeSigningSession(credentials, 'STAFF'),
});

export const staffAsanProvider = Credentials({
  id: 'staff-asan',
  name: 'Asan İmza (DSMF əməkdaşı)',
  credentials: { sessionId: {} },
  authorize: (credentials) => authorizeSigningSession(credentials, 'STAFF'),
});
