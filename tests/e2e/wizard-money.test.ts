import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertServerUp, launchBrowser, newPage } from './helpers/browser';
import { chooseEmployer, loginWithEsign } from './helpers/login';

const XEZER = '"Xəzər Texnologiyaları" MMC';

/** Presses the step's forward button and waits for the next step's page. */
async function forward(page: Page, nextSlug: string): Promise<void> {
  await page.getByTestId('step-forward').click();
  await page.waitForURL(new RegExp(`/reports/[^/]+/${nextSlug}`));
  await page.waitForLoadState('networkidle');
}

/** F6's "Cəmi əlavə edilib" in qəpik (0 while nothing is added). */
async function totalUsedQepik(page: Page): Promise<number> {
  const total = page.getByTestId('total-used');
  if ((await total.count()) === 0) return 0;
  return Number(((await total.textContent()) ?? '').replace(/[^0-9]/g, ''));
}

/** F1–F3: an İlkin report for 2026 Q3, 47.41 — or, on a rerun against the same DB, the existing one. */
async function openReport(page: Page): Promise<void> {
  await page.goto('/reports/new', { waitUntil: 'networkidle' });
  await page.locator('#type-INITIAL').check();
  await page.locator('#report-year').selectOption('2026');
  await page.locator('#report-quarter').selectOption('3');
  await page.locator('#report-activity').selectOption('47.41');
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
  await page.waitForLoadState('networkidle');
}

