import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertServerUp, BASE_URL, launchBrowser, newPage } from '../e2e/helpers/browser';
import { chooseEmployer, loginWithEsign } from '../e2e/helpers/login';

// Issue 12 §6 against the running server: what answered 500 before is a 4xx or a form message.

const XEZER = '"Xəzər Texnologiyaları" MMC';

function actionId(name: string): string {
  const manifest = JSON.parse(
    readFileSync(join(process.cwd(), '.next/server/server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, { exportedName?: string }> };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name);
  if (!found) throw new Error(`no server action ${name} in the build`);
  return found[0];
}

describe('bad input over HTTP (issue 12 §6)', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('/verify?receipt=HS%00… answers the page with a field error', async () => {
    const response = await fetch(`${BASE_URL}/verify?receipt=HS%00-2026-1&hash=${'a'.repeat(64)}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('idarəetmə simvolları');
  });

  it('a server action from another origin is a 403, one over 21 MB a 413', async () => {
    const id = actionId('startEsignLoginAction');
    const post = (headers: Record<string, string>, body: string) =>
      fetch(`${BASE_URL}/login`, {
        method: 'POST',
        headers: { 'next-action': id, 'content-type': 'text/plain;charset=UTF-8', ...headers },
        body,
      });
    const foreign = await post({ origin: 'https://evil.example' }, '["CARD-1"]');
    expect(foreign.status).toBe(403);
    const garbage = await post({ origin: 'garbage' }, '["CARD-1"]');
    expect(garbage.status).toBe(403);
    const large = await post({ origin: BASE_URL }, `["${'A'.repeat(22 * 1024 * 1024)}"]`);
    expect(large.status).toBe(413);
    expect(await large.text()).toContain('21 MB');
    const unreadable = await post({ origin: BASE_URL }, '{"not":"an array"}');
    expect(unreadable.status).toBe(400);
  });

  it('/api/auth/signin?callbackUrl=javascript: is a 400', async () => {
    const response = await fetch(`${BASE_URL}/api/auth/signin?callbackUrl=javascript:alert(1)`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
  });

  it('a file over the limit on /verify is refused in the browser with a message', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/verify', { waitUntil: 'networkidle' });
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url());
    });
    await page.setInputFiles('#verify-file', {
      name: 'big.json',
      mimeType: 'application/json',
      buffer: Buffer.alloc(22 * 1024 * 1024, 0x20),
    });
    await page.getByTestId('verify-file-submit').click();
    await expect.poll(() => page.locator('#verify-file-error').textContent()).toContain('20 MB');
    expect(posts).toEqual([]);
    await context.close();
  });

  it('the registry answers to=9999-12-31 with a field error, not a 500', async () => {
    const { context, page } = await newPage(browser);
    await loginWithEsign(page, 'Məmmədov Rəşad');
    await chooseEmployer(page, XEZER);
    const response = await page.goto('/reports/registry?to=9999-12-31', {
      waitUntil: 'networkidle',
    });
    expect(response?.status()).toBe(200);
    expect(await page.content()).toContain('2999-12-31');
    await context.close();
  });
});
