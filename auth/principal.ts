import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { now } from '@/lib/server/clock';
import type { Principal } from '@/lib/server/principal';
import { loadSessionPrincipal } from '@/lib/server/sessions/load-session-principal';
import { auth } from './index';
import { sessionIdOf } from './session-token';

/**
 * The signed-in person, once per request; null when signed out. The cookie only names a session
 * (auth/config.ts); whether it is still alive, and for whom and which employer, is the row's
 * answer (issue 12 §1), so a copied cookie dies with its session.
 */
export const getPrincipal = cache(async (): Promise<Principal | null> => {
  const sessionId = sessionIdOf(await auth());
  if (sessionId === null) return null;
  return loadSessionPrincipal(await getDb(), sessionId, now());
});

/**
 * The signed-in staff member's person (the fund dashboard's STAFF session, issue 14 §1), once
 * per request; null when signed out or when the cookie names an employer session.
 */
export const getStaffPrincipal = cache(async (): Promise<Principal | null> => {
  const sessionId = sessionIdOf(await auth());
  if (sessionId === null) return null;
  return loadSessionPrincipal(await getDb(), sessionId, now(), 'STAFF');
});
