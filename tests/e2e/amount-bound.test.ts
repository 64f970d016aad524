import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertServerUp, launchBrowser, newPage } from './helpers/browser';
import { chooseEmployer, loginWithEsign } from './helpers/login';

// Issue 10 §5 in the browser: the wizard refuses an amount above 1 000 000 000,00 ₼ at its field
// with the limit, takes the limit itself, and the steps that compute from it still answer.

const LIMIT_AZ = 'Məbləğ 1 000 000 000,00 ₼-dan çox ola bilməz';

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** F1–F3: Kür's İlkin report for 2026 Q3 (41.20), or the existing one on a rerun. */
async function openReport(page: Page): Promise<string> {
  await page.goto('/reports/new', { waitUntil: 'networkidle' });
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
  if (!id) throw new Error(`no report id in ${page.url()}`);
  return id;
}

describe('the bound of one amount in the wizard (issue 10 §5)', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('F7 refuses 1 000 000 000,01 at its field with the limit, takes the limit, and the computing steps answer', async () => {
    const { context, page } = await newPage(browser);
    await loginWithEsign(page, 'Abbasov Elvin');
    await chooseEmployer(page, '"Kür İnşaat" ASC');
    const reportId = await openReport(page);

    await page.goto(`/reports/${reportId}/labour-payments`, { waitUntil: 'networkidle' });
    await page.getByLabel('İyul 2026').fill('1 000 000 000,01');
    await page.getByLabel('Avqust 2026').fill('90 071 992 547 409,91');
    await page.getByLabel('Sentyabr 2026').fill('1000');
    await page.getByTestId('step-forward').click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(LIMIT_AZ);
    expect(await page.getByLabel('İyul 2026').inputValue()).toBe('1 000 000 000,01');
    expect(await page.getByLabel('İyul 2026').getAttribute('aria-invalid')).toBe('true');
    expect(await axe(page)).toEqual([]);

    await page.getByLabel('İyul 2026').fill('1 000 000 000,00');
    await page.getByLabel('Avqust 2026').fill('1 000 000 000,00');
    await page.getByTestId('step-forward').click();
    await page.waitForURL(/\/non-liable-income$/);

    // The steps that compute from the amounts render (no error page) with nothing blocking.
    for (const [slug, testId] of [
      ['labour-payments-review', 'labour-review'],
      ['contributions', 'contributions'],
      ['debt-end', 'debt-end'],
      ['check-answers', 'review-problems'],
    ] as const) {
      const response = await page.goto(`/reports/${reportId}/${slug}`, {
        waitUntil: 'networkidle',
      });
      expect(response?.status()).toBe(200);
      await page.getByTestId(testId).waitFor();
      expect(await page.getByTestId('step-blocking-errors').count()).toBe(0);
    }
    await page.goto(`/reports/${reportId}/labour-payments-review`, { waitUntil: 'networkidle' });
    expect(await page.getByTestId('labour-review').textContent()).toContain('1 000 000 000,00 ₼');
    await context.close();
  });
});
