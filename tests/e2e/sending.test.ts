import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertServerUp, launchBrowser, newPage } from './helpers/browser';
import { chooseEmployer, loginWithEsign } from './helpers/login';

const MONTH_LABELS = ['İyul 2026', 'Avqust 2026', 'Sentyabr 2026'];

/** Amount as the form takes it: "1 234,56 ₼" → "1234,56". */
const typed = (shown: string) => shown.replace(/[^\d,]/g, '');

/** F1–F3: a new İlkin report for 2026 Q3 (the open quarter of the demo); returns its id. */
async function createDraft(page: Page, activity: string): Promise<string> {
  await page.goto('/reports/new', { waitUntil: 'networkidle' });
  await page.locator('#type-INITIAL').check();
  await page.locator('#report-year').selectOption('2026');
  await page.locator('#report-quarter').selectOption('3');
  await page.locator('#report-activity').selectOption(activity);
  await page.getByTestId('create-report').click();
  await page.waitForURL(/\/reports\/[^/]+\/debt-start$/);
  return page.url().split('/reports/')[1]!.split('/')[0]!;
}

async function fillMonths(page: Page, values: string[]): Promise<void> {
  for (const [i, label] of MONTH_LABELS.entries())
    await page.getByLabel(label, { exact: true }).fill(values[i]!);
  await page.getByTestId('step-forward').click();
  await page.waitForLoadState('networkidle');
}

/**
 * A draft completed the way an accountant with a staff list does it: persons copied from the
 * roster (F20), labour payments and headcount agreeing with them (F7, F18), BÖLÜŞDÜR (F22),
 * both signatories (F25).
 */
async function completeFromRoster(
  page: Page,
  id: string,
  signatories: [string, string][],
): Promise<void> {
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
  for (const [i, [fin, surname]] of signatories.entries()) {
    const prefix = i === 0 ? 'resp' : 'chief';
    await page.getByTestId(`${prefix}-choose`).click();
    await page.locator(`#${prefix}-fin`).fill(fin);
    await page.locator(`#${prefix}-doc-DIN`).check();
    await page.getByTestId(`${prefix}-search`).click();
    await page.getByTestId(`${prefix}-found`).waitFor();
    await page.getByTestId(`${prefix}-save`).click();
    await expect.poll(() => page.getByTestId(`${prefix}-current`).textContent()).toContain(surname);
  }
}

/** The card program asks for PIN2 and signs. */
async function signWithCard(page: Page): Promise<void> {
  const dialog = page.getByTestId('signing-dialog');
  await dialog.waitFor();
  await dialog.getByTestId('pin2').fill('12345');
  await dialog.getByTestId('pin2-submit').click();
}

