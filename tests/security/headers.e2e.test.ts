import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertServerUp, BASE_URL, launchBrowser, newPage } from '../e2e/helpers/browser';
import { chooseEmployer, loginWithEsign } from '../e2e/helpers/login';

// Issue 12 §8 against the running server: security headers on every kind of response, and the
// main pages work under the Content-Security-Policy — no violation in the browser's console,
// client components hydrate.

const KUR = '"Kür İnşaat" ASC';

async function head(path: string, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetch(`${BASE_URL}${path}`, { headers, redirect: 'manual' });
  await response.arrayBuffer();
  return response;
}

function expectStaticHeaders(response: Response): void {
  const h = response.headers;
  expect(h.get('x-content-type-options')).toBe('nosniff');
  expect(h.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  const permissions = h.get('permissions-policy') ?? '';
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
    expect(permissions).toContain(`${feature}=()`);
  }
  expect(h.get('content-security-policy')).toContain("frame-ancestors 'none'");
  // Plain http here (no TLS, no trusted proxy): no HSTS.
  expect(h.get('strict-transport-security')).toBeNull();
}

/** The policy's directives by name. */
function directives(policy: string | null): Map<string, string[]> {
  return new Map(
    (policy ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectPagePolicy(policy: string | null): string {
  const d = directives(policy);
  const scripts = d.get('script-src') ?? [];
  const nonce = scripts.find((s) => s.startsWith("'nonce-"));
  expect(nonce).toBeDefined();
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'"); // a production server
  expect(d.get('style-src')).not.toContain("'unsafe-inline'");
  expect(d.get('object-src')).toEqual(["'none'"]);
  expect(d.get('frame-ancestors')).toEqual(["'none'"]);
  return nonce!.slice("'nonce-".length, -1);
}

/** Collects CSP (and Permissions-Policy) complaints and page errors of every page of `context`. */
async function watch(context: BrowserContext): Promise<string[]> {
  const problems: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `securitypolicyviolation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`,
      );
    });
  });
  context.on('console', (message) => {
    if (
      /Content Security Policy|securitypolicyviolation|Permissions-Policy/i.test(message.text())
    ) {
      problems.push(`${message.location().url}: ${message.text()}`);
    }
  });
  context.on('weberror', (error) => problems.push(`page error: ${error.error().message}`));
  return problems;
}

async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(path, { waitUntil: 'networkidle' });
  expect(response?.status(), path).toBeLessThan(400);
  expect(response?.headers()['content-security-policy'], path).toMatch(/'nonce-/);
}

