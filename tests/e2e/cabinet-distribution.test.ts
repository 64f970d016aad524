import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertServerUp, launchBrowser, newPage } from './helpers/browser';
import { chooseEmployer, loginWithEsign } from './helpers/login';

// Issue 13 §6–§8 in the browser: view 17 → a payment → "İqtisadi təsnifat üzrə" → a sum that
// does not match is refused at its field with what was typed kept → "Təsdiqlə" signs with the
// card → view 17 shows the new payments and the signed distribution. Səbail moves part of a
// payment to a school, and the school's cabinet shows it as its payment. The payments used are
// October 2026's (paid in November, for 2026 Q4, which no other browser test files).

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help}`);
}

async function signWithCard(page: Page): Promise<void> {
  const dialog = page.getByTestId('signing-dialog');
  await dialog.waitFor();
  await dialog.getByTestId('pin2').fill('12345');
  await dialog.getByTestId('pin2-submit').click();
}

describe('payment distribution (issue 13 §6–§8)', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('Xəzər splits a payment by classification, signed with the card; view 17 shows the parts', async () => {
    const { context, page } = await newPage(browser);
    await loginWithEsign(page, 'Məmmədov Rəşad');
    await chooseEmployer(page, '"Xəzər Texnologiyaları" MMC');
    await page.goto('/cabinet/payments?year=2026&month=11', { waitUntil: 'networkidle' });
    const link = page
      .getByTestId('distributable-payments')
      .getByRole('link', { name: /PP202610ER6201/ });
    await link.click();
    await page.waitForURL(/\/cabinet\/distribute\//);
    await page.getByTestId('distribution-form').waitFor();
    expect(await axe(page)).toEqual([]);
    const remainder =
      (await page.getByTestId('distribution-remainder').textContent())?.trim() ?? '';
    expect(remainder).toMatch(/₼$/);

    // 100,00 ₼ split as 60,00 + 30,00: refused at the parts, with the typed figures kept.
    await page.locator('#amount').fill('100,00');
    await page.locator('#part-0').fill('60,00');
    await page.locator('#part-1').fill('30,00');
    await page.getByTestId('distribution-confirm').click();
    await expect.poll(() => page.getByTestId('parts-error').textContent()).toContain('100,00 ₼');
    expect(await page.locator('#part-1').inputValue()).toBe('30,00');
    expect(await page.getByTestId('signing-dialog').count()).toBe(0);

    await page.locator('#part-1').fill('40,00');
    await page.getByTestId('distribution-confirm').click();
    await signWithCard(page);
    await page.getByTestId('distribution-done').waitFor();

    await page.goto('/cabinet/payments?year=2026&month=11', { waitUntil: 'networkidle' });
    const table = page.getByTestId('cabinet-table-payments');
    await expect.poll(() => table.getByText(/PP202610ER6201\d+\/1/).count()).toBe(1);
    await expect.poll(() => table.getByText(/PP202610ER6201\d+\/2/).count()).toBe(1);
    const history = page.getByTestId('distribution-history');
    await expect.poll(() => history.textContent()).toContain('İqtisadi təsnifat üzrə');
    expect(await history.textContent()).toContain('60,00 ₼');
    expect(await axe(page)).toEqual([]);
    await context.close();
  });

  it('Səbail moves part of a payment to a school; the school’s cabinet shows it', async () => {
    const { context, page } = await newPage(browser);
    await loginWithEsign(page, 'Həsənov Vüqar');
    await chooseEmployer(page, 'Səbail rayon Təhsil Şöbəsi');
    await page.goto('/cabinet/payments?year=2026&month=11', { waitUntil: 'networkidle' });
    await page
      .getByTestId('distributable-payments')
      .getByRole('link', { name: /PP202610ER8531/ })
      .click();
    await page.waitForURL(/\/cabinet\/distribute\//);
    await page.getByTestId('kind-SUB_EMPLOYER').click();
    await page.waitForURL(/kind=SUB_EMPLOYER/);
    await page.getByTestId('distribution-form').waitFor();
    await page.locator('#amount').fill('75,50');
    // The schools in name order: 23 nömrəli, then 6 nömrəli.
    const school6 = page.getByLabel(/6 nömrəli/);
    await school6.fill('75,50');
    await page.getByTestId('distribution-confirm').click();
    await signWithCard(page);
    await page.getByTestId('distribution-done').waitFor();

    // From above: "Alt təşkilatların ödənişləri" → the school → its view 17.
    await page.goto('/cabinet/payments?year=2026&month=11', { waitUntil: 'networkidle' });
    await page.getByTestId('sub-employers-link').click();
    await page.getByRole('link', { name: /6 nömrəli/ }).click();
    await page.waitForURL(/sub=/);
    await page.getByTestId('cabinet-viewing-sub').waitFor();
    const viaParent = page.getByTestId('cabinet-table-payments');
    await expect.poll(() => viaParent.getByText(/PP202610ER8531\d+\/1/).count()).toBe(1);
    expect(await viaParent.textContent()).toContain('75,50 ₼');

    // As the school itself.
    await page.goto('/employers');
    await chooseEmployer(page, 'Səbail rayonu 6 nömrəli tam orta məktəb');
    await page.goto('/cabinet/payments?year=2026&month=11', { waitUntil: 'networkidle' });
    const own = page.getByTestId('cabinet-table-payments');
    await expect.poll(() => own.getByText(/PP202610ER8531\d+\/1/).count()).toBe(1);
    expect(await page.getByTestId('cabinet-viewing-sub').count()).toBe(0);
    // The school reaches neither its department nor its sibling by the address.
    const foreign = await page.goto(
      `/cabinet/payments?sub=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`,
    );
    expect(foreign?.status()).toBe(404);
    await context.close();
  });
});