describe('sending (issue 6): a whole quarter at once, and a corrective report', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('"GÖNDƏR" sends every draft of a quarter with one signature; each gets its own receipt', async () => {
    const { context, page } = await newPage(browser);
    await loginWithEsign(page, 'Həsənov Vüqar');
    await chooseEmployer(page, 'Səbail rayon Təhsil Şöbəsi');
    const signatories: [string, string][] = [
      ['7NB2X9K', 'Həsənov'],
      ['2MD6W8T', 'Quliyeva'],
    ];
    for (const activity of ['85.31', '84.11']) {
      const id = await createDraft(page, activity);
      await completeFromRoster(page, id, signatories);
    }
    await page.goto('/reports/registry?year=2026&quarter=3', { waitUntil: 'networkidle' });
    const panel = page.getByTestId('send-quarter');
    await panel.getByTestId('send-quarter-year').selectOption('2026');
    await panel.getByTestId('send-quarter-quarter').selectOption('3');
    await panel.getByTestId('send-quarter-submit').click();
    await page.getByTestId('quarter-included').waitFor();
    expect(await page.getByTestId('quarter-included').locator('li').count()).toBe(2);
    await signWithCard(page);
    const results = page.getByTestId('quarter-results');
    await results.waitFor({ timeout: 60_000 });
    const rows = results.getByTestId('quarter-result');
    expect(await rows.count()).toBe(2);
    expect(await rows.locator('[data-status=ACCEPTED]').count()).toBe(2);
    const receipts = (await rows.allTextContents()).map((t) => t.match(/HS-\d{4}-\d+/)?.[0]);
    expect(new Set(receipts).size).toBe(2);
    // Both are accepted in the registry; nothing is left to send for the quarter.
    await page.goto('/reports/registry?year=2026&quarter=3', { waitUntil: 'networkidle' });
    const badges = await page
      .getByTestId('registry-row')
      .getByTestId('status-badge')
      .allTextContents();
    expect(badges.filter((b) => b.includes('Qəbul edildi'))).toHaveLength(2);
    await context.close();
  });

  it('a corrective report of an accepted quarter shows the difference, is accepted and replaces the original', async () => {
    const { context, page } = await newPage(browser);
    await loginWithEsign(page, 'Məmmədov Rəşad');
    await chooseEmployer(page, '"Xəzər Texnologiyaları" MMC');
    await page.goto('/reports/registry?year=2026&quarter=2&status=ACCEPTED', {
      waitUntil: 'networkidle',
    });
    const original = page.getByTestId('registry-row').filter({ hasText: '62.01' });
    const originalId = await original.getAttribute('data-report-id');
    await original.getByTestId('create-corrective').click();
    await page.waitForURL(/\/check-answers$/);
    await page.waitForLoadState('networkidle');
    const correctiveId = page.url().split('/reports/')[1]!.split('/')[0]!;
    expect(correctiveId).not.toBe(originalId);
    await page.getByTestId('correction-diff').waitFor();
    expect(await page.getByTestId('diff-no-changes').count()).toBe(1);

    // One person earned 100 AZN more in April; the labour payments follow.
    await page.goto(`/reports/${correctiveId}/insured-persons`, { waitUntil: 'networkidle' });
    const row = page.getByTestId('person-row').first();
    const fin = await row.getAttribute('data-fin');
    await row.getByTestId('edit-person').click();
    const april = page.locator(`#edit-${fin}-0`);
    const before = Number(typed(await april.inputValue()).replace(',', '.'));
    const after = (before + 100).toFixed(2).replace('.', ',');
    await april.fill(after);
    await row.getByTestId('save-person').click();
    await expect
      .poll(() => page.getByTestId('person-row').first().textContent())
      .toContain(after.replace(/\B(?=(\d{3})+(?!\d))/g, ' ').split(',')[0]!);
    await page.goto(`/reports/${correctiveId}/labour-payments`, { waitUntil: 'networkidle' });
    const aprilPay = page.getByLabel('Aprel 2026', { exact: true });
    const paid = Number(typed(await aprilPay.inputValue()).replace(',', '.'));
    await aprilPay.fill((paid + 100).toFixed(2).replace('.', ','));
    await page.getByTestId('step-forward').click();
    await page.waitForLoadState('networkidle');
    await page.goto(`/reports/${correctiveId}/distribution`, { waitUntil: 'networkidle' });
    await page.getByTestId('distribute').click();
    await page.getByTestId('no-warnings').waitFor();

    await page.goto(`/reports/${correctiveId}/check-answers`, { waitUntil: 'networkidle' });
    const change = page.getByTestId('diff-change');
    expect(await change.count()).toBe(1);
    expect(await change.textContent()).toContain(fin!);
    // Before sending, the check page says what the report is: a draft.
    expect(await page.getByTestId('report-header-status').textContent()).toBe('Qaralama');
    await page.getByTestId('send-report').click();
    await signWithCard(page);
    // Sent from its check page, the report's own page opens: the new status, the timeline and
    // the receipt are in view, and nothing on screen still says "Qaralama".
    await page.waitForURL(new RegExp(`/reports/${correctiveId}/view$`), { timeout: 30_000 });
    const badge = page.getByTestId('report-view-header').getByTestId('status-badge');
    expect(await badge.getAttribute('data-status')).toBe('ACCEPTED');
    expect(await badge.textContent()).toBe('Qəbul edildi');
    const history = page.getByTestId('status-history').locator('li');
    expect(await history.count()).toBe(2);
    expect(await history.nth(0).textContent()).toContain('Daxil olub');
    expect(await history.nth(1).textContent()).toContain('Qəbul edildi');
    expect(
      ((await page.getByTestId('report-view-header').textContent()) ?? '').match(/HS-\d{4}-\d+/),
    ).toBeTruthy();
    expect(await page.getByTestId('view-receipt').isVisible()).toBe(true);
    expect(await page.locator('main').innerText()).not.toContain('Qaralama');
    // The ID card is written DİN, never the code DIN.
    expect(await page.getByTestId('signatory-document').allTextContents()).toEqual(['DİN', 'DİN']);

    await page.goto('/reports/registry?year=2026&quarter=2', { waitUntil: 'networkidle' });
    const replaced = page.locator(`[data-testid=registry-row][data-report-id="${originalId}"]`);
    expect(await replaced.getByTestId('status-badge').textContent()).toContain('Əvəz edildi');
    const corrective = page.locator(`[data-testid=registry-row][data-report-id="${correctiveId}"]`);
    expect(await corrective.getByTestId('status-badge').textContent()).toContain('Qəbul edildi');
    await context.close();
  });
});
