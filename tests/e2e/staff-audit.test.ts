import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertServerUp, launchBrowser, newPage } from './helpers/browser';
import { loginStaffWithEsign } from './helpers/login';

// Issue 14 §12–§13 in the browser: the administrator filters the audit log by an action, reads
// the rows, downloads them as CSV; then opens the statistics, sees the charts drawn and opens a
// table alternative. Both pages axe-clean, the filter reachable by keyboard.

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help}`);
}

describe('audit log and statistics (issue 14 §12–§13)', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('the administrator filters the audit log by LOGIN and downloads it as CSV', async () => {
    const { context, page } = await newPage(browser);
    await loginStaffWithEsign(page, 'Əhmədov Fərid');
    await page.getByTestId('staff-nav-audit').click();
    await page.waitForURL(/\/admin\/audit$/);
    expect(await page.getByTestId('audit-row').count()).toBeGreaterThan(0);

    // The filter by keyboard: from the actor's field, Tab walks every field to the button (a
    // date input takes several Tabs, one per part of the date).
    await page.getByLabel('İcraçının FİN-i').focus();
    const order: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() =>
        document.activeElement?.getAttribute('data-testid') === 'audit-search'
          ? 'submit'
          : (document.activeElement?.id ?? ''),
      );
      if (order[order.length - 1] !== id) order.push(id);
      if (id === 'submit') break;
    }
    expect(order).toEqual([
      'audit-employer',
      'audit-action',
      'audit-outcome',
      'audit-from',
      'audit-to',
      'submit',
    ]);

    await page.getByLabel('Əməliyyat').fill('LOGIN');
    await page.getByLabel('Əməliyyat').press('Enter');
    await page.waitForURL(/\/admin\/audit\?.*action=LOGIN/);
    const rows = page.getByTestId('audit-row');
    expect(await rows.count()).toBeGreaterThan(0);
    const actions = await page
      .locator('[data-testid="audit-row"] [data-column="action"]')
      .allTextContents();
    expect(new Set(actions.map((a) => a.trim()))).toEqual(new Set(['LOGIN']));
    expect(await axe(page)).toEqual([]);

    const href = (await page.getByTestId('audit-export').getAttribute('href'))!;
    expect(href).toBe('/admin/audit/export?action=LOGIN');
    const download = await page.request.get(href);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(download.headers()['content-disposition']).toMatch(/^attachment; filename="audit-/);
    const body = await download.text();
    const lines = body
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toContain('Əməliyyat');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.split(';')[5] === 'LOGIN')).toBe(true);

    // A malformed date is a message at its field, not an error page.
    await page.goto('/admin/audit?from=2026-02-30', { waitUntil: 'load' });
    expect(await page.getByTestId('error-summary').textContent()).toContain('Tarix');
    await context.close();
  });

  it('the administrator sees the statistics charts and opens a table alternative', async () => {
    const { context, page } = await newPage(browser);
    await loginStaffWithEsign(page, 'Əhmədov Fərid');
    await page.goto('/admin/statistics', { waitUntil: 'load', timeout: 90_000 });
    for (const id of [
      'stat-deadline',
      'stat-on-time',
      'stat-debt',
      'stat-payments',
      'stat-debtors',
    ]) {
      await page.getByTestId(`${id}-chart`).locator('svg.recharts-surface').first().waitFor();
    }
    const details = page.getByTestId('stat-debt-details');
    expect(await details.getAttribute('open')).toBeNull();
    await details.getByText('Cədvəl kimi göstər').click();
    expect(await details.getAttribute('open')).toBe('');
    const table = details.getByRole('table');
    expect(await table.isVisible()).toBe(true);
    expect(await table.textContent()).toContain('M.D.S.S.');
    // The largest debtors link to the employer's page.
    await page.getByTestId('stat-debtors-details').getByText('Cədvəl kimi göstər').click();
    const link = page.getByTestId('stat-debtors-details').getByRole('link').first();
    expect(await link.getAttribute('href')).toMatch(/^\/admin\/employers\/[0-9a-f-]{36}$/);
    expect(await axe(page)).toEqual([]);
    await context.close();
  });
});
