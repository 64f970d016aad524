import { NextResponse, type NextRequest } from 'next/server';
import { forwardedClient } from './forwarded-client';
import { STRICT_TRANSPORT_SECURITY } from './static-security-headers.mjs';

// The page half of the security headers (issue 12 §8): a Content-Security-Policy with a fresh
// nonce per request, set on the request too, because Next.js reads the nonce from the request's
// policy and puts it on every script and style it renders. The static headers (nosniff,
// Referrer-Policy, Permissions-Policy) come from next.config.mjs on every path.

/** 128 random bits, base64: unguessable, so an injected script cannot carry it. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy of a page. Scripts: only those carrying the nonce, and what they load
 * ('strict-dynamic'); no 'unsafe-inline'. Styles: the same-origin stylesheets and nonced
 * <style> elements; no inline style attributes in server-rendered HTML (the app has none;
 * React's client-side style updates go through the CSSOM, which CSP does not restrict).
 * Development adds 'unsafe-eval' (React's dev tooling evaluates code) and inline <style>
 * elements (no nonce on them: 'unsafe-inline' counts only without one); never in production.
 */
export function contentSecurityPolicy(input: {
  nonce: string;
  development: boolean;
  https: boolean;
}): string {
  const { nonce, development, https } = input;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // `next dev` injects <style> elements without the nonce (its overlay, hot reloading).
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    ...(development ? [] : ["style-src-attr 'none'"]),
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Over plain http (a developer's machine, the e2e server) upgrading would break every load.
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/**
 * `upstream` (the session proxy's answer: go on, a redirect, a refusal) with the page's security
 * headers. Going on (NextResponse.next(), which Next marks with x-middleware-next), the request
 * continues with the policy in its headers (and the nonce in x-nonce for a component that needs
 * it), keeping upstream's cookies; any other answer is sent as it is, with the headers added.
 */
export function withPageSecurityHeaders(request: NextRequest, upstream: Response): Response {
  const nonce = createNonce();
  const https = forwardedClient(request.headers).https;
  const policy = contentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === 'development',
    https,
  });
  let response = upstream;
  if (upstream.headers.get('x-middleware-next') === '1') {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('content-security-policy', policy);
    requestHeaders.set('x-nonce', nonce);
    response = NextResponse.next({ request: { headers: requestHeaders } });
    for (const cookie of upstream.headers.getSetCookie()) {
      response.headers.append('set-cookie', cookie);
    }
  }
  response.headers.set('content-security-policy', policy);
  if (https) response.headers.set('strict-transport-security', STRICT_TRANSPORT_SECURITY);
  return response;
}
