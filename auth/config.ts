import type { NextAuthConfig } from 'next-auth';
import { SESSION_IDLE_SECONDS } from '@/lib/domain/session-policy';
import { sessionIdOfToken } from './session-token';

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
 * only redirects anonymous visitors and refreshes the cookie; the guard in lib/server/access,
 * which loads the session's row on every request, is what decides access (issue 12 §1).
 */
export const authConfig = {
  // `npm run dev` must work without setup; production (next start) refuses to run without a secret.
  secret:
    process.env.AUTH_SECRET ??
    (process.env.NODE_ENV === 'production'
      ? undefined
      : 'hesabat-development-only-secret-not-for-production'),
  pages: { signIn: '/login' },
  // The cookie outlives no idle session; the row's idle and absolute ends are the ones enforced.
  session: { strategy: 'jwt', maxAge: SESSION_IDLE_SECONDS, updateAge: 0 },
  trustHost: true,
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const path = request.nextUrl.pathname;
      // The staff dashboard (issue 14): everything under /admin but its own login page.
      const staffArea =
        (path === '/admin' || path.startsWith('/admin/')) && path !== '/admin/login';
      if (staffArea && !auth?.user) {
        return Response.redirect(new URL('/admin/login', request.nextUrl));
      }
      const needsLogin = AREAS_NEEDING_LOGIN.some((p) => path === p || path.startsWith(`${p}/`));
      return needsLogin ? Boolean(auth?.user) : true;
    },
    // The token names the server-side session and carries nothing else. At sign-in the provider
    // has opened the row (auth/providers.ts). Afterwards nothing a request sends is read — not
    // even a client's update() (POST /api/auth/session with `data`): the employer chosen and
    // everything else change only in the row, through the server's use cases (issue 12 §2).
    jwt({ token, user }) {
      const sessionId = sessionIdOfToken(user ?? token);
      return sessionId === null ? null : { sid: sessionId };
    },
    // The browser's /api/auth/session learns only when the cookie expires. Server-side auth()
    // still gets the token: next-auth passes it as `user` when this answer has none.
    session({ session }) {
      return { expires: session.expires };
    },
  },
} satisfies NextAuthConfig;
