import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CABINET_VIEWS } from '@/lib/cabinet/views';
import { assertServerUp, launchBrowser, newPage } from './helpers/browser';
import { chooseEmployer, loginWithEsign } from './helpers/login';

// Issue 13 §1–§3, §5, §12 in the browser: the reports home's KEÇ opens the cabinet at view 1, the
// stepper walks the 17 views in the manual's order, view 6 chooses the code that views 7–16 keep,
// the ledger views show their tables with totals, and a view downloads as CSV.

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help}`);
}

describe('personal cabinet (issue 13)', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('KEÇ opens view 1; Növbəti walks all 17 views; view 6 chooses the code; the ledger views show their totals', async () => {
    const { context, page } = await newPage(browser);
    await loginWithEsign(page, 'Məmmədov Rəşad');
    await chooseEmployer(page, '"Xəzər Texnologiyaları" MMC');
    await page.goto('/reports', { waitUntil: 'networkidle' });
    await page.getByTestId('cabinet-card').click();
    await page.waitForURL(/\/cabinet\/employer/);
    const titles: string[] = [];
    for (const view of CABINET_VIEWS) {
      await page.waitForURL(new RegExp(`/cabinet/${view.slug}(\\?|$)`));
      titles.push((await page.locator('h1#view-title').textContent())?.trim() ?? '');
      if (view.number < 17) await page.getByTestId('cabinet-next').click();
    }
    expect(titles[0]).toBe('1. Sığortaedənin məlumatları');
    expect(titles[4]).toBe('5. Sığortaedənin ümumi borcu');
    expect(titles[16]).toBe('17. Sığortaedənin ödənişləri');
    expect(titles).toHaveLength(17);

    // View 5: one line per code, each opening view 7 for its code; totals at the foot.
    await page.goto('/cabinet/total-debt', { waitUntil: 'networkidle' });
    const debt = page.getByTestId('cabinet-table-total-debt');
    await expect.poll(() => debt.getByTestId('cabinet-row').count()).toBe(2);
    expect(await debt.getByTestId('cabinet-table-totals').count()).toBe(1);
    expect(await axe(page)).toEqual([]);

    // View 6 → 62.01 → view 7 with the code kept in the URL; the stepper keeps it on view 10.
    await page.goto('/cabinet/activity-code', { waitUntil: 'networkidle' });
    await page.locator('tr[data-code="62.01"]').getByRole('link').click();
    await page.waitForURL(/\/cabinet\/debts\?code=62\.01/);
    expect(await page.getByTestId('cabinet-code').textContent()).toContain('62.01');
    const statement = page.getByTestId('cabinet-table-debt-statement');
    expect(await statement.getByTestId('cabinet-row').count()).toBe(5);
    expect(await page.getByTestId('cabinet-table-mdss-debt-by-month').count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    for (const slug of ['insured-accounts', 'preferential-seniority', 'mdss-calculations']) {
      await page.getByTestId('cabinet-next').click();
      await page.waitForURL(new RegExp(`/cabinet/${slug}\\?code=62\\.01`));
    }
    expect(
      await page.getByTestId('cabinet-table-mdss-calculations').getByTestId('cabinet-row').count(),
    ).toBeGreaterThan(0);

    // View 8: search a person by FIN prefix, open their page, and come back to the list.
    await page.goto('/cabinet/insured-accounts?code=62.01', { waitUntil: 'networkidle' });
    const persons = page.getByTestId('cabinet-table-insured-accounts');
    const firstFin = (await persons
      .getByTestId('cabinet-row')
      .first()
      .locator('td')
      .first()
      .textContent())!.trim();
    await page.getByLabel('FİN (başlanğıcı)').fill(firstFin.slice(0, 5).toLowerCase());
    await page.getByRole('button', { name: 'Axtar' }).click();
    await page.waitForURL(/fin=/);
    await persons.getByRole('link', { name: firstFin }).click();
    await page.waitForURL(new RegExp(`person=${firstFin}`));
    expect(await page.getByTestId('cabinet-table-person-months-caption').textContent()).toContain(
      firstFin,
    );
    expect(await axe(page)).toEqual([]);
    await page.getByRole('link', { name: /Bütün sığortaolunanlar/ }).click();
    await page.waitForURL(/\/cabinet\/insured-accounts\?code=62\.01$/);

    // View 13 explains the penalty per obligation, the late-filed 2025 Q2 report's among them.
    await page.goto('/cabinet/penalty?code=62.01', { waitUntil: 'networkidle' });
    expect(await page.getByTestId('cabinet-table-penalty').textContent()).toContain(
      '2025-ci il 2-ci rüb',
    );

    // View 14 shows the seeded fine with its basis.
    await page.goto('/cabinet/fines?code=62.01', { waitUntil: 'networkidle' });
    expect(await page.getByTestId('cabinet-table-fines').textContent()).toContain(
      'İnzibati cərimə',
    );

    // The period filter narrows view 17 to a year; its CSV has the screen's rows.
    await page.goto('/cabinet/payments?year=2025', { waitUntil: 'networkidle' });
    const rows = await page
      .getByTestId('cabinet-table-payments')
      .getByTestId('cabinet-row')
      .count();
    expect(rows).toBeGreaterThan(0);
    const csv = await page.request.get('/cabinet/payments/export?year=2025&format=csv');
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toContain('Bank sənədi');
    expect(text.split('\n').filter((l) => /\d{2}\.\d{2}\.2025/.test(l)).length).toBe(rows);
    await context.close();
  });

  it('fits a 360 px phone and a code that is not the employer’s is explained, not a 500', async () => {
    const { context, page } = await newPage(browser, { width: 360 });
    await loginWithEsign(page, 'Məmmədov Rəşad');
    await chooseEmployer(page, '"Xəzər Texnologiyaları" MMC');
    const response = await page.goto('/cabinet/debts?code=41.20', { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    expect(await page.locator('main').textContent()).toContain('41.20');
    await page.goto('/cabinet/total-debt', { waitUntil: 'networkidle' });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axe(page)).toEqual([]);
    await context.close();
  });
});
