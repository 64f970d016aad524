import NextAuth from 'next-auth';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { authConfig } from './auth/config';
import { refuseBadRequest } from './lib/edge/action-request-guard';
import { withPageSecurityHeaders } from './lib/edge/security-headers';

// Next 16 proxy (Node runtime). Redirects anonymous visitors of signed-in areas to /login and
// refreshes the session cookie on each page request (the 30-minute idle timer). Not the check:
// every page and action still goes through lib/server/access. Every page also gets its
// nonce-based Content-Security-Policy here (issue 12 §8); the simulators' pages need no session.
const { auth } = NextAuth(authConfig);
// next-auth implements `auth(request, event)` as a middleware (its "inline" form, which the
// plain `export const proxy = auth` used) but leaves that overload out of its types.
const sessionProxy = auth as unknown as (req: NextRequest, ev: NextFetchEvent) => Promise<Response>;

export async function proxy(
  request: NextRequest,
  event: NextFetchEvent,
): Promise<Response | undefined> {
  // A cross-site, oversized or unreadable request is refused first: Next would answer it 500.
  const refused = await refuseBadRequest(request);
  const path = request.nextUrl.pathname;
  // Route handlers under /api get only that check (their headers come from next.config.mjs).
  if (path.startsWith('/api/')) return refused ?? undefined;
  if (refused) return withPageSecurityHeaders(request, refused);
  const upstream = path.startsWith('/simulator')
    ? NextResponse.next()
    : await sessionProxy(request, event);
  return withPageSecurityHeaders(request, upstream);
}

// Every path but static files (the build's and public/'s, which need no session, no nonce and
// no body check): the checks above cover /api and the simulator's page too.
export const config = {
  matcher: [
    '/((?!_next/static|_next/image|favicon.ico|robots.txt|manifest.webmanifest|icon-192.png|icon-512.png).*)',
  ],
};
