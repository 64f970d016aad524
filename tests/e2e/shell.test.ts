import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertServerUp, BASE_URL, launchBrowser, newPage } from './helpers/browser';

describe('app shell', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('renders in Azerbaijani by default and switches to English and back', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/');
    expect(await page.getAttribute('html', 'lang')).toBe('az');
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Vahid rüblük hesabatın onlayn qəbulu');
    expect(await page.getByRole('link', { name: 'Elektron imza ilə daxil olmaq' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Əsas səhifə' }).count()).toBe(1);

    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.locator('h1').textContent()).toBe(
      'Online filing of the unified quarterly report',
    );
    expect(await page.getByRole('link', { name: 'Sign in with an e-signature' }).count()).toBe(1);

    // The choice is a cookie: it survives navigation and reload.
    await page.reload();
    expect(await page.locator('h1').textContent()).toBe(
      'Online filing of the unified quarterly report',
    );
    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'az');
    await context.close();
  });

  it('has landmarks, a skip link, no axe violations, and fits a 360 px phone', async () => {
    const { context, page } = await newPage(browser, { width: 360 });
    await page.goto('/');
    expect(await page.locator('header').count()).toBeGreaterThan(0);
    expect(await page.locator('main#main').count()).toBe(1);
    expect(await page.locator('footer').count()).toBe(1);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#main');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await context.close();
  });

  // E2E_ENGINE names the server's database: .ci/run drives PostgreSQL through PgBouncer.
  it('health reports the engine the server runs on and current migrations', async () => {
    const health = (await (await fetch(`${BASE_URL}/api/health`)).json()) as {
      engine: string;
      migrations: { current: boolean };
    };
    expect(health.engine).toBe(process.env.E2E_ENGINE ?? 'pglite');
    expect(health.migrations.current).toBe(true);
  });
});
