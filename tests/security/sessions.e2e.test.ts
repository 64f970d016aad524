import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Cookie } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEmployer } from '@/db/seed/employers';
import { assertServerUp, launchBrowser, newPage } from '../e2e/helpers/browser';
import { chooseEmployer, loginWithEsign } from '../e2e/helpers/login';

// Issue 12 §1–§2 against the running server: the session cookie only names a server-side
// session, so a copy of it dies when the session ends, and a client update changes nothing.

const XEZER = '"Xəzər Texnologiyaları" MMC';
const SEBAIL = 'Səbail rayon Təhsil Şöbəsi';
const KUR = '"Kür İnşaat" ASC';

async function sessionCookie(context: BrowserContext): Promise<Cookie> {
  const found = (await context.cookies()).find((c) => /authjs\.session-token$/.test(c.name));
  if (!found) throw new Error('no session cookie after sign-in');
  return found;
}

describe('sessions end on the server (issue 12 §1, §2)', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('a copied session cookie opens the login page and its server action is refused after sign-out', async () => {
    const first = await newPage(browser);
    await loginWithEsign(first.page, 'Məmmədov Rəşad');
    await chooseEmployer(first.page, XEZER);

    // The stolen copy works while the session lives …
    const copy = await newPage(browser);
    await copy.context.addCookies([await sessionCookie(first.context)]);
    await copy.page.goto('/reports/registry', { waitUntil: 'networkidle' });
    expect(new URL(copy.page.url()).pathname).toBe('/reports/registry');
    expect(await copy.page.getByTestId('current-employer').textContent()).toBe(XEZER);
    const actionPage = await copy.context.newPage();
    await actionPage.goto('/employers', { waitUntil: 'networkidle' });

    // … and not after the owner signs out.
    await first.page.getByTestId('sign-out').click();
    await first.page.waitForURL((url) => url.pathname === '/');

    await copy.page.goto('/reports/registry', { waitUntil: 'networkidle' });
    expect(new URL(copy.page.url()).pathname).toBe('/login');
    expect(await copy.page.getByTestId('current-employer').count()).toBe(0);

    // A server action posted with the copy (the employer choice, a form post) is sent to the
    // login page instead of the service home.
    const post = actionPage.waitForResponse(
      (r) => r.request().method() === 'POST' && r.request().headers()['next-action'] !== undefined,
    );
    await actionPage.getByRole('button', { name: `Seç: ${XEZER}` }).click();
    const response = await post;
    expect(response.headers()['x-action-redirect'] ?? '').toMatch(/^\/login/);
    await actionPage.waitForURL((url) => url.pathname === '/login');

    await first.context.close();
    await copy.context.close();
  });

  it('POST /api/auth/session with data (a valid CSRF token) does not change the chosen employer', async () => {
    const { context, page } = await newPage(browser);
    await loginWithEsign(page, 'Həsənov Vüqar');
    await chooseEmployer(page, SEBAIL);
    expect(await page.getByTestId('current-employer').textContent()).toBe(SEBAIL);

    // Without the CSRF token Auth.js refuses the update outright.
    const forged = await context.request.post('/api/auth/session', {
      data: { data: { employerId: seedEmployer('school-6').id } },
    });
    expect(forged.status()).toBe(400);
    const csrf = await context.request.get('/api/auth/csrf');
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    for (const employerId of [seedEmployer('school-6').id, seedEmployer('kur').id]) {
      const update = await context.request.post('/api/auth/session', {
        data: { csrfToken, data: { employerId } },
      });
      // Auth.js accepted the request (a wrong CSRF token would be refused) and answered only
      // the cookie's expiry: nothing of the session is the browser's to read or write.
      expect(update.status()).toBe(200);
      const body = (await update.json()) as Record<string, unknown>;
      expect(Object.keys(body)).toEqual(['expires']);
    }

    await page.goto('/home', { waitUntil: 'networkidle' });
    expect(await page.getByTestId('current-employer').textContent()).toBe(SEBAIL);
    await page.goto('/authorities', { waitUntil: 'networkidle' });
    expect(await page.getByTestId('current-employer').textContent()).toBe(SEBAIL);
    await context.close();
  });

  it('"sign out everywhere" (asked first) ends the session of another browser too', async () => {
    const here = await newPage(browser);
    const elsewhere = await newPage(browser);
    await loginWithEsign(here.page, 'Abbasov Elvin');
    await chooseEmployer(here.page, KUR);
    await loginWithEsign(elsewhere.page, 'Abbasov Elvin');
    await chooseEmployer(elsewhere.page, KUR);

    await here.page.getByTestId('sign-out-everywhere').click();
    const dialog = here.page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Bütün sessiyalar bağlansın?');
    const results = await new AxeBuilder({ page: here.page })
      .withTags(['wcag2a', 'wcag2aa'])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    // "Ləğv et" closes the question and ends nothing.
    await dialog.getByRole('button', { name: 'Ləğv et' }).click();
    await here.page.goto('/home', { waitUntil: 'networkidle' });
    expect(await here.page.getByTestId('current-employer').textContent()).toBe(KUR);

    await here.page.getByTestId('sign-out-everywhere').click();
    await here.page.getByTestId('sign-out-everywhere-confirm').click();
    await here.page.waitForURL((url) => url.pathname === '/');

    await elsewhere.page.goto('/home', { waitUntil: 'networkidle' });
    expect(new URL(elsewhere.page.url()).pathname).toBe('/login');
    await here.page.goto('/home', { waitUntil: 'networkidle' });
    expect(new URL(here.page.url()).pathname).toBe('/login');
    await here.context.close();
    await elsewhere.context.close();
  });
});
