import AxeBuilder from '@axe-core/playwright';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCamt053, type FixtureLine } from '@/tests/fixtures/bank-statements/write-statements';
import { assertServerUp, launchBrowser, newPage } from './helpers/browser';
import { chooseEmployer, loginStaffWithEsign, loginWithEsign } from './helpers/login';

// Issue 14 §5 in the browser: the Nəsimi operator imports a camt.053 statement with two lines
// for Xəzər and one of an unknown VÖEN, confirms the matched ones, assigns the unknown one to
// Xəzər by hand; the Xəzər director then finds the three payments in F6 of a report and in
// cabinet view 17. Fresh bank references on every run; dated 30.09.2026 so they come first in
// F6 of the 2026 Q3 report (its quarter's payments, newest first). The staff pages are waited
// for by 'load' and their elements: the staff frame keeps a request open, so 'networkidle'
// may never come.

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help}`);
}

const run = randomBytes(4).toString('hex').toUpperCase();
const line = (n: number, voen: string, amount: string, remittance: string): FixtureLine => ({
  reference: `E2E${run}${n}`,
  bookingDate: '2026-09-30',
  valueDate: '2026-09-30',
  amount,
  payerName: '"Xəzər Texnologiyaları" MMC',
  voen,
  iban: 'AZ21AIIB38090019440100206101',
  remittance,
});
const LINES = [
  line(1, '1402345671', '101.11', '121111 MDSS sentyabr 2026'),
  line(2, '1402345671', '12.22', '121211 MDSS sentyabr 2026'),
  line(3, '1999999991', '33.33', 'MDSS sentyabr 2026'),
];
const [first, second, unknown] = LINES as [FixtureLine, FixtureLine, FixtureLine];

describe('staff payments and bank statements (issue 14 §5)', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('the operator imports, confirms and assigns; the employer sees the payments in F6 and view 17', async () => {
    const { context, page } = await newPage(browser);
    await loginStaffWithEsign(page, 'İsmayılova Səbinə');
    await page.goto('/admin/payments', { waitUntil: 'load' });
    expect(await axe(page)).toEqual([]);

    // Import: a malformed file is refused at its field, then the statement is read.
    await page.goto('/admin/payments/import', { waitUntil: 'load' });
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('Çıxarış faylı').setInputFiles({
      name: 'broken.xml',
      mimeType: 'text/xml',
      buffer: Buffer.from('<Document><BkToCstmrStmt>'),
    });
    await page.getByTestId('import-submit').click();
    await page.getByTestId('error-summary').waitFor();
    expect(await page.locator('#statement-file-error').textContent()).toBeTruthy();
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('Çıxarış faylı').setInputFiles({
      name: 'statement.xml',
      mimeType: 'text/xml',
      buffer: Buffer.from(writeCamt053(LINES, '2026-09-30')),
    });
    await page.getByTestId('import-submit').click();
    await page.waitForURL(/\/admin\/payments\/import\/[0-9a-f-]{36}$/);
    await page.waitForLoadState('load');
    await page.getByTestId('import-summary').waitFor();
    const lines = page.getByTestId('statement-line');
    await expect.poll(() => lines.count()).toBe(3);
    const text = (await page.getByTestId('statement-lines').textContent()) ?? '';
    expect(text).toContain(first.reference);
    expect(text).toContain('Uyğundur: "Xəzər Texnologiyaları" MMC');
    expect(await axe(page)).toEqual([]);

    // Confirm the two matched lines.
    await page.getByTestId('import-confirm').click();
    await page.waitForURL(/recorded=2/);
    await page.getByTestId('import-confirmed').waitFor();
    expect(await page.getByTestId('import-confirmed').textContent()).toContain('2 ödəniş');

    // The unknown VÖEN waits in the queue: assign it to Xəzər, 62.01, employer's class code.
    await page.goto('/admin/payments/queue', { waitUntil: 'load' });
    expect(await axe(page)).toEqual([]);
    await page.getByRole('link', { name: `${unknown.reference} sətrini təyin et` }).click();
    await page.waitForURL(/\/admin\/payments\/queue\/[0-9a-f-]{36}$/);
    await page.getByTestId('payment-form').waitFor();
    await page.getByLabel('Sığortaedən', { exact: true }).selectOption({
      label: '"Xəzər Texnologiyaları" MMC (1402345671)',
    });
    await page.getByLabel('Fəaliyyət kodu').selectOption('62.01');
    await page.getByLabel('İqtisadi təsnifat kodu').selectOption('121111');
    expect(await axe(page)).toEqual([]);
    await page.getByTestId('payment-submit').click();
    await page.waitForURL(/\/admin\/payments\/queue\?assigned=/);
    await page.getByTestId('line-assigned').waitFor();

    // The body's list has all three.
    await page.goto(`/admin/payments?reference=${unknown.reference}`, { waitUntil: 'load' });
    await expect.poll(() => page.getByTestId('staff-payment-row').count()).toBe(1);
    await context.close();

    // The Xəzər director: F6 of the 2026 Q3 report offers the three payments.
    const employer = await newPage(browser);
    const director = employer.page;
    await loginWithEsign(director, 'Məmmədov Rəşad');
    await chooseEmployer(director, '"Xəzər Texnologiyaları" MMC');
    await director.goto('/reports/new', { waitUntil: 'networkidle' });
    await director.locator('#type-INITIAL').check();
    await director.locator('#report-year').selectOption('2026');
    await director.locator('#report-quarter').selectOption('3');
    await director.locator('#report-activity').selectOption('47.41');
    await director.getByTestId('create-report').click();
    await director.waitForFunction(
      () =>
        location.pathname.endsWith('/debt-start') ||
        document.querySelector('[data-testid=existing-report-link]') !== null,
    );
    if (!director.url().endsWith('/debt-start')) {
      await director.getByTestId('existing-report-link').click();
      await director.waitForURL(/\/debt-start$/);
    }
    await director.waitForLoadState('networkidle');
    for (const next of ['payments-notice', 'payments']) {
      await director.getByTestId('step-forward').click();
      await director.waitForURL(new RegExp(`/reports/[^/]+/${next}`));
      await director.waitForLoadState('networkidle');
    }
    await director.getByTestId('open-payments').click();
    const offered = director.getByTestId('unallocated-row');
    await expect.poll(() => offered.count()).toBeGreaterThan(0);
    const offeredText = (await director.locator('#unallocated-payments').textContent()) ?? '';
    // The two matched lines name no activity code (Xəzər's codes share the class pair), so a
    // 47.41 report may use them; the assigned one is 62.01's.
    expect(offeredText).toContain(first.reference);
    expect(offeredText).toContain(second.reference);
    expect(offeredText).not.toContain(unknown.reference);

    // Cabinet view 17, September 2026: all three.
    await director.goto('/cabinet/payments?year=2026&month=9', { waitUntil: 'networkidle' });
    const table = (await director.getByTestId('cabinet-table-payments').textContent()) ?? '';
    for (const l of LINES) expect(table).toContain(l.reference);
    await employer.context.close();
  });
});