describe('security headers (issue 12 §8)', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('a page: a nonce policy (new each request) that its scripts carry, and the static headers', async () => {
    const first = await fetch(`${BASE_URL}/login`);
    const html = await first.text();
    expectStaticHeaders(first);
    const nonce = expectPagePolicy(first.headers.get('content-security-policy'));
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    const second = await head('/login');
    expect(expectPagePolicy(second.headers.get('content-security-policy'))).not.toBe(nonce);
    // A redirect of the proxy (an anonymous visitor of a signed-in area) has them too.
    const redirect = await head('/home');
    expect(redirect.status).toBe(307);
    expectStaticHeaders(redirect);
    expectPagePolicy(redirect.headers.get('content-security-policy'));
  });

  it('an API route, a static asset and 404s: the static headers and a policy that allows nothing', async () => {
    const html = await (await fetch(`${BASE_URL}/login`)).text();
    const asset = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
    expect(asset).toBeDefined();
    for (const [path, status] of [
      ['/api/health', 200],
      [asset!, 200],
      ['/api/no-such-route', 404],
      ['/_next/static/no-such-file.js', 404],
    ] as const) {
      const response = await head(path);
      expect(response.status, path).toBe(status);
      expectStaticHeaders(response);
      expect(
        directives(response.headers.get('content-security-policy')).get('default-src'),
      ).toEqual(["'none'"]);
    }
    const notFound = await head('/no-such-page');
    expect(notFound.status).toBe(404);
    expectStaticHeaders(notFound);
    expectPagePolicy(notFound.headers.get('content-security-policy'));
  });

  it('no HSTS for a client that only claims HTTPS (X-Forwarded-Proto without a trusted proxy)', async () => {
    // This server has TRUSTED_PROXIES unset: the header is the client's word. (The decision with
    // a trusted proxy or an https PUBLIC_URL is unit-tested: tests/unit/edge.)
    for (const path of ['/api/health', '/login', '/no-such-page']) {
      const response = await head(path, { 'x-forwarded-proto': 'https' });
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('the policy blocks injected script (an inline event handler), and the watcher sees it', async () => {
    const { context, page } = await newPage(browser);
    const problems = await watch(context);
    await visit(page, '/login');
    // What an injected fragment would run. (A <script> appended through page.evaluate would not
    // do: DevTools-evaluated code is exempt from the page's policy.)
    await page.evaluate(() => {
      const fragment = document.createElement('div');
      fragment.innerHTML = '<img src="data:," onerror="window.__injected = true">';
      document.body.append(fragment);
    });
    await expect
      .poll(() => problems.some((p) => /script-src/.test(p)), { timeout: 5_000 })
      .toBe(true);
    expect(await page.evaluate(() => '__injected' in window)).toBe(false);
    await context.close();
  });

  it('public pages work under the policy: login (its tabs), verify, the phone simulator', async () => {
    const { context, page } = await newPage(browser);
    const problems = await watch(context);
    await visit(page, '/login');
    // The method tabs are client-side links: a page that did not hydrate would reload instead.
    await page.evaluate(() => Object.assign(window, { __samePage: true }));
    await page.getByRole('link', { name: /Asan/ }).first().click();
    await page.waitForURL(/method=asan/);
    await page.getByLabel('Mobil nömrə').waitFor();
    expect(await page.evaluate(() => '__samePage' in window)).toBe(true);
    await visit(page, '/verify');
    await visit(page, '/simulator/phone?phone=%2B994701000005');
    await visit(page, '/');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('signed-in pages work under the policy: the login dialog, employers, home, registry, a receipt, a wizard step, authorities, cabinet', async () => {
    const { context, page } = await newPage(browser);
    const problems = await watch(context);
    // The signing program is a modal dialog: it injects a <style> (scroll lock) that needs the nonce.
    await loginWithEsign(page, 'Abbasov Elvin');
    await chooseEmployer(page, KUR);
    for (const path of [
      '/employers',
      '/home',
      '/info',
      '/reports',
      '/reports/registry',
      '/reports/api-tokens',
      '/authorities',
      '/authorities/new',
      '/cabinet',
    ]) {
      await visit(page, path);
    }
    // A filed report (the demo history) and its receipt.
    await visit(page, '/reports/registry?year=2025&quarter=1');
    await page.getByTestId('registry-view').first().click();
    await page.getByTestId('status-history').waitFor();
    await page.getByTestId('view-receipt').click();
    await page.getByTestId('receipt').waitFor();
    await page.waitForLoadState('networkidle');
    // A wizard step: Kür's 2026 Q3 draft (the one the amount-bound test uses), created if missing.
    await visit(page, '/reports/new');
    await page.locator('#type-INITIAL').check();
    await page.locator('#report-year').selectOption('2026');
    await page.locator('#report-quarter').selectOption('3');
    await page.locator('#report-activity').selectOption('41.20');
    await page.getByTestId('create-report').click();
    await page.waitForFunction(
      () =>
        location.pathname.endsWith('/debt-start') ||
        document.querySelector('[data-testid=existing-report-link]') !== null,
    );
    if (!page.url().endsWith('/debt-start')) {
      await page.getByTestId('existing-report-link').click();
      await page.waitForURL(/\/debt-start$/);
    }
    const id = /\/reports\/([^/]+)\/debt-start/.exec(page.url())?.[1];
    await visit(page, `/reports/${id}/insured-persons`);
    expect(problems).toEqual([]);
    await context.close();
  });
});
