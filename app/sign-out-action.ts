'use server';

import { z } from 'zod';
import { signOut } from '@/auth';
import { formPost, principalAction, redirectTo } from '@/lib/server/actions';
import { getDb } from '@/lib/server/db';
import { endSessions } from '@/lib/server/sessions/end-sessions';

// The session's own actions (issue 12 §1): each ends or keeps the server-side session row, so a
// copy of the cookie is worth nothing afterwards. Their FormData is unused.

/** The header's and the idle warning's "Çıxış": this session ends on the server. */
export const signOutAction = formPost(
  principalAction(
    z.tuple([z.unknown()]),
    async (principal, _formData) => {
      if (principal.sessionId !== undefined) {
        await endSessions(await getDb(), { sessionId: principal.sessionId }, 'SIGN_OUT', {
          byFin: principal.fin,
        });
      }
      // Auth.js clears the session cookie; the client redirects after its try.
      await signOut({ redirect: false });
      return redirectTo('/');
    },
    { name: 'signOutAction' },
  ),
);

/** "Hər yerdən çıxış" (user menu, after a confirmation): every live session of the person ends. */
export const signOutEverywhereAction = formPost(
  principalAction(
    z.tuple([z.unknown()]),
    async (principal, _formData) => {
      await endSessions(await getDb(), { fin: principal.fin }, 'SIGN_OUT_EVERYWHERE', {
        byFin: principal.fin,
      });
      await signOut({ redirect: false });
      return redirectTo('/');
    },
    { name: 'signOutEverywhereAction' },
  ),
);

/**
 * The idle warning's "Davam et": the guard's check is the point — it marks the session as seen
 * (and answers the login page if it has ended meanwhile); the proxy re-issues the cookie.
 */
export const keepSessionAliveAction = principalAction(z.tuple([]), async () => ({
  ok: true as const,
}));
