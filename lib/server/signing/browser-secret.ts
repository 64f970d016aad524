import 'server-only';
import { cookies, headers } from 'next/headers';
import { configuredPublicUrl } from '../public-url';
import { currentRequestContext } from '../request-context';
import { isBrowserSecret, newBrowserSecret } from './browser-binding';

// The browser's side of the signing binding (browser-binding.ts): the cookie that carries the
// secret. Read by every action and route that polls, finishes or cancels a session; set by the
// ones that start one.

export const SIGNING_BROWSER_COOKIE = 'hesabat-signing';

/** Long enough for the 2-minute answer, its collection grace and a slow check page; renewed on each start. */
const COOKIE_MAX_AGE_SECONDS = 15 * 60;

/**
 * The calling browser's signing secret, or null when it has none: the cookie in a request, the
 * context's `browserSecret` in the integration suite (which has no cookies).
 */
export async function signingBrowser(): Promise<string | null> {
  const context = currentRequestContext();
  const secret = context
    ? context.browserSecret
    : (await cookies()).get(SIGNING_BROWSER_COOKIE)?.value;
  return isBrowserSecret(secret) ? secret : null;
}

/**
 * The secret a new session is bound to: the browser's own (its cookie renewed), or a new one set
 * as its cookie. Only for a server action or route handler that starts a session.
 */
export async function startSigningBrowser(): Promise<string> {
  const secret = (await signingBrowser()) ?? newBrowserSecret();
  const context = currentRequestContext();
  if (context) {
    context.browserSecret = secret;
    return secret;
  }
  (await cookies()).set(SIGNING_BROWSER_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'strict',
    secure: await servedOverHttps(),
    path: '/',
    maxAge: COOKIE_MAX_AGE_SECONDS,
  });
  return secret;
}

/**
 * HTTPS as the browser sees it: the configured public address, or the scheme the proxy (or Next
 * itself) forwards. A client that lies about it only loses its own cookie over plain HTTP.
 */
async function servedOverHttps(): Promise<boolean> {
  if (configuredPublicUrl()?.startsWith('https:')) return true;
  const proto = (await headers()).get('x-forwarded-proto')?.split(',')[0]?.trim();
  return proto === 'https';
}
