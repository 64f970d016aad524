import NextAuth from 'next-auth';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { withPageSecurityHeaders } from './lib/edge/security-headers';
import { authConfig } from './auth/config';

// Next 16 proxy (Node runtime). Redirects anonymous visitors of signed-in areas to /login and
// refreshes the session cookie on each page request (the 30-minute idle timer). Not the check:
// every page and action still goes through lib/server/access. Every page also gets its
// nonce-based Content-Security-Policy here (issue 12 §8); the simulators' pages need no session.
const { auth } = NextAuth(authConfig);
// next-auth implements `auth(request, event)` as a middleware (its "inline" form, which the
// plain `export const proxy = auth` used) but leaves that overload out of its types.
const sessionProxy = auth as unknown as (req: NextRequest, ev: NextFetchEvent) => Promise<Response>;

export async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  const isSimulator = request.nextUrl.pathname.startsWith('/simulator');
  const upstream = isSimulator ? NextResponse.next() : await sessionProxy(request, event);
  return withPageSecurityHeaders(request, upstream);
}

export const config = {
  matcher: ['/((?!api|_next/static|_next/image|favicon.ico).*)'],
};
