import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertServerUp, launchBrowser, newPage } from './helpers/browser';
import { loginStaffWithEsign, loginWithEsign } from './helpers/login';

// Issue 14 §1–§2 in the browser: fund staff sign in at /admin/login with their own card and see
// the sections their role opens; a person who is no staff (or whose account ended) is refused
// there; an employer session never reaches /admin and a staff session is nobody in the employer
// area.

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help}`);
}

async function tryStaffLogin(page: Page, holder: string): Promise<void> {
  await page.goto('/admin/login?method=esign', { waitUntil: 'networkidle' });
  await page.getByTestId('open-signing-program').click();
  await page.getByRole('radio', { name: new RegExp(holder) }).check();
  await page.getByTestId('certificate-ok').click();
  await page.getByTestId('verification-code').waitFor();
  await page.getByLabel('PIN kod').fill('1234');
  await page.getByTestId('pin-submit').click();
}

describe('staff sign-in and roles (issue 14 §1–§2)', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('an operator signs in, sees their body and sections, and is nobody in the employer area', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/admin/login', { waitUntil: 'networkidle' });
    expect(await axe(page)).toEqual([]);
    await loginStaffWithEsign(page, 'İsmayılova Səbinə');
    await expect.poll(() => page.getByTestId('staff-role').textContent()).toBe('Operator');
    expect(await page.getByTestId('staff-body').textContent()).toBe('Nəsimi rayon şöbəsi');
    expect(await page.getByTestId('staff-nav-payments').count()).toBe(1);
    expect(await page.getByTestId('staff-nav-reference').count()).toBe(0);
    expect(await axe(page)).toEqual([]);

    // The administrator's page is not found for an operator, whatever the menu shows.
    const reference = await page.goto('/admin/reference');
    expect(reference?.status()).toBe(404);
    // The employer area does not know a staff session.
    await page.goto('/home', { waitUntil: 'networkidle' });
    expect(new URL(page.url()).pathname).toBe('/login');

    await page.goto('/admin', { waitUntil: 'networkidle' });
    await page.getByTestId('sign-out').click();
    await page.waitForURL((url) => url.pathname === '/admin/login');
    await page.goto('/admin', { waitUntil: 'networkidle' });
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await context.close();
  });

  it('refuses a person who is no staff, and an account that has ended', async () => {
    const { context, page } = await newPage(browser);
    await tryStaffLogin(page, 'Məmmədov Rəşad');
    await page
      .getByText(/DSMF əməkdaşı kimi qeydiyyatda deyil/)
      .first()
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await tryStaffLogin(page, 'Məlikov Samir');
    await page
      .getByText(/DSMF əməkdaşı kimi qeydiyyatda deyil/)
      .first()
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await context.close();
  });

  it('an employer session never reaches /admin', async () => {
    const { context, page } = await newPage(browser);
    await loginWithEsign(page, 'Məmmədov Rəşad');
    await page.waitForURL(/\/employers/);
    await page.goto('/admin', { waitUntil: 'networkidle' });
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await context.close();
  });

  it('the administrator sees every section, in English too', async () => {
    const { context, page } = await newPage(browser);
    await loginStaffWithEsign(page, 'Əhmədov Fərid');
    expect(await page.getByTestId('staff-nav-reference').count()).toBe(1);
    expect(await page.getByTestId('staff-nav-audit').count()).toBe(1);
    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await expect.poll(() => page.getByTestId('staff-role').textContent()).toBe('Administrator');
    await expect
      .poll(() => page.getByTestId('staff-body').textContent())
      .toBe('Central office (every local body)');
    await context.close();
  });
});
