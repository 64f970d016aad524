import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertServerUp, launchBrowser, newPage } from './helpers/browser';
import { chooseEmployer, loginWithEsign } from './helpers/login';

// Issue 13 §10–§11 in the browser: view 13's "if you pay X on D" for 62.01 grows with the date,
// field errors are shown, view 5 draws the 8-quarter chart after hydration with its table
// alternative, and the CSP (style-src-attr 'none') refuses nothing the chart writes.

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help}`);
}

/** Today in Baku as the server sees it (HESABAT_NOW pins both when set). */
function bakuDate(offsetDays = 0): string {
  const pinned = process.env.HESABAT_NOW?.trim();
  const at = pinned ? new Date(pinned) : new Date();
  return new Date(at.getTime() + 4 * 3_600_000 + offsetDays * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

/** "1 234,56 ₼" → 123456 qəpik. */
function qepik(text: string | null): number {
  const digits = (text ?? '').replace(/[^0-9,-]/g, '').replace(',', '');
  return Number(digits);
}

describe('cabinet projection and debt chart (issue 13 §10, §11)', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('view 13 for 62.01: the projected penalty grows with the date; bad fields say why', async () => {
    const { context, page } = await newPage(browser);
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await loginWithEsign(page, 'Məmmədov Rəşad');
    await chooseEmployer(page, '"Xəzər Texnologiyaları" MMC');
    await page.goto('/cabinet/penalty?code=62.01', { waitUntil: 'networkidle' });
    const form = page.getByTestId('projection-form');
    expect(await form.locator('#payOn').inputValue()).toBe(bakuDate());
    const today = qepik(await page.getByTestId('projection-projected').textContent());
    expect(today).toBe(0);
    const payToday = qepik(await page.getByTestId('projection-payment').textContent());
    expect(payToday).toBeGreaterThan(0);
    expect(qepik(await page.getByTestId('projection-debt-after').textContent())).toBe(0);
    expect(await axe(page)).toEqual([]);

    await form.locator('#payOn').fill(bakuDate(60));
    await form.getByRole('button', { name: 'Hesabla' }).click();
    await page.waitForURL(/payOn=/);
    const later = qepik(await page.getByTestId('projection-projected').textContent());
    expect(later).toBeGreaterThan(today);
    expect(qepik(await page.getByTestId('projection-payment').textContent())).toBe(
      payToday + later,
    );
    expect(page.url()).toContain('code=62.01');

    // Half the debt on the same day: something is left.
    await form.locator('#payX').fill(String(Math.floor(payToday / 200)));
    await form.getByRole('button', { name: 'Hesabla' }).click();
    await page.waitForURL(/payX=/);
    expect(qepik(await page.getByTestId('projection-debt-after').textContent())).toBeGreaterThan(0);

    // A date in the past and an amount that is not one: field errors, no result.
    await page.goto(`/cabinet/penalty?code=62.01&payOn=${bakuDate(-3)}&payX=12abc`, {
      waitUntil: 'networkidle',
    });
    expect(await page.getByTestId('payOn-error').textContent()).toContain('bu gündən əvvəl');
    expect(await page.getByTestId('payX-error').textContent()).toContain('1234,56');
    expect(await page.getByTestId('projection-result').count()).toBe(0);
    expect(await page.locator('#payX').getAttribute('aria-invalid')).toBe('true');
    expect(await axe(page)).toEqual([]);
    // Other views' links do not carry the projection's question.
    const next = await page.getByTestId('cabinet-next').getAttribute('href');
    expect(next).not.toContain('payOn');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('view 5 draws the chart after hydration, has a table alternative and no CSP errors; 360 px', async () => {
    const { context, page } = await newPage(browser, { width: 360 });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text()))
        problems.push(m.text());
    });
    await loginWithEsign(page, 'Məmmədov Rəşad');
    await chooseEmployer(page, '"Xəzər Texnologiyaları" MMC');
    await page.goto('/cabinet/total-debt', { waitUntil: 'networkidle' });
    const chart = page.getByTestId('total-debt-chart-chart');
    await chart.locator('svg.recharts-surface').first().waitFor();
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    expect(await chart.getAttribute('aria-hidden')).toBe('true');
    const table = page.getByTestId('cabinet-table-total-debt-chart-table');
    expect(await table.getByTestId('cabinet-row').count()).toBe(8);
    await page.getByText('Cədvəl kimi göstər').click();
    expect(await table.isVisible()).toBe(true);
    const byCode = page.getByTestId('cabinet-table-projection-by-code');
    expect(await byCode.getByTestId('cabinet-row').count()).toBe(2);
    // The page is no wider than the screen.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axe(page)).toEqual([]);

    // View 7 shows the chosen code's chart too.
    await page.goto('/cabinet/debts?code=62.01', { waitUntil: 'networkidle' });
    await page.getByTestId('debt-chart-chart').locator('svg.recharts-surface').first().waitFor();
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
