import type { NextAuthConfig } from 'next-auth';
import type { Principal } from '@/lib/server/principal';

/** Idle timeout (issue 4): the session cookie lives 30 minutes past the last request. */
export const SESSION_IDLE_SECONDS = 30 * 60;

const AREAS_NEEDING_LOGIN = [
  '/employers',
  '/home',
  '/info',
  '/authorities',
  '/reports',
  '/cabinet',
];

/**
 * The DB-free part of the Auth.js configuration, shared by proxy.ts and auth/index.ts. The proxy
 * only redirects anonymous visitors and refreshes the idle timer; the guard in lib/server/access
 * is what decides access.
 */
export const authConfig = {
  // `npm run dev` must work without setup; production (next start) refuses to run without a secret.
  secret:
    process.env.AUTH_SECRET ??
    (process.env.NODE_ENV === 'production'
      ? undefined
      : 'hesabat-development-only-secret-not-for-production'),
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: SESSION_IDLE_SECONDS, updateAge: 0 },
  trustHost: true,
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const path = request.nextUrl.pathname;
      const needsLogin = AREAS_NEEDING_LOGIN.some((p) => path === p || path.startsWith(`${p}/`));
      return needsLogin ? Boolean(auth?.user) : true;
    },
    // The JWT carries the Principal as it is (who, with which certificate, the employer chosen).
    jwt({ token, user, trigger, session }) {
      if (user) {
        const identity = user as unknown as Principal;
        token.identity = { ...identity, employerId: null };
      }
      // Only the server calls update (choose-employer action); the guard re-checks every request anyway.
      if (trigger === 'update' && token.identity && session && typeof session === 'object') {
        const employerId = (session as { employerId?: unknown }).employerId;
        if (typeof employerId === 'string' || employerId === null) {
          token.identity = { ...(token.identity as Principal), employerId };
        }
      }
      return token;
    },
    session({ session, token }) {
      const identity = token.identity as Principal | undefined;
      if (identity) {
        (session as unknown as { identity: Principal }).identity = identity;
        session.user = { ...session.user, name: `${identity.name} ${identity.surname}` };
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
