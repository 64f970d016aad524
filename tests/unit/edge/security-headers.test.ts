import { NextRequest, NextResponse } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  contentSecurityPolicy,
  createNonce,
  withPageSecurityHeaders,
} from '@/lib/edge/security-headers';

// Issue 12 §8: the page policy and how the proxy hands it to the render and to the browser.

const policyOf = (nonce: string, development = false, https = false) =>
  new Map(
    contentSecurityPolicy({ nonce, development, https })
      .split('; ')
      .map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]),
  );

describe('contentSecurityPolicy', () => {
  it('production: nonce scripts only, nothing inline or evaluated, no framing, no plugins', () => {
    const d = policyOf('abc');
    expect(d.get('script-src')).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(d.get('style-src')).toEqual(["'self'", "'nonce-abc'"]);
    expect(d.get('style-src-attr')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.has('upgrade-insecure-requests')).toBe(false);
  });

  it("development adds 'unsafe-eval' and inline styles (next dev's overlay)", () => {
    const d = policyOf('abc', true);
    expect(d.get('script-src')).toContain("'unsafe-eval'");
    expect(d.get('script-src')).not.toContain("'unsafe-inline'");
    expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('over HTTPS, upgrades any http subresource', () => {
    expect(policyOf('abc', false, true).has('upgrade-insecure-requests')).toBe(true);
  });
});

describe('createNonce', () => {
  it('is 128 random bits in base64, new each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('withPageSecurityHeaders', () => {
  afterEach(() => vi.unstubAllEnvs());
  const request = (headers: Record<string, string> = {}) =>
    new NextRequest('http://localhost/login', { headers });

  it('going on: the request carries the policy the response sends, cookies kept', () => {
    const upstream = NextResponse.next();
    upstream.headers.append('set-cookie', 'a=1; Path=/');
    const response = withPageSecurityHeaders(request(), upstream);
    const policy = response.headers.get('content-security-policy');
    expect(policy).toMatch(/'nonce-[^']+'/);
    expect(response.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
    expect(response.headers.get('x-middleware-next')).toBe('1');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/']);
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('a redirect or a refusal is sent as it is, with the policy', () => {
    const redirect = withPageSecurityHeaders(
      request(),
      NextResponse.redirect('http://localhost/login'),
    );
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const refusal = withPageSecurityHeaders(request(), new Response('no', { status: 403 }));
    expect(refusal.status).toBe(403);
    expect(refusal.headers.get('x-middleware-next')).toBeNull();
  });

  it('HSTS when PUBLIC_URL is https; a client-sent X-Forwarded-Proto alone is not enough', () => {
    expect(
      withPageSecurityHeaders(
        request({ 'x-forwarded-proto': 'https' }),
        NextResponse.next(),
      ).headers.get('strict-transport-security'),
    ).toBeNull();
    vi.stubEnv('PUBLIC_URL', 'https://hesabat.example.az');
    expect(
      withPageSecurityHeaders(request(), NextResponse.next()).headers.get(
        'strict-transport-security',
      ),
    ).toMatch(/^max-age=63072000/);
  });

  it('behind TRUSTED_PROXIES=1, the proxy’s X-Forwarded-Proto decides', () => {
    vi.stubEnv('TRUSTED_PROXIES', '1');
    expect(
      withPageSecurityHeaders(
        request({ 'x-forwarded-proto': 'https' }),
        NextResponse.next(),
      ).headers.get('strict-transport-security'),
    ).toMatch(/^max-age=/);
  });
});
