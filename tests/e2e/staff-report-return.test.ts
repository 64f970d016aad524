import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertServerUp, launchBrowser, newPage } from './helpers/browser';
import { chooseEmployer, loginStaffWithEsign, loginWithEsign } from './helpers/login';

// Issue 14 §9 in the browser: the Xəzər director sends a report (the demo's accepted reports
// are past the 30-day return window), the Nəsimi reviewer returns it from the review queue with
// a coded reason and a text, and the director sees it returned with both in the registry's view.

const MONTH_LABELS = ['İyul 2026', 'Avqust 2026', 'Sentyabr 2026'];
const typed = (shown: string) => shown.replace(/[^\d,]/g, '');

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help}`);
}

async function fillMonths(page: Page, values: string[]): Promise<void> {
  for (const [i, label] of MONTH_LABELS.entries())
    await page.getByLabel(label, { exact: true }).fill(values[i]!);
  await page.getByTestId('step-forward').click();
  await page.waitForLoadState('networkidle');
}

/**
 * Xəzər's 62.01 İlkin report for 2026 Q3, completed from the roster and sent; its id. 62.01,
 * not 47.41: the wizard tests keep a 47.41 draft of that quarter, in whatever order files run.
 * A draft left by an earlier run on the same server is taken up.
 */
async function sendXezerReport(page: Page): Promise<string> {
  await page.goto('/reports/new', { waitUntil: 'networkidle' });
  await page.locator('#type-INITIAL').check();
  await page.locator('#report-year').selectOption('2026');
  await page.locator('#report-quarter').selectOption('3');
  await page.locator('#report-activity').selectOption('62.01');
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
  const id = page.url().split('/reports/')[1]!.split('/')[0]!;
  const step = (slug: string) => page.goto(`/reports/${id}/${slug}`, { waitUntil: 'networkidle' });
  await step('insured-persons');
  await page.getByTestId('prefill').click();
  await expect
    .poll(() => page.getByTestId('person-row').count(), { timeout: 30_000 })
    .toBeGreaterThan(0);
  await expect.poll(() => page.getByTestId('quarter-income').textContent()).not.toBe('0,00 ₼');
  const incomes = (await page.getByTestId('month-income').allTextContents()).map(typed);
  const persons = await page.getByTestId('month-persons').allTextContents();
  await step('labour-payments');
  await fillMonths(page, incomes);
  await step('headcount');
  await fillMonths(page, persons);
  await step('distribution');
  await page.getByTestId('distribute').click();
  await page.getByTestId('no-warnings').waitFor();
  await step('signatories');
  for (const [i, [fin, surname]] of [
    ['5ZK7M2P', 'Məmmədov'],
    ['3HT8R4N', 'Əliyeva'],
  ].entries()) {
    const prefix = i === 0 ? 'resp' : 'chief';
    await page.getByTestId(`${prefix}-choose`).click();
    await page.locator(`#${prefix}-fin`).fill(fin!);
    await page.locator(`#${prefix}-doc-DIN`).check();
    await page.getByTestId(`${prefix}-search`).click();
    await page.getByTestId(`${prefix}-found`).waitFor();
    await page.getByTestId(`${prefix}-save`).click();
    await expect.poll(() => page.getByTestId(`${prefix}-current`).textContent()).toContain(surname);
  }
  await step('check-answers');
  await page.getByTestId('send-report').click();
  const dialog = page.getByTestId('signing-dialog');
  await dialog.waitFor();
  await dialog.getByTestId('pin2').fill('12345');
  await dialog.getByTestId('pin2-submit').click();
  await page.waitForURL(new RegExp(`/reports/${id}/view$`), { timeout: 60_000 });
  const badge = page.getByTestId('report-view-header').getByTestId('status-badge');
  expect(await badge.getAttribute('data-status')).toBe('ACCEPTED');
  return id;
}

describe('report review (issue 14 §9): a reviewer returns an accepted report', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('the reviewer returns it with a reason; the director sees it returned with the reason', async () => {
    const director = await newPage(browser);
    await loginWithEsign(director.page, 'Məmmədov Rəşad');
    await chooseEmployer(director.page, '"Xəzər Texnologiyaları" MMC');
    // Another run on the same server may have sent it already (and this one returns it).
    await director.page.goto('/reports/registry?year=2026&quarter=3&status=ACCEPTED', {
      waitUntil: 'networkidle',
    });
    const sent = director.page.getByTestId('registry-row').filter({ hasText: '62.01' });
    const reportId =
      (await sent.count()) > 0
        ? (await sent.first().getAttribute('data-report-id'))!
        : await sendXezerReport(director.page);

    const reviewer = await newPage(browser);
    const page = reviewer.page;
    await loginStaffWithEsign(page, 'Cəfərov Tural');
    await page.goto('/admin/reports?status=ACCEPTED&year=2026&quarter=3', { waitUntil: 'load' });
    await page.getByTestId('review-queue').waitFor();
    expect(await axe(page)).toEqual([]);
    await page.locator(`a[href="/admin/reports/${reportId}"]`).click();
    await page.waitForURL(new RegExp(`/admin/reports/${reportId}$`));
    await page.getByTestId('decision-return').waitFor();
    expect(await page.getByTestId('signature-check').textContent()).toContain('Təsdiqlənir');
    // Without a reason the form says what is missing, at its fields.
    await page.getByTestId('return-report').click();
    await page.getByTestId('error-summary').waitFor();
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('MDSS şəxslərin gəlirinə uyğun deyil (F10)').check();
    await page.getByLabel('Sığortaedən üçün mətn').fill('İyul ayının əmək haqqı səhv göstərilib');
    await page.getByTestId('return-report').click();
    // The confirmation shows until the page refreshes to the report's new state, whose form is
    // gone: what stays is the status.
    await expect
      .poll(
        async () =>
          page.getByTestId('review-status').getByTestId('status-badge').getAttribute('data-status'),
        { timeout: 30_000 },
      )
      .toBe('RETURNED');
    await reviewer.context.close();

    const d = director.page;
    await d.goto('/reports/registry?year=2026&quarter=3', { waitUntil: 'networkidle' });
    const row = d.locator(`[data-testid=registry-row][data-report-id="${reportId}"]`);
    expect(await row.getByTestId('status-badge').getAttribute('data-status')).toBe('RETURNED');
    await row.getByTestId('registry-view').click();
    await d.waitForURL(new RegExp(`/reports/${reportId}/view$`));
    const box = d.getByTestId('returned-box');
    await box.waitFor();
    const text = (await box.textContent()) ?? '';
    expect(text).toContain('İyul ayının əmək haqqı səhv göstərilib');
    expect(text).toContain('F10');
    expect(await axe(d)).toEqual([]);
    await director.context.close();
  });
});