describe('report wizard, money steps F4–F17 (issue 5)', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('walks F4 → F17: payments, labour payments, non-liable income, HESABLA, lines and the debt at the end', async () => {
    const { context, page } = await newPage(browser);
    await loginWithEsign(page, 'Məmmədov Rəşad');
    await chooseEmployer(page, XEZER);
    await openReport(page);

    // F4: the debt at the start, read-only.
    expect(await page.getByTestId('debt-start').textContent()).toMatch(/₼$/);
    await forward(page, 'payments-notice');
    // F5: the notice.
    await page.getByTestId('payments-notice').waitFor();
    await forward(page, 'payments');

    // F6: "Ödəniş əlavə et" shows the unallocated payments (a rerun first removes what the last
    // run added, each removal confirmed).
    const status = page.getByTestId('money-status');
    await page.getByTestId('open-payments').waitFor();
    for (let n = await page.getByTestId('added-payment-row').count(); n > 0; n -= 1) {
      await page.getByTestId('added-payment-row').first().getByTestId('remove-payment').click();
      await page
        .getByTestId('added-payment-row')
        .first()
        .getByTestId('remove-payment-confirm')
        .click();
      await expect.poll(() => page.getByTestId('added-payment-row').count()).toBe(n - 1);
    }
    await page.getByRole('button', { name: 'Ödəniş əlavə et' }).click();
    await page.getByTestId('unallocated-row').first().getByTestId('add-payment').click();
    const partial = page.getByLabel('Əlavə ediləcək məbləğ');
    expect(await partial.inputValue()).toMatch(/^\d[\d ]*,\d\d$/);
    // A malformed amount is refused at the field and stays as typed.
    await partial.fill('abc');
    await page.getByTestId('confirm-add-payment').click();
    await page.getByTestId('error-summary').waitFor();
    expect(await partial.inputValue()).toBe('abc');
    expect(await partial.getAttribute('aria-invalid')).toBe('true');
    // A part of the payment.
    const usedBefore = await totalUsedQepik(page);
    await partial.fill('10,00');
    await page.getByTestId('confirm-add-payment').click();
    await status.filter({ hasText: 'Ödəniş hesabata əlavə edildi.' }).waitFor();
    // The total used grows by exactly the part (a rerun may add to a payment already in use).
    await expect.poll(() => totalUsedQepik(page)).toBe(usedBefore + 1000);
    // Issue 10 §6: the quarter's and older payments come first; those after 30.09.2026 (the
    // demo's October and November transfers) come last, marked, and "add all" leaves them.
    const rows = page.getByTestId('unallocated-row');
    const flags = await rows.evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-after-quarter')),
    );
    expect(flags).toEqual([...flags].sort());
    const addAll = page.getByRole('button', { name: 'HAMISINI ƏLAVƏ ET' });
    const inQuarter = page.locator('[data-testid=unallocated-row][data-after-quarter=false]');
    if ((await inQuarter.count()) > 0) {
      await addAll.click();
      await status
        .filter({ hasText: 'Rübün son gününədək olan ödənişlərin qalığı hesabata əlavə edildi.' })
        .waitFor();
    }
    await expect.poll(() => inQuarter.count()).toBe(0);
    const later = page.locator('[data-testid=unallocated-row][data-after-quarter=true]');
    expect(await later.count()).toBeGreaterThan(0);
    for (const text of await later.locator('th').allTextContents()) {
      expect(text).toMatch(/^\d\d\.(10|11|12)\.2026Rübdən sonra$/);
    }
    expect(await page.getByTestId('after-quarter-group').textContent()).toContain('30.09.2026');
    const addedDates = await page.getByTestId('added-payment-row').locator('th').allTextContents();
    expect(addedDates.length).toBeGreaterThan(0);
    for (const d of addedDates) expect(d.split('.').reverse().join('-') <= '2026-09-30').toBe(true);
    // Only later payments left: "add all" says so and points at the box.
    await addAll.click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').getAttribute('href')).toBe('#include-later');
    // Ticked, it takes the later ones too.
    await page.getByLabel('Rübdən sonrakı ödənişləri də daxil et').check();
    expect(await page.getByTestId('add-all-will').textContent()).toContain(
      `${await later.count()} ödənişin`,
    );
    await addAll.click();
    await status.filter({ hasText: 'Bütün ödənişlərin qalığı hesabata əlavə edildi.' }).waitFor();
    await page.getByTestId('unallocated-empty').waitFor();
    const all = await page.getByTestId('added-payment-row').count();
    expect(all).toBeGreaterThan(1);
    // Remove one (issue 10 §12): it asks first; "Ləğv et" keeps the row, "Bəli, sil" removes it.
    const firstAdded = page.getByTestId('added-payment-row').first();
    await firstAdded.getByTestId('remove-payment').click();
    const question = firstAdded.getByTestId('remove-payment-ask');
    expect(await question.textContent()).toContain('hesabatdan silinsin?');
    await firstAdded.getByTestId('remove-payment-cancel').click();
    expect(await page.getByTestId('added-payment-row').count()).toBe(all);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'remove-payment',
    );
    await firstAdded.getByTestId('remove-payment').click();
    await firstAdded.getByTestId('remove-payment-confirm').click();
    await status.filter({ hasText: 'Ödəniş hesabatdan silindi.' }).waitFor();
    await expect.poll(() => page.getByTestId('added-payment-row').count()).toBe(all - 1);
    await forward(page, 'labour-payments');

    // F7: labour payments per month.
    await page.getByLabel('İyul 2026').fill('3 000,00');
    await page.getByLabel('Avqust 2026').fill('3000');
    await page.getByLabel('Sentyabr 2026').fill('3000,00');
    await forward(page, 'non-liable-income');

    // F8: one income not subject to MDSS, in August (a rerun first deletes what the last run left).
    for (let n = await page.getByTestId('non-liable-row').count(); n > 0; n -= 1) {
      await page.getByTestId('non-liable-row').first().getByTestId('delete-non-liable').click();
      await page
        .getByTestId('non-liable-row')
        .first()
        .getByTestId('delete-non-liable-confirm')
        .click();
      await expect.poll(() => page.getByTestId('non-liable-row').count()).toBe(n - 1);
    }
    await page.getByTestId('open-non-liable').click();
    // Three wrong fields: the summary lists all three, each linking to its field (issue 10 §12).
    await page.locator('#nli-amount').fill('abc');
    await page.getByTestId('save-non-liable').click();
    await page.getByTestId('error-summary').waitFor();
    const links = page.getByTestId('error-summary').getByRole('link');
    expect(await links.evaluateAll((els) => els.map((e) => e.getAttribute('href')))).toEqual([
      '#nli-reason',
      '#nli-month',
      '#nli-amount',
    ]);
    for (const id of ['nli-reason', 'nli-month', 'nli-amount'])
      expect(await page.locator(`#${id}`).getAttribute('aria-invalid'), id).toBe('true');
    await links.nth(1).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('nli-month');
    await page.locator('#nli-reason').selectOption('SOCIAL_COMPENSATION');
    await page.locator('#nli-month').selectOption('2026-08');
    await page.locator('#nli-amount').fill('12,345');
    await page.getByTestId('save-non-liable').click();
    await page.getByTestId('error-summary').waitFor();
    expect(await page.locator('#nli-amount').inputValue()).toBe('12,345');
    expect(await page.locator('#nli-month').inputValue()).toBe('2026-08');
    await page.locator('#nli-amount').fill('400');
    await page.getByTestId('save-non-liable').click();
    await status.filter({ hasText: 'Gəlir əlavə edildi.' }).waitFor();
    // Edit: the form opens with the row's values.
    const row = page.getByTestId('non-liable-row').filter({ hasText: 'Avqust 2026' });
    await row.getByTestId('edit-non-liable').click();
    expect(await page.locator('#nli-amount').inputValue()).toBe('400,00');
    await page.locator('#nli-amount').fill('500');
    await page.getByTestId('save-non-liable').click();
    await status.filter({ hasText: 'Gəlir dəyişdirildi.' }).waitFor();
    await row.filter({ hasText: '500,00 ₼' }).waitFor();
    expect(await page.getByTestId('non-liable-row').count()).toBe(1);
    // Deleting asks first: cancelled, the income stays; confirmed, it goes; then it is added back.
    await row.getByTestId('delete-non-liable').click();
    expect(await row.getByTestId('delete-non-liable-ask').textContent()).toContain(
      'gəlir silinsin?',
    );
    await row.getByTestId('delete-non-liable-cancel').click();
    expect(await page.getByTestId('non-liable-row').count()).toBe(1);
    await row.getByTestId('delete-non-liable').click();
    await row.getByTestId('delete-non-liable-confirm').click();
    await status.filter({ hasText: 'Gəlir silindi.' }).waitFor();
    await page.getByTestId('non-liable-empty').waitFor();
    await page.getByTestId('open-non-liable').click();
    await page.locator('#nli-reason').selectOption('SOCIAL_COMPENSATION');
    await page.locator('#nli-month').selectOption('2026-08');
    await page.locator('#nli-amount').fill('500');
    await page.getByTestId('save-non-liable').click();
    await status.filter({ hasText: 'Gəlir əlavə edildi.' }).waitFor();
    await expect.poll(() => page.getByTestId('non-liable-row').count()).toBe(1);
    await forward(page, 'labour-payments-review');

    // F9: the review shows what was entered.
    const review = await page.getByTestId('labour-review').textContent();
    expect(review).toContain('3 000,00 ₼');
    expect(review).toContain('500,00 ₼');
    await forward(page, 'contributions');

    // F10: MDSS per month (no persons yet: zeros, with a pointer to F20).
    await page.getByTestId('contributions').waitFor();
    await forward(page, 'penalty');

    // F11: HESABLA shows the penalty and its breakdown.
    await page.getByRole('button', { name: 'HESABLA' }).click();
    expect(await page.getByTestId('penalty-total').textContent()).toMatch(/₼$/);
    await forward(page, 'sanctions');

    // F12: sanctions and fines, read-only.
    await forward(page, 'sanatorium-vouchers');

    // F13: a bad amount is refused at its field and kept.
    await page.getByLabel('Hesablanmış məbləğ').fill('12,345');
    await page.getByLabel('Ödənilmiş məbləğ').fill('50');
    await page.getByTestId('step-forward').click();
    await page.getByTestId('error-summary').waitFor();
    expect(await page.getByLabel('Hesablanmış məbləğ').inputValue()).toBe('12,345');
    expect(await page.getByLabel('Ödənilmiş məbləğ').inputValue()).toBe('50');
    expect(await page.locator('#line-accrued-error').textContent()).toBeTruthy();
    expect(await page.getByTestId('error-summary').getByRole('link').getAttribute('href')).toBe(
      '#line-accrued',
    );
    await page.getByLabel('Hesablanmış məbləğ').fill('100,00');
    await forward(page, 'injury-benefit-refunds');

    // F14: nothing to report.
    await forward(page, 'fund-findings');
    // F15: the fund's amount is shown; payments towards it are entered.
    await page.getByTestId('line-accrued-fixed').waitFor();
    await forward(page, 'other-accruals');
    // F16: other accruals.
    await page.getByLabel('Hesablanmış məbləğ').fill('20');
    await page.getByLabel('Ödənilmiş məbləğ').fill('20');
    await forward(page, 'debt-end');

    // F17: the debt at the end, with every line.
    expect(await page.getByTestId('debt-end').textContent()).toMatch(/^\d[\d ]*,\d\d ₼$/);
    const balance = await page.getByTestId('balance').textContent();
    expect(balance).toContain('Sanatoriya-kurort yollayışları');
    expect(balance).toContain('100,00 ₼');
    await forward(page, 'headcount');
    await context.close();
  });
});
