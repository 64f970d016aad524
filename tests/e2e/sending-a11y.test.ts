import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertServerUp, launchBrowser, newPage } from './helpers/browser';
import { chooseEmployer, loginWithEsign } from './helpers/login';

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** The page fits the viewport: nothing scrolls sideways except inside scroll regions. */
async function fits(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

describe('registry, sent report, receipt and /verify: accessible and phone-sized (issue 6)', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('has no axe violations at 1280 px and fits 360 px, in Azerbaijani and English', async () => {
    const { context, page } = await newPage(browser);
    await loginWithEsign(page, 'Məmmədov Rəşad');
    await chooseEmployer(page, '"Xəzər Texnologiyaları" MMC');
    await page.goto('/reports/registry?year=2025', { waitUntil: 'networkidle' });
    expect(await page.getByTestId('registry-row').count()).toBeGreaterThan(0);
    expect(await axe(page)).toEqual([]);
    // Advanced search with a bad amount: the error is at the field, the criteria stay.
    await page.goto('/reports/registry?year=2025&min=12%2C3%2C4', { waitUntil: 'networkidle' });
    expect(await page.getByTestId('error-summary').count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    await page.goto('/reports/registry?year=2025&quarter=1', { waitUntil: 'networkidle' });
    const row = page.getByTestId('registry-row').filter({ hasText: '62.01' });
    await row.getByTestId('registry-view').click();
    await page.getByTestId('status-history').waitFor();
    const viewUrl = page.url();
    expect(await axe(page)).toEqual([]);
    await page.getByTestId('view-receipt').click();
    await page.getByTestId('receipt').waitFor();
    expect(await axe(page)).toEqual([]);
    const receiptUrl = page.url();
    const verifyHref = await page.getByTestId('receipt-verify').getAttribute('href');
    await page.goto(verifyHref!, { waitUntil: 'networkidle' });
    expect(await page.getByTestId('verify-result').getAttribute('data-valid')).toBe('true');
    expect(await axe(page)).toEqual([]);

    await page.setViewportSize({ width: 360, height: 800 });
    for (const url of ['/reports/registry?year=2025', viewUrl, receiptUrl, verifyHref!]) {
      await page.goto(url, { waitUntil: 'networkidle' });
      expect(await fits(page), url).toBe(true);
    }
    // English.
    await context.addCookies([
      { name: 'NEXT_LOCALE', value: 'en', url: new URL(page.url()).origin },
    ]);
    await page.goto('/reports/registry?year=2025', { waitUntil: 'networkidle' });
    expect(await page.locator('h1').textContent()).toMatch(/registry/i);
    expect(await axe(page)).toEqual([]);
    await context.close();
  });
});
