import NextAuth from 'next-auth';
import type { NextMiddleware } from 'next/server';
import { authConfig } from './auth/config';
import { refuseBadRequest } from './lib/edge/action-request-guard';

// Next 16 proxy (Node runtime). Redirects anonymous visitors of signed-in areas to /login and
// refreshes the session cookie on each page request (the 30-minute idle timer). Not the check:
// every page and action still goes through lib/server/access.
const { auth } = NextAuth(authConfig);
// Called with (request, event), `auth` is the proxy itself (as `export const proxy = auth`); its
// overloaded type does not spell that form out.
const authProxy = auth as unknown as NextMiddleware;

// A cross-site, oversized or unreadable request is refused first: Next would answer it 500.
// Route handlers under /api get only that check; the session refresh is for pages.
export const proxy: NextMiddleware = async (request, event) =>
  (await refuseBadRequest(request)) ??
  (request.nextUrl.pathname.startsWith('/api/') ? undefined : authProxy(request, event));

// Every path but static files: the checks above cover /api and the simulator's page too.
export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
