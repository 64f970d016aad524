import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertServerUp, launchBrowser, newPage } from './helpers/browser';
import { loginStaffWithEsign } from './helpers/login';

// Issue 14 §11 in the browser: the administrator adds a public holiday on the next report due
// date, and the due date the page previews (computed by the server from public_holidays) moves
// to the next working day; removing the holiday again (as the test does at its end, so later
// tests on this server see the seeded calendar) moves it back.

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help}`);
}

/** The day after `day` that is not a Saturday or Sunday. */
function nextWeekday(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  return d.toISOString().slice(0, 10);
}

const dueOn = async (page: Page) =>
  (await page.getByTestId('next-report-due').getAttribute('data-date')) ?? '';

describe('reference data (issue 14 §11)', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('a holiday added on the next due date moves it to the next working day', async () => {
    const { context, page } = await newPage(browser);
    await loginStaffWithEsign(page, 'Əhmədov Fərid');
    await page.getByRole('link', { name: 'Sorğu məlumatları' }).first().click();
    await page.waitForURL(/\/admin\/reference$/);
    expect(await axe(page)).toEqual([]);
    const due = await dueOn(page);
    expect(due).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await page.getByRole('link', { name: 'Bayram və istirahət günləri' }).click();
    await page.waitForURL(/\/admin\/reference\/holidays$/);
    expect(await dueOn(page)).toBe(due);

    // Refused at its field: the reason is required.
    await page.locator('#add-holiday-day').fill(due);
    await page.locator('#add-holiday-nameAz').fill('Sınaq bayramı');
    await page.locator('#add-holiday-nameEn').fill('Test holiday');
    await page.getByRole('button', { name: 'Əlavə et' }).click();
    await expect
      .poll(() => page.locator('#add-holiday-comment-error').textContent())
      .toBe('Dəyişikliyin səbəbini yazın');
    expect(await page.locator('#add-holiday-comment').getAttribute('aria-describedby')).toContain(
      'add-holiday-comment-error',
    );
    expect(await axe(page)).toEqual([]);

    await page.locator('#add-holiday-comment').fill('Nazirlər Kabinetinin sərəncamı (sınaq)');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/reference\/holidays\?done=added$/);
    await expect
      .poll(() => page.getByTestId('reference-done').textContent())
      .toContain('qeydə alındı');
    expect(await dueOn(page)).toBe(nextWeekday(due));
    expect(await page.locator(`tr[data-day="${due}"]`).textContent()).toContain('Sınaq bayramı');
    expect(await axe(page)).toEqual([]);

    // Remove it again: from its row's link, the date is filled in.
    await page.locator(`tr[data-day="${due}"]`).getByRole('link').click();
    await page.waitForURL(/cancel=/);
    expect(await page.locator('#remove-holiday-day').inputValue()).toBe(due);
    await page.locator('#remove-holiday-comment').fill('Sınaq bitdi');
    await page.getByRole('button', { name: 'Bayram gününü sil' }).click();
    await page.waitForURL(/\/admin\/reference\/holidays\?done=removed$/);
    expect(await dueOn(page)).toBe(due);
    expect(await page.locator(`tr[data-day="${due}"]`).textContent()).toContain('Silinib');
    await context.close();
  }, 120_000);

  it('every kind has its list and forms, accessible', async () => {
    const { context, page } = await newPage(browser);
    await loginStaffWithEsign(page, 'Əhmədov Fərid');
    const kinds: [string, string][] = [
      ['regimes', 'regimes-table'],
      ['penalty', 'penalty-table'],
      ['activity-codes', 'codes-table'],
      ['economic-codes', 'codes-table'],
      ['non-liable-reasons', 'codes-table'],
      ['seniority', 'codes-table'],
    ];
    for (const [kind, table] of kinds) {
      await page.goto(`/admin/reference/${kind}`);
      expect(await page.getByTestId(table).locator('tbody tr').count(), kind).toBeGreaterThan(0);
      expect(await axe(page), kind).toEqual([]);
    }
    // A change refused at its field keeps what was typed (a negative rate).
    await page.goto('/admin/reference/penalty');
    await page.locator('#add-penalty-validFrom').fill('2099-01-01');
    await page.locator('#add-penalty-dailyRate').fill('-0,1');
    await page.locator('#add-penalty-capDays').fill('365');
    await page.locator('#add-penalty-lateFilingRate').fill('10');
    await page.locator('#add-penalty-comment').fill('Sınaq');
    await page.getByRole('button', { name: 'Yeni parametrləri qeydə al' }).click();
    await expect.poll(() => page.locator('#add-penalty-dailyRate-error').count()).toBe(1);
    expect(await page.locator('#add-penalty-validFrom').inputValue()).toBe('2099-01-01');
    expect(await axe(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
