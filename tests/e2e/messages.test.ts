import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalPdf } from '@/db/seed/minimal-pdf';
import { assertServerUp, launchBrowser, newPage } from './helpers/browser';
import { chooseEmployer, loginWithEsign } from './helpers/login';

// Issue 13 §9 "İsmarıclar" in the browser: the header counts the fund's unread messages, the
// seeded ones are in the inbox, opening one lowers the count, and a message sent with a PDF is
// in "Göndərilənlər" with its file downloadable as the very bytes sent. Counts are read, not
// assumed: another run on the same server may have opened the seeded messages already.

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help}`);
}

async function headerUnread(page: Page): Promise<number> {
  const text = (await page.getByTestId('header-unread-text').textContent())?.trim() ?? '';
  const match = /^(\d+) oxunmamış ismarıc$/.exec(text);
  if (match) return Number(match[1]);
  expect(text).toBe('Oxunmamış ismarıc yoxdur');
  return 0;
}

describe('messages with the fund (issue 13 §9)', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('inbox with the unread count; opening a message lowers it; a message with a PDF is in "sent" and downloads', async () => {
    const { context, page } = await newPage(browser);
    await loginWithEsign(page, 'Məmmədov Rəşad');
    await chooseEmployer(page, '"Xəzər Texnologiyaları" MMC');

    // From the cabinet's menu to the inbox: the fund's seeded messages are there.
    await page.goto('/cabinet/employer', { waitUntil: 'networkidle' });
    await page.getByTestId('cabinet-messages').click();
    await page.waitForURL(/\/cabinet\/messages$/);
    await page.reload({ waitUntil: 'networkidle' });
    const inbox = page.getByTestId('messages-list-inbox');
    await expect.poll(() => inbox.getByTestId('message-row').count()).toBeGreaterThanOrEqual(3);
    const text = (await inbox.textContent()) ?? '';
    expect(text).toContain('Xatırlatma: IV rüb hesabatının təqdim edilməsi');
    expect(text).toContain('Qeyri-sığorta gəlirlərinin hesabatda göstərilməsi');
    expect(await axe(page)).toEqual([]);

    const before = await headerUnread(page);
    const unreadRows = inbox.locator('[data-testid="message-row"][data-unread="true"]');
    expect(await unreadRows.count()).toBe(before);
    if (before > 0) {
      await unreadRows.first().getByRole('link').click();
      await page.waitForURL(/\/cabinet\/messages\/[0-9a-f-]{36}$/);
      expect(await page.getByTestId('thread-message').count()).toBeGreaterThan(0);
      expect(await axe(page)).toEqual([]);
      await page.goto('/cabinet/messages', { waitUntil: 'networkidle' });
      expect(await headerUnread(page)).toBe(before - 1);
      expect(await page.getByTestId('messages-unread').textContent()).toContain(
        before - 1 === 0 ? 'yoxdur' : `${before - 1} oxunmamış`,
      );
    }

    // A new message with a small real PDF.
    const subject = `Arayış ${Date.now()}`;
    const pdf = minimalPdf(subject);
    await page.getByTestId('messages-tab-new').click();
    await page.waitForURL(/\/cabinet\/messages\/new$/);
    await page.getByLabel('Mövzu').fill(subject);
    await page.getByLabel('Mətn').fill('Tələb olunan arayış əlavə olunur.');
    await page.getByLabel('Fayllar (istəyə görə)').setInputFiles({
      name: 'arayis.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(pdf),
    });
    expect(await axe(page)).toEqual([]);
    await page.getByTestId('new-message-send').click();
    await page.waitForURL(/\/cabinet\/messages\/sent\?sent=1$/);
    expect(await page.getByTestId('message-sent-flash').count()).toBe(1);
    const sent = page.getByTestId('messages-list-sent');
    const row = sent.getByTestId('message-row').filter({ hasText: subject });
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('Fayllar: 1');

    // Its thread shows the file; the download is the same bytes, as a PDF, not sniffed.
    await row.getByRole('link').click();
    await page.waitForURL(/\/cabinet\/messages\/[0-9a-f-]{36}$/);
    const link = page.getByTestId('attachment-link');
    expect(await link.textContent()).toContain('arayis.pdf');
    const href = (await link.getAttribute('href'))!;
    const download = await page.request.get(href);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(download.headers()['x-content-type-options']).toBe('nosniff');
    expect(download.headers()['content-disposition']).toContain('filename="arayis.pdf"');
    expect(Buffer.from(await download.body()).equals(Buffer.from(pdf))).toBe(true);
    // An id that is not one of the employer's is a 404.
    const missing = await page.request.get(
      '/cabinet/messages/attachments/00000000-0000-4000-8000-000000000000',
    );
    expect(missing.status()).toBe(404);
    await context.close();
  });

  it('a file that is not what its name says is refused at the field; fits a 360 px phone', async () => {
    const { context, page } = await newPage(browser, { width: 360 });
    await loginWithEsign(page, 'Məmmədov Rəşad');
    await chooseEmployer(page, '"Xəzər Texnologiyaları" MMC');
    await page.goto('/cabinet/messages/new', { waitUntil: 'networkidle' });
    await page.getByLabel('Mövzu').fill('Şəkil');
    await page.getByLabel('Mətn').fill('Əlavədə.');
    await page.getByLabel('Fayllar (istəyə görə)').setInputFiles({
      name: 'akt.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ this is not a PDF'),
    });
    await page.getByTestId('new-message-send').click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Fayl PDF, PNG və ya JPEG formatında olmalıdır');
    // What was typed stays.
    expect(await page.getByLabel('Mövzu').inputValue()).toBe('Şəkil');
    expect(await axe(page)).toEqual([]);
    for (const path of ['/cabinet/messages', '/cabinet/messages/sent', '/cabinet/messages/new']) {
      await page.goto(path, { waitUntil: 'networkidle' });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    expect(await axe(page)).toEqual([]);
    await context.close();
  });
});
