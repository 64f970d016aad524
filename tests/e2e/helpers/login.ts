import type { BrowserContext, Page } from 'playwright-core';

/** SPEC A2 through the simulated signing program: choose the holder's certificate, PIN1. */
export async function loginWithEsign(page: Page, holder: string, pin = '1234'): Promise<void> {
  await page.goto('/login?method=esign', { waitUntil: 'networkidle' });
  await page.getByTestId('open-signing-program').click();
  await page.getByRole('radio', { name: new RegExp(holder) }).check();
  await page.getByTestId('certificate-ok').click();
  await page.getByTestId('verification-code').waitFor();
  await page.getByLabel('PIN kod').fill(pin);
  await page.getByTestId('pin-submit').click();
}

/** SPEC A3: phone + User ID, then the phone simulator (another tab) confirms with PIN1. */
export async function loginWithAsan(
  context: BrowserContext,
  page: Page,
  phone: string,
  userId: string,
  pin = '1234',
): Promise<void> {
  await page.goto('/login?method=asan', { waitUntil: 'networkidle' });
  await page.getByLabel('Mobil nömrə').fill(phone);
  await page.getByLabel('İstifadəçi İD').fill(userId);
  await page.getByTestId('asan-submit').click();
  const code = (await page.getByTestId('verification-code').textContent())?.trim();
  const phonePage = await context.newPage();
  await phonePage.goto(`/simulator/phone?phone=${encodeURIComponent(phone)}`, {
    waitUntil: 'networkidle',
  });
  const request = phonePage.getByTestId('phone-request').filter({ hasText: code ?? '' });
  await request.getByLabel(/PIN1/).fill(pin);
  await request.getByTestId('phone-confirm').click();
  await phonePage.getByTestId('phone-notice').waitFor();
  await phonePage.close();
}

export async function chooseEmployer(page: Page, name: string): Promise<void> {
  await page.waitForURL(/\/employers/);
  await page.getByRole('button', { name: `Seç: ${name}` }).click();
  await page.waitForURL(/\/home/);
}

/** Today and today + n days in Baku (UTC+4), as the date inputs take them. */
export function bakuDate(offsetDays = 0): string {
  return new Date(Date.now() + 4 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Issue 14 §1: a fund staff member signs in at /admin/login with their card (the demo staff:
 * 'İsmayılova Səbinə' operator, 'Cəfərov Tural' reviewer, 'Rzayeva Nigar' head — Nəsimi body —,
 * 'Hüseynov Emil' Səbail operator, 'Əhmədov Fərid' administrator) and lands on /admin.
 */
export async function loginStaffWithEsign(page: Page, holder: string, pin = '1234'): Promise<void> {
  await page.goto('/admin/login?method=esign', { waitUntil: 'networkidle' });
  await page.getByTestId('open-signing-program').click();
  await page.getByRole('radio', { name: new RegExp(holder) }).check();
  await page.getByTestId('certificate-ok').click();
  await page.getByTestId('verification-code').waitFor();
  await page.getByLabel('PIN kod').fill(pin);
  await page.getByTestId('pin-submit').click();
  await page.waitForURL((url) => url.pathname === '/admin');
}
