import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertServerUp, launchBrowser, newPage } from './helpers/browser';
import { bakuDate, chooseEmployer, loginWithAsan, loginWithEsign } from './helpers/login';

const XEZER = '"Xəzər Texnologiyaları" MMC';

describe('identity, employer choice and authorities (issue 4)', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('signs in with an e-signature, chooses the employer and views its data', async () => {
    const { context, page } = await newPage(browser);
    await loginWithEsign(page, 'Məmmədov Rəşad');
    await chooseEmployer(page, XEZER);
    expect(await page.getByTestId('current-employer').textContent()).toBe(XEZER);
    expect(await page.getByTestId('service-menus').getByRole('link').count()).toBe(3);
    await page.getByRole('link', { name: /Sığortaedənin məlumatları/ }).click();
    await page.waitForURL(/\/info/);
    const data = await page.getByTestId('employer-data').textContent();
    expect(data).toContain('1402345671');
    expect(data).toContain('1100234567');
    expect(data).toContain('Məmmədov Rəşad Vaqif oğlu (5ZK7M2P)');
    // The home icon returns to the service home from anywhere (SPEC A5).
    await page.getByTestId('home-icon').click();
    await page.waitForURL(/\/home/);
    // Signed-in pages fit a 360 px phone too (header with the user menu included).
    await page.setViewportSize({ width: 360, height: 800 });
    for (const path of ['/home', '/info', '/authorities']) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await context.close();
  });

  it('grants a time-limited authority, the holder signs in with Asan İmza and sees the employer, then loses it on revoke', async () => {
    const director = await newPage(browser);
    await loginWithEsign(director.page, 'Məmmədov Rəşad');
    await chooseEmployer(director.page, XEZER);
    await director.page.goto('/authorities/new', { waitUntil: 'networkidle' });
    await director.page.getByLabel('Sığortaedənin məlumatları').check();
    await director.page.getByTestId('grant-next').click();
    await director.page.getByLabel('Asan İmza').check();
    await director.page.getByTestId('grant-next').click();
    await director.page.getByLabel('Asan İmza mobil nömrəsi').fill('050 100 00 07');
    // A wrong FIN is refused at its field, and nothing typed is lost.
    await director.page.getByLabel('FİN').fill('6GW4Z8');
    await director.page.getByTestId('confirm-holder').click();
    await director.page.getByTestId('error-summary').waitFor();
    expect(await director.page.getByLabel('Asan İmza mobil nömrəsi').inputValue()).toBe(
      '050 100 00 07',
    );
    await director.page.getByLabel('FİN').fill('6gw4z8h');
    await director.page.getByTestId('confirm-holder').click();
    expect(await director.page.getByTestId('holder-found').textContent()).toContain(
      'Babayev Orxan Samir oğlu',
    );
    await director.page.getByTestId('grant-next').click();
    await director.page.getByTestId('duration-interval').check();
    await director.page.getByLabel('Başlama tarixi').fill(bakuDate(0));
    await director.page.getByLabel('Bitmə tarixi').fill(bakuDate(30));
    await director.page.getByTestId('grant-next').click();
    await director.page.waitForURL(/\/authorities\?granted=1/);
    const row = director.page.getByTestId('authority-row').filter({ hasText: '6GW4Z8H' });
    expect(await row.getByTestId('authority-status').textContent()).toBe('Qüvvədədir');

    const holder = await newPage(browser);
    await loginWithAsan(holder.context, holder.page, '050 100 00 07', '100007');
    await chooseEmployer(holder.page, XEZER);
    expect(await holder.page.getByTestId('service-menus').getByRole('link').count()).toBe(1);
    await holder.page.goto('/info');
    expect(await holder.page.getByTestId('employer-data').textContent()).toContain('1402345671');
    // Only the granted service: the registry of authorities answers "not found".
    await holder.page.goto('/authorities');
    expect(await holder.page.locator('h1').textContent()).toBe('Səhifə tapılmadı');

    await director.page.getByTestId('revoke-6GW4Z8H').click();
    await director.page.getByTestId('revoke-confirm').click();
    await director.page.waitForURL(/revoked=1/);
    expect(
      await director.page
        .getByTestId('authority-row')
        .filter({ hasText: '6GW4Z8H' })
        .getByTestId('authority-status')
        .textContent(),
    ).toBe('Ləğv edilib');

    // Revoking ended the holder's session acting for Xəzər on the server (issue 12 §1): the
    // next request is the login page, and signed in again Xəzər is no longer theirs to choose.
    await holder.page.goto('/info');
    expect(new URL(holder.page.url()).pathname).toBe('/login');
    await loginWithAsan(holder.context, holder.page, '050 100 00 07', '100007');
    await holder.page.waitForURL(/\/employers/);
    await holder.page.getByTestId('no-employers').waitFor();
    await director.context.close();
    await holder.context.close();
  });

  it('blocks the card after three wrong PINs with a clear message', async () => {
    const { context, page } = await newPage(browser);
    await loginWithEsign(page, 'Kərimova Nərmin', '0000');
    await page.getByText('Qalan cəhd: 2').first().waitFor();
    await page.getByLabel('PIN kod').fill('0001');
    await page.getByTestId('pin-submit').click();
    await page.getByText('Qalan cəhd: 1').first().waitFor();
    await page.getByLabel('PIN kod').fill('0002');
    await page.getByTestId('pin-submit').click();
    await page
      .getByText(/bloklanıb/)
      .first()
      .waitFor();
    // Even the right PIN is refused now.
    await loginWithEsign(page, 'Kərimova Nərmin', '1234');
    await page
      .getByText(/bloklanıb/)
      .first()
      .waitFor();
    expect(page.url()).toContain('/login');
    await context.close();
  });

  it('refuses an expired certificate', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/login?method=esign', { waitUntil: 'networkidle' });
    await page.getByTestId('open-signing-program').click();
    await page.getByRole('radio', { name: /Nəsirov Kamran/ }).check();
    await page.getByTestId('certificate-ok').click();
    await page.getByLabel('PIN kod').fill('1234');
    await page.getByTestId('pin-submit').click();
    await page
      .getByText(/müddəti bitib/)
      .first()
      .waitFor();
    expect(page.url()).toContain('/login');
    await context.close();
  });
});
