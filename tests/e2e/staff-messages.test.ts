import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertServerUp, launchBrowser, newPage } from './helpers/browser';
import { chooseEmployer, loginStaffWithEsign, loginWithEsign } from './helpers/login';

// Issue 14 §4 and §7 in the browser: the Xəzər director writes to the fund; the Nəsimi reviewer
// finds it in the staff inbox, answers it; the director sees the answer in the cabinet. The
// reviewer also finds Xəzər by its VÖEN and opens its page with the debt per code.

const XEZER_VOEN = '1402345671';

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help}`);
}

describe('staff employers and messages (issue 14 §4, §7)', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('a director’s message is answered by the reviewer and the answer reaches the cabinet', async () => {
    const subject = `Borc arayışı ${Date.now()}`;
    const director = await newPage(browser);
    await loginWithEsign(director.page, 'Məmmədov Rəşad');
    await chooseEmployer(director.page, '"Xəzər Texnologiyaları" MMC');
    await director.page.goto('/cabinet/messages/new', { waitUntil: 'load' });
    await director.page.getByLabel('Mövzu').fill(subject);
    await director.page.getByLabel('Mətn').fill('Borcumuz haqqında arayış lazımdır.');
    await director.page.getByTestId('new-message-send').click();
    await director.page.waitForURL(/\/cabinet\/messages\/sent\?sent=1$/);

    const reviewer = await newPage(browser);
    const page = reviewer.page;
    await loginStaffWithEsign(page, 'Cəfərov Tural');
    await page.goto('/admin/messages', { waitUntil: 'load' });
    const inbox = page.getByTestId('staff-inbox');
    const row = inbox.getByTestId('inbox-row').filter({ hasText: subject });
    expect(await row.count()).toBe(1);
    expect(await row.getAttribute('data-unread')).toBe('true');
    // Unread threads come first: no read row stands above an unread one.
    const flags = await inbox
      .getByTestId('inbox-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unread')));
    expect(
      flags.indexOf('false') === -1 || !flags.slice(flags.indexOf('false')).includes('true'),
    ).toBe(true);
    expect(await axe(page)).toEqual([]);

    // Keyboard: the thread's link is reached and opened with Enter.
    const link = row.getByRole('link', { name: subject });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/messages\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('thread-subject').textContent()).toBe(subject);
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('Mətn').fill('Arayış hazırdır, kabinetdə baxa bilərsiniz.');
    await page.getByTestId('answer-send').click();
    await page.waitForURL(/\?sent=1/);
    expect(await page.getByTestId('answer-sent-flash').count()).toBe(1);
    expect(await page.getByTestId('thread-message').count()).toBe(2);

    // Handled: it leaves the open inbox and is under "handled".
    await page.getByTestId('mark-handled').click();
    await page.waitForURL(/\?handled=1$/);
    await page.goto('/admin/messages', { waitUntil: 'load' });
    expect(await page.getByTestId('inbox-row').filter({ hasText: subject }).count()).toBe(0);
    await page.goto('/admin/messages?box=handled', { waitUntil: 'load' });
    expect(await page.getByTestId('inbox-row').filter({ hasText: subject }).count()).toBe(1);

    // The director sees the fund's answer, unread, in the cabinet's inbox.
    await director.page.goto('/cabinet/messages', { waitUntil: 'load' });
    const answer = director.page
      .getByTestId('messages-list-inbox')
      .getByTestId('message-row')
      .filter({ hasText: subject });
    expect(await answer.count()).toBe(1);
    expect(await answer.getAttribute('data-unread')).toBe('true');
    expect(await director.page.getByTestId('header-unread-text').textContent()).toMatch(
      /\d+ oxunmamış ismarıc/,
    );
    await answer.getByRole('link').click();
    await director.page.waitForURL(/\/cabinet\/messages\/[0-9a-f-]{36}$/);
    expect(await director.page.getByTestId('thread').textContent()).toContain('Arayış hazırdır');
    await director.context.close();
    await reviewer.context.close();
  });

  it('the reviewer finds Xəzər by VÖEN and opens its page with the debt per code', async () => {
    const { context, page } = await newPage(browser);
    await loginStaffWithEsign(page, 'Cəfərov Tural');
    await page.goto('/admin/employers', { waitUntil: 'load' });
    expect(await axe(page)).toEqual([]);
    const field = page.getByLabel('Ad, VÖEN və ya DSMF nömrəsi');
    await field.fill(XEZER_VOEN);
    await field.press('Enter');
    await page.waitForURL(/\/admin\/employers\?q=1402345671/);
    const rows = page.getByTestId('employer-row');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Xəzər Texnologiyaları');
    await rows.first().getByRole('link').click();
    await page.waitForURL(/\/admin\/employers\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('staff-employer-name').textContent()).toContain('Xəzər');
    const debt = page.getByTestId('staff-employer-debt');
    expect(await debt.locator('table').count()).toBeGreaterThan(0);
    expect(await debt.locator('caption').first().textContent()).not.toBe('');
    expect(await axe(page)).toEqual([]);
    await context.close();
  });
});
