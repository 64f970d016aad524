import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertServerUp, BASE_URL, launchBrowser, newPage } from '../e2e/helpers/browser';

// Issue 12 §3, the attack as it was shown with Vüqar Həsənov: browser A starts an Asan İmza
// login, the holder confirms on the phone, and browser B — which has only the session id — calls
// the finish action and the poll route first. B must be refused and stay signed out; A, whose
// cookie the session is bound to, then signs in with the very same request.

const VUQAR = { phone: '055 100 00 03', userId: '100003' };
const NOT_FOUND_AZ = 'Sorğu tapılmadı.';

type HeldRequest = { url: string; headers: Record<string, string>; body: string };

/** Whether the server takes this context's cookies for a session: /employers opens or redirects. */
async function isSignedIn(context: BrowserContext): Promise<boolean> {
  const response = await context.request.get('/employers', { maxRedirects: 0 });
  return response.status() === 200;
}

/** Replays a held server-action request from another context (its own cookies, no others). */
async function replay(context: BrowserContext, held: HeldRequest) {
  const headers: Record<string, string> = { ...held.headers, origin: BASE_URL };
  // An intercepted request carries the browser's cookies: the replaying context sends its own.
  delete headers.cookie;
  delete headers['content-length'];
  return context.request.post(held.url, { headers, data: held.body, maxRedirects: 0 });
}

describe('signing sessions are bound to the browser (issue 12 §3, §9)', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('browser B with the session id cannot poll or finish A’s confirmed Asan login; A can', async () => {
    const a = await newPage(browser);
    const b = await newPage(browser);
    const phone = await newPage(browser);

    // The session id as browser A's page holds it: in the address it polls.
    const polled = new Set<string>();
    a.page.on('request', (request) => {
      const id = /\/api\/signing-sessions\/([0-9a-f-]{36})/.exec(request.url())?.[1];
      if (id) polled.add(id);
    });
    // A's own finish call is held back, so B gets to try first with the same request.
    let held: HeldRequest | null = null;
    await a.page.route(
      (url) => url.pathname === '/login',
      async (route) => {
        const request = route.request();
        const body = request.postData() ?? '';
        if (
          request.method() === 'POST' &&
          request.headers()['next-action'] &&
          /"sessionId"/.test(body)
        ) {
          held = { url: request.url(), headers: request.headers(), body };
          await route.abort();
          return;
        }
        await route.continue();
      },
    );

    await a.page.goto('/login?method=asan', { waitUntil: 'networkidle' });
    // §9: the test-mode banner, on the login page while SIMULATORS=on.
    const banner = a.page.getByRole('complementary', { name: 'Sınaq rejimi' });
    expect(await banner.textContent()).toContain(
      'Sınaq rejimi: elektron imza və Asan İmza simulyasiya olunur',
    );
    expect(await banner.isVisible()).toBe(true);

    await a.page.getByLabel('Mobil nömrə').fill(VUQAR.phone);
    await a.page.getByLabel('İstifadəçi İD').fill(VUQAR.userId);
    await a.page.getByTestId('asan-submit').click();
    const code = (await a.page.getByTestId('verification-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^\d{4}$/);
    await expect.poll(() => polled.size).toBe(1);
    const [sessionId] = [...polled];
    if (!sessionId) throw new Error('no session id polled');

    // The phone is another device: no cookie of A's. Its listing names no session.
    const listing = await phone.context.request.get(
      `/api/simulator/phone-requests?phone=${encodeURIComponent(VUQAR.phone)}`,
    );
    expect(await listing.text()).not.toContain(sessionId);
    await phone.page.goto(`/simulator/phone?phone=${encodeURIComponent(VUQAR.phone)}`, {
      waitUntil: 'networkidle',
    });
    const request = phone.page.getByTestId('phone-request').filter({ hasText: code });
    await request.getByLabel(/PIN1/).fill('1234');
    await request.getByTestId('phone-confirm').click();
    await phone.page.getByTestId('phone-notice').waitFor();

    // A's page saw OK and tried to finish: held.
    await expect.poll(() => held !== null, { timeout: 20_000 }).toBe(true);
    const finish = held as unknown as HeldRequest;
    expect(finish.body).toContain(sessionId);

    // Browser B, which never had A's cookie: the poll route and the finish action refuse it.
    const poll = await b.context.request.get(`/api/signing-sessions/${sessionId}`);
    expect(poll.status()).toBe(404);
    expect(await poll.json()).toMatchObject({ status: 'NOT_FOUND' });
    const stolen = await replay(b.context, finish);
    expect(stolen.status()).toBe(200);
    expect(stolen.headers()['x-action-redirect']).toBeUndefined();
    expect(await stolen.text()).toContain(NOT_FOUND_AZ);
    // Straight to Auth.js's credentials callback, past the action: refused too.
    const csrf = (await (await b.context.request.get('/api/auth/csrf')).json()) as {
      csrfToken: string;
    };
    await b.context.request.post('/api/auth/callback/asan', {
      form: { csrfToken: csrf.csrfToken, sessionId },
      maxRedirects: 0,
    });
    expect(await isSignedIn(b.context)).toBe(false);
    await b.page.goto('/employers');
    await b.page.waitForURL(/\/login/);

    // A, with its cookie, finishes with the same request and is signed in.
    expect((await a.context.request.get(`/api/signing-sessions/${sessionId}`)).status()).toBe(200);
    const own = await replay(a.context, finish);
    expect(own.headers()['x-action-redirect']).toMatch(/^\/employers/);
    expect(await isSignedIn(a.context)).toBe(true);

    // The signing cookie itself: httpOnly, SameSite=Strict, path /.
    const cookie = (await a.context.cookies()).find((c) => c.name === 'hesabat-signing');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.value).toMatch(/^[\w-]{43}$/);

    await Promise.all([a.context.close(), b.context.close(), phone.context.close()]);
  });

  it('the waiting login page cancels its own session (§4: login from the login page)', async () => {
    const a = await newPage(browser);
    const polled = new Set<string>();
    a.page.on('request', (request) => {
      const id = /\/api\/signing-sessions\/([0-9a-f-]{36})/.exec(request.url())?.[1];
      if (id) polled.add(id);
    });
    await a.page.goto('/login?method=asan', { waitUntil: 'networkidle' });
    await a.page.getByLabel('Mobil nömrə').fill(VUQAR.phone);
    await a.page.getByLabel('İstifadəçi İD').fill(VUQAR.userId);
    await a.page.getByTestId('asan-submit').click();
    await a.page.getByTestId('verification-code').waitFor();
    await expect.poll(() => polled.size).toBe(1);
    await a.page.getByTestId('asan-cancel').click();
    await a.page.getByTestId('asan-submit').waitFor();
    const [sessionId] = [...polled];
    const status = await a.context.request.get(`/api/signing-sessions/${sessionId}`);
    expect(await status.json()).toMatchObject({ status: 'USER_CANCELLED' });
    await a.context.close();
  });
});
