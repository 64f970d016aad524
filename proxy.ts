import NextAuth from 'next-auth';
import { authConfig } from './auth/config';

// Next 16 proxy (Node runtime). Redirects anonymous visitors of signed-in areas to /login and
// refreshes the session cookie on each page request (the 30-minute idle timer). Not the check:
// every page and action still goes through lib/server/access.
const { auth } = NextAuth(authConfig);
export const proxy = auth;

export const config = {
  matcher: ['/((?!api|_next/static|_next/image|favicon.ico|simulator).*)'],
};
