import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertServerUp, launchBrowser, newPage } from './helpers/browser';
import { bakuDate, chooseEmployer, loginStaffWithEsign, loginWithEsign } from './helpers/login';

// Issue 14 §6 in the browser: the Nəsimi operator imposes a fine on Xəzər and asks for a write-off
// of it above 1 000 AZN, which waits (the operator is offered no approval); the head approves it;
// the Xəzər director then sees the write-off in cabinet view 16 ("other write-offs").

const XEZER = '"Xəzər Texnologiyaları" MMC';

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help}`);
}

/** A fresh context and page, patient with a busy machine. */
async function open(browser: Browser) {
  const opened = await newPage(browser);
  opened.page.setDefaultTimeout(60_000);
  opened.page.setDefaultNavigationTimeout(60_000);
  return opened;
}

async function chooseXezer(page: Page, path: string): Promise<void> {
  await page.goto(path, { waitUntil: 'load' });
  const select = page.getByLabel('Sığortaedəni seçin');
  const label = await select.locator('option', { hasText: XEZER }).first().textContent();
  await select.selectOption({ label: label ?? XEZER });
  await page.getByTestId('debts-employer-next').click();
  await page.waitForURL(/\?employer=/);
}

describe('fines and write-offs with four eyes (issue 14 §6)', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('the operator asks for a write-off above 1 000 AZN, the head approves, the director sees it', async () => {
    const stamp = Date.now().toString(36);
    const month = bakuDate().slice(0, 7);
    const basis = `Məhkəmə qərarı E2E-${stamp}`;

    // The operator: a fine of 2 000 ₼ (posted at once), then a write-off of 1 500 ₼ of it.
    const operator = await open(browser);
    await loginStaffWithEsign(operator.page, 'İsmayılova Səbinə');
    await chooseXezer(operator.page, '/admin/debts/fine');
    expect(await axe(operator.page)).toEqual([]);
    await operator.page.getByLabel('Fəaliyyət kodu').selectOption('62.01');
    await operator.page.getByLabel('Hüquqi əsas').fill(`İXM, maddə 1 — E2E-${stamp}`);
    await operator.page.getByLabel('Məbləğ (₼)').fill('2 000,00');
    await operator.page.getByTestId('fine-submit').click();
    await operator.page.waitForURL(/\/admin\/debts\/[0-9a-f-]{36}\?done=posted/);
    expect(await operator.page.getByTestId('debts-done').textContent()).toContain('Uçota alındı');

    await chooseXezer(operator.page, '/admin/debts/write-off');
    await operator.page.getByLabel('Fəaliyyət kodu').selectOption('62.01');
    await operator.page.getByLabel('Silinən borc').selectOption('FINE');
    await operator.page.getByLabel('Əsas sənəd').fill(basis);
    await operator.page.getByLabel('Məbləğ (₼)').fill('1 500,00');
    await operator.page.getByLabel('Dövrün başlanğıcı (ay)').fill(month);
    await operator.page.getByLabel('Dövrün sonu (ay)').fill(month);
    expect(await axe(operator.page)).toEqual([]);
    await operator.page.getByTestId('write-off-submit').click();
    await operator.page.waitForURL(/\/admin\/debts\/[0-9a-f-]{36}\?done=pending/);
    const requestUrl = new URL(operator.page.url());
    expect(await operator.page.getByTestId('debts-awaiting').textContent()).toContain(
      'Bu sorğunu siz göndərmisiniz',
    );
    expect(await operator.page.getByTestId('approve-write-off').count()).toBe(0);
    expect(await axe(operator.page)).toEqual([]);
    // The list shows it waiting.
    await operator.page.goto('/admin/debts?status=PENDING', { waitUntil: 'load' });
    expect(await operator.page.getByTestId('debts-table').textContent()).toContain(basis);
    expect(await axe(operator.page)).toEqual([]);
    await operator.context.close();

    // The head: "waiting for your approval", opens it and approves (keyboard: focus + Enter).
    const head = await open(browser);
    await loginStaffWithEsign(head.page, 'Rzayeva Nigar');
    await head.page.goto('/admin/debts', { waitUntil: 'load' });
    expect(await head.page.getByTestId('debts-pending-count').textContent()).toMatch(
      /Təsdiqinizi gözləyən silinmələr: \d+/,
    );
    await head.page.goto(requestUrl.pathname, { waitUntil: 'load' });
    expect(await axe(head.page)).toEqual([]);
    await head.page.getByTestId('approve-write-off').focus();
    await head.page.keyboard.press('Enter');
    await head.page.waitForURL(/\?done=approved/);
    expect(await head.page.getByTestId('debts-done').textContent()).toContain('Təsdiq edildi');
    expect(await head.page.locator('dl').textContent()).toContain('Uçota alınıb');
    expect(await head.page.getByTestId('approve-write-off').count()).toBe(0);
    await head.context.close();

    // The director sees the write-off in cabinet view 16 of 62.01.
    const director = await open(browser);
    await loginWithEsign(director.page, 'Məmmədov Rəşad');
    await chooseEmployer(director.page, XEZER);
    await director.page.goto('/cabinet/other-write-offs?code=62.01', { waitUntil: 'load' });
    const table = director.page.getByTestId('cabinet-table-other-write-offs');
    await expect.poll(async () => (await table.textContent()) ?? '').toContain(basis);
    expect(await table.textContent()).toContain('1 500,00');
    expect(await axe(director.page)).toEqual([]);
    await director.context.close();
  }, 300_000);
});
