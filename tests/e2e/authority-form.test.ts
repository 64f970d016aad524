import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertServerUp, launchBrowser, newPage } from './helpers/browser';
import { chooseEmployer, loginWithEsign } from './helpers/login';

// Issue 10 §11: the FIN field cut a pasted " 3ht8r4n" to " 3ht8r4" (maxLength 7) and the form
// then said "sertifikat tapılmadı"; its dates were ISO while the product writes dd.mm.yyyy.
describe('authority form: identifiers and dates (issue 10 §11)', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('takes " 3ht8r4n" as the FIN 3HT8R4N, finds the holder and shows dates day first', async () => {
    const { context, page } = await newPage(browser);
    await loginWithEsign(page, 'Məmmədov Rəşad');
    await chooseEmployer(page, '"Xəzər Texnologiyaları" MMC');
    await page.goto('/authorities/new', { waitUntil: 'networkidle' });
    await page.getByLabel('Sığortaedənin məlumatları').check();
    await page.getByTestId('grant-next').click();
    await page.getByLabel('Elektron imza', { exact: true }).check();
    await page.getByTestId('grant-next').click();

    // The card number pasted with spaces and in lower case.
    const card = page.getByLabel('Elektron imza kartının nömrəsi');
    await card.evaluate((input) => {
      const data = new DataTransfer();
      data.setData('text/plain', ' az 2000 100002 ');
      input.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    expect(await card.inputValue()).toBe('AZ2000100002');

    // The FIN typed as text is inserted (a maxLength would cut it here), then normalised on leaving.
    const fin = page.getByLabel('FİN');
    await fin.focus();
    await page.keyboard.insertText(' 3ht8r4n');
    expect(await fin.inputValue()).toBe(' 3ht8r4n');
    await fin.blur();
    expect(await fin.inputValue()).toBe('3HT8R4N');

    await page.getByTestId('confirm-holder').click();
    const found = page.getByTestId('holder-found');
    await found.waitFor();
    const text = (await found.textContent()) ?? '';
    expect(text).toContain('Əliyeva Aygün');
    expect(text).toContain('3HT8R4N');
    expect(text).toMatch(/Doğum tarixi: \d{2}\.\d{2}\.\d{4}/);
    expect(text).toMatch(/Sertifikat \d{2}\.\d{2}\.\d{4} tarixinədək/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await context.close();
  });
});
