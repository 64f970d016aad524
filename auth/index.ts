import NextAuth from 'next-auth';
import { getDb } from '@/db/client';
import { endSessions } from '@/lib/server/sessions/end-sessions';
import { authConfig } from './config';
import { asanProvider, esignProvider, staffAsanProvider, staffEsignProvider } from './providers';
import { sessionIdOfToken } from './session-token';

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [esignProvider, asanProvider, staffEsignProvider, staffAsanProvider],
  events: {
    // Auth.js's own sign-out (POST /api/auth/signout) ends the row too, not only the cookie.
    // The app's sign-out action has ended it already; a second end changes nothing.
    async signOut(message) {
      const sessionId = 'token' in message ? sessionIdOfToken(message.token) : null;
      if (sessionId !== null) await endSessions(await getDb(), { sessionId }, 'SIGN_OUT');
    },
  },
});
