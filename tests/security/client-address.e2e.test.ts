import { randomInt } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertServerUp, BASE_URL, launchBrowser, newPage } from '../e2e/helpers/browser';

// Issue 12 §7 against the running server (TRUSTED_PROXIES unset): the per-address limits key on
// the socket's peer, so a client that writes a new X-Forwarded-For (or our private peer header)
// into every request still runs into them. Each test speaks from its own loopback address
// (127.x.y.z; Linux routes all of 127/8 to lo), so the windows it exhausts are nobody else's.

const HASH = 'a'.repeat(64);
const UNKNOWN_SERIAL = 'AZ9999999999';

type Reply = { status: number; body: string };

/** A fresh loopback address (not 127.0.0.1, which the other e2e tests speak from). */
function loopbackAddress(): string {
  return `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/** One request to the server, sent from `localAddress`. */
function send(
  localAddress: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const base = new URL(BASE_URL);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: base.port || 80,
        localAddress,
        path,
        method: options.method ?? 'GET',
        headers: { host: base.host, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Headers a client that rotates its claimed address sends with its nth request. */
function spoofed(n: number): Record<string, string> {
  return {
    'x-forwarded-for': `198.51.100.${n % 250}, 203.0.113.${n % 250}`,
    'x-real-ip': `192.0.2.${n % 250}`,
    'x-hesabat-peer': `192.0.2.${n % 250}`,
  };
}

// The refusal as the page shows it: a text node (the catalogue in the page's data has it quoted).
const isVerifyLimited = (reply: Reply) => />Çox sayda yoxlama/.test(reply.body);
// The refusal is the action's answer, in the flight payload: {"ok":false,…,"message":"Çox sayda cəhd…"}.
const isLoginLimited = (reply: Reply) => /"message":"Çox sayda cəhd/.test(reply.body);

describe('per-address limits take the socket address, not X-Forwarded-For (issue 12 §7)', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('/verify: 30 checks a minute per address, however X-Forwarded-For rotates', async () => {
    const attacker = loopbackAddress();
    const path = `/verify?receipt=HS-0000-0000&hash=${HASH}`;
    const replies: Reply[] = [];
    for (let n = 1; n <= 31; n += 1) {
      replies.push(await send(attacker, path, { headers: spoofed(n) }));
    }
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(replies.slice(0, 30).filter(isVerifyLimited)).toHaveLength(0);
    expect(isVerifyLimited(replies[30]!)).toBe(true);

    // The limit is the attacker's address's, not everyone's.
    expect(isVerifyLimited(await send(loopbackAddress(), path))).toBe(false);
  });

  it('card login: 20 starts a minute per address, however X-Forwarded-For rotates', async () => {
    // The start action's id and request, as the login page sends it.
    const { context, page } = await newPage(browser);
    await page.goto('/login?method=esign', { waitUntil: 'networkidle' });
    await page.getByTestId('open-signing-program').click();
    await page.getByRole('radio').first().check();
    const started = page.waitForRequest(
      (r) => r.method() === 'POST' && r.headers()['next-action'] !== undefined,
    );
    await page.getByTestId('certificate-ok').click();
    const held = await started;
    const actionId = held.headers()['next-action']!;
    await context.close();

    const attempt = (from: string, n: number) =>
      send(from, '/login?method=esign', {
        method: 'POST',
        headers: {
          ...spoofed(n),
          'next-action': actionId,
          'content-type': 'text/plain;charset=UTF-8',
          accept: 'text/x-component',
          origin: new URL(BASE_URL).origin,
        },
        body: JSON.stringify([UNKNOWN_SERIAL]),
      });

    const attacker = loopbackAddress();
    const replies: Reply[] = [];
    for (let n = 1; n <= 21; n += 1) replies.push(await attempt(attacker, n));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(replies.slice(0, 20).filter(isLoginLimited)).toHaveLength(0);
    expect(isLoginLimited(replies[20]!)).toBe(true);

    expect(isLoginLimited(await attempt(loopbackAddress(), 0))).toBe(false);
  });
});
