import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEmployer } from '@/db/seed/employers';
import { buildPeople } from '@/db/seed/people';
import { createRandom } from '@/db/seed/random';
import { formatAmount } from '@/lib/domain';
import { assertServerUp, launchBrowser, newPage } from './helpers/browser';
import { chooseEmployer, loginWithAsan, loginWithEsign } from './helpers/login';

// The seed is deterministic (db/seed/index.ts: one PRNG, seed 20 260 101, people built first),
// so the test process rebuilds the same registry and rosters the server's database holds.
const PEOPLE = buildPeople(createRandom(20_260_101));
const REGISTRY = new Map(PEOPLE.registry.map((p) => [p.fin, p]));
const rosterOf = (key: string, activity: string) =>
  PEOPLE.employments
    .filter((e) => e.employerId === seedEmployer(key).id && e.activityCode === activity)
    .sort((a, b) => a.fin.localeCompare(b.fin));

const MONTHS = ['2026-07', '2026-08', '2026-09'];
/** 3000 as the message formatter writes it in az (grouped or not). */
const THREE_THOUSAND = /\b3[\s.,\u00a0\u202f]?000\b/;
const SHOTS = process.env.E2E_SHOTS ?? '/tmp';

/** /reports/new → İlkin, 2026, Q3, the activity code; an existing İlkin draft is reused. Returns its id. */
async function openReport(page: Page, activity: string): Promise<string> {
  await page.goto('/reports/new', { waitUntil: 'networkidle' });
  await page.locator('#type-INITIAL').check();
  await page.locator('#report-year').selectOption('2026');
  await page.locator('#report-quarter').selectOption('3');
  await page.locator('#report-activity').selectOption(activity);
  await page.getByTestId('create-report').click();
  const existing = page.getByTestId('existing-report-link');
  await Promise.race([page.waitForURL(/\/reports\/[0-9a-f-]{36}\//), existing.waitFor()]);
  if (await existing.isVisible()) await existing.click();
  await page.waitForURL(/\/reports\/[0-9a-f-]{36}\//);
  return /\/reports\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
}

async function fillMonths(page: Page, values: [string, string, string]): Promise<void> {
  for (const [i, label] of ['İyul 2026', 'Avqust 2026', 'Sentyabr 2026'].entries()) {
    await page.getByLabel(label, { exact: true }).fill(values[i]!);
  }
}

async function submitStep(page: Page, from: RegExp): Promise<void> {
  await page.getByTestId('step-forward').click();
  await page.waitForURL((url) => !from.test(url.pathname));
}

describe('insured persons, distribution, signatories and check answers (issue 5)', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("the manual's worked example: three persons, 500 of non-liable income in August, the warning, the fix, ready", async () => {
    const { context, page } = await newPage(browser);
    await loginWithEsign(page, 'Məmmədov Rəşad');
    await chooseEmployer(page, '"Xəzər Texnologiyaları" MMC');
    const id = await openReport(page, '62.01');
    const step = (slug: string) =>
      page.goto(`/reports/${id}/${slug}`, { waitUntil: 'networkidle' });

    await step('labour-payments');
    await fillMonths(page, ['3 000', '3 000', '3 000']);
    await submitStep(page, /labour-payments$/);

    // F8 (the money steps): exactly one income not subject to MDSS, 500 in August.
    await step('non-liable-income');
    while ((await page.getByTestId('delete-non-liable').count()) > 0) {
      const before = await page.getByTestId('non-liable-row').count();
      await page.getByTestId('delete-non-liable').first().click();
      await page.getByTestId('delete-non-liable-confirm').click();
      await expect.poll(() => page.getByTestId('non-liable-row').count()).toBeLessThan(before);
    }
    await page.getByTestId('open-non-liable').click();
    await page.locator('#nli-reason').selectOption({ index: 1 });
    await page.locator('#nli-month').selectOption('2026-08');
    await page.locator('#nli-amount').fill('500');
    await page.getByTestId('save-non-liable').click();
    await page.getByTestId('non-liable-row').first().waitFor();

    await step('headcount');
    await fillMonths(page, ['3', '3', '3']);
    await submitStep(page, /headcount$/);

    // F20: three persons of the roster, 1 000 each month; the registry names them.
    await step('insured-persons');
    while ((await page.getByTestId('person-row').count()) > 0) {
      const before = await page.getByTestId('person-row').count();
      const row = page.getByTestId('person-row').first();
      await row.getByTestId('delete-person').click();
      await row.getByTestId('confirm-delete-person').click();
      await expect.poll(() => page.getByTestId('person-row').count()).toBeLessThan(before);
    }
    // An unknown FIN is refused at the field, and what was typed stays.
    await page.locator('#person-fin').fill('ZZZZZZ9');
    await page.locator('#person-income-0').fill('1 000');
    await page.getByTestId('add-person').click();
    await page.locator('#person-fin-error').waitFor();
    expect(await page.locator('#person-fin-error').textContent()).toContain('tapılmadı');
    expect(await page.locator('#person-income-0').inputValue()).toBe('1 000');
    const fins = rosterOf('xezer', '62.01')
      .slice(0, 3)
      .map((e) => e.fin);
    for (const fin of fins) {
      await page.locator('#person-fin').fill(fin);
      for (let i = 0; i < 3; i += 1) await page.locator(`#person-income-${i}`).fill('1 000');
      await page.getByTestId('add-person').click();
      const person = REGISTRY.get(fin)!;
      await expect
        .poll(() => page.getByTestId('person-added').textContent())
        .toContain(`${person.surname} ${person.name}`);
    }
    await expect.poll(() => page.getByTestId('person-row').count()).toBe(3);
    await expect.poll(() => page.getByTestId('quarter-income').textContent()).toBe('9 000,00 ₼');
    await page.screenshot({ path: `${SHOTS}/wizard-f20-1280.png`, fullPage: true });

    // F21: the headcount agrees with the persons.
    await step('headcount-check');
    expect(await page.locator('[data-testid=headcount-row][data-agrees=true]').count()).toBe(3);

    // F22: BÖLÜŞDÜR → exactly one warning: August, 500,00 ₼, the non-liable income.
    await step('distribution');
    await page.getByTestId('distribute').click();
    await page.getByTestId('distribution-warning').first().waitFor();
    expect(await page.getByTestId('distribution-warning').count()).toBe(1);
    const warning = page.getByTestId('distribution-warning');
    expect(await warning.getByTestId('warning-month').textContent()).toBe('Avqust 2026');
    expect(await warning.getByTestId('warning-difference').textContent()).toBe('500,00 ₼');
    expect(await warning.getByTestId('warning-text').textContent()).toContain(
      'cəlb olunmayan gəlir',
    );
    await page.screenshot({ path: `${SHOTS}/wizard-f22-1280.png`, fullPage: true });

    // Check answers before the fix: the warning asks for a reason, and ready is refused (no signatories yet).
    await step('check-answers');
    expect(await page.getByTestId('review-warning').count()).toBe(1);
    // A first run has no signatories yet (a re-run against the same database has them).
    const blockingBefore = await page.getByTestId('blocking-error').count();
    // A confirmation stays valid while the difference is the same, so a re-run finds it confirmed.
    if ((await page.getByTestId('warning-confirmed').count()) === 0) {
      await page.getByTestId('confirm-warnings').click();
      await page.getByTestId('error-summary').waitFor();
      expect(await page.getByTestId('error-summary').textContent()).toContain('səbəbi');
      await page
        .getByTestId('review-warning')
        .locator('textarea')
        .fill('Avqust ayında birdəfəlik kompensasiya ödənilib');
      await page.getByTestId('confirm-warnings').click();
      await page.getByTestId('warning-confirmed').waitFor();
    }
    if (blockingBefore > 0) {
      await page.getByTestId('mark-ready').click();
      await expect
        .poll(() => page.getByTestId('error-summary').textContent())
        .toContain('xəta var');
    }

    // The warning's link leads to F8, where the income is removed.
    await step('distribution');
    const again = page.getByTestId('distribution-warning');
    await again.getByTestId('warning-fix-link').click();
    await page.waitForURL(/non-liable-income$/);
    await page.getByTestId('delete-non-liable').first().waitFor();
    await page.getByTestId('delete-non-liable').first().click();
    await page.getByTestId('delete-non-liable-confirm').click();
    await page.getByTestId('non-liable-empty').waitFor();

    await step('distribution');
    await page.getByTestId('distribute').click();
    await page.getByTestId('no-warnings').waitFor();
    expect(await page.getByTestId('distribution-warning').count()).toBe(0);

    // F19: the equal split shows what was distributed.
    await step('equal-split');
    await page.getByTestId('distribute').click();
    await page.getByTestId('split-result').waitFor();

    // F24: a person of the report with preferential seniority, then removed again.
    await step('preferential-seniority');
    await page.locator('#sen-fin').fill(fins[0]!);
    await page.locator('#sen-entry').selectOption({ index: 1 });
    await page.locator('#sen-days').fill('10');
    await page.getByTestId('add-seniority').click();
    await page.getByTestId('seniority-row').waitFor();
    expect(await page.getByTestId('seniority-row').textContent()).toContain('10 gün');
    await page.getByTestId('delete-seniority').click();
    await page.getByTestId('delete-seniority-confirm').click();
    await page.getByTestId('seniority-empty').waitFor();

    // F25: the responsible person and the chief accountant by FIN + DİN.
    await step('signatories');
    for (const [prefix, fin, surname] of [
      ['resp', '5ZK7M2P', 'Məmmədov'],
      ['chief', '3HT8R4N', 'Əliyeva'],
    ] as const) {
      await page.getByTestId(`${prefix}-choose`).click();
      await page.locator(`#${prefix}-fin`).fill(fin);
      await page.locator(`#${prefix}-doc-DIN`).check();
      await page.getByTestId(`${prefix}-search`).click();
      await page.getByTestId(`${prefix}-found`).waitFor();
      await page.getByTestId(`${prefix}-save`).click();
      await expect
        .poll(() => page.getByTestId(`${prefix}-current`).textContent())
        .toContain(surname);
    }

    // Check answers: no blocking errors, no warnings → ready.
    await step('check-answers');
    expect(await page.getByTestId('blocking-error').count()).toBe(0);
    expect(await page.getByTestId('review-warning').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/wizard-review-1280.png`, fullPage: true });
    await page.getByTestId('mark-ready').click();
    await page.getByTestId('report-ready').waitFor();
    await page.getByTestId('to-registry').click();
    await page.waitForURL(/\/reports$/);
    // The draft is listed, marked ready to send, and opens again where it was left.
    const row = page.getByTestId('report-row').filter({ has: page.locator(`a[href*="${id}"]`) });
    expect(await row.textContent()).toContain('göndərilməyə hazırdır');

    // The same pages at 360 px.
    await page.setViewportSize({ width: 360, height: 800 });
    await step('insured-persons');
    await page.screenshot({ path: `${SHOTS}/wizard-f20-360.png`, fullPage: true });
    await step('check-answers');
    await page.screenshot({ path: `${SHOTS}/wizard-review-360.png`, fullPage: true });
    await context.close();
  });

  it('sends the manual example from the registry with Asan İmza: Received, then Accepted; receipt PDF; /verify', async () => {
    const { context, page } = await newPage(browser);
    await loginWithAsan(context, page, '+994501000001', '100001');
    await chooseEmployer(page, '"Xəzər Texnologiyaları" MMC');
    await page.goto('/reports/registry?year=2026&quarter=3', { waitUntil: 'networkidle' });
    const row = page.getByTestId('registry-row').filter({ hasText: '62.01' });
    await row.getByTestId('send-report').click();
    // Asan İmza: the code on the screen, PIN2 on the phone.
    const code = ((await page.getByTestId('signing-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^\d{4}$/);
    const phone = await context.newPage();
    await phone.goto('/simulator/phone?phone=%2B994501000001', { waitUntil: 'networkidle' });
    const request = phone.getByTestId('phone-request').filter({ hasText: code });
    await request.getByLabel(/PIN2/).fill('12345');
    await request.getByTestId('phone-confirm').click();
    await phone.getByTestId('phone-notice').waitFor();
    await phone.close();
    // Received, checked and accepted: the report's own page opens with its timeline.
    await page.waitForURL(/\/reports\/[^/]+\/view$/, { timeout: 30_000 });
    await page.getByTestId('status-history').waitFor();
    const history = page.getByTestId('status-history').locator('li');
    expect(await history.count()).toBe(2);
    expect(await history.nth(0).textContent()).toContain('Daxil olub');
    expect(await history.nth(1).textContent()).toContain('Qəbul edildi');
    const receiptNumber = (
      (await page.getByTestId('report-view-header').textContent()) ?? ''
    ).match(/HS-\d{4}-\d+/)?.[0];
    expect(receiptNumber).toBeTruthy();
    // The registry row says accepted, after a reload too.
    await page.goto('/reports/registry?year=2026&quarter=3', { waitUntil: 'networkidle' });
    const sent = page.getByTestId('registry-row').filter({ hasText: '62.01' });
    expect(await sent.getByTestId('status-badge').textContent()).toContain('Qəbul edildi');
    await sent.getByTestId('registry-view').click();
    await page.getByTestId('status-history').waitFor();

    // The receipt, its PDF and the public check.
    await page.getByTestId('view-receipt').click();
    await page.getByTestId('receipt').waitFor();
    expect(await page.getByTestId('receipt-number').textContent()).toBe(receiptNumber);
    const pdfHref = await page.getByTestId('receipt-pdf').getAttribute('href');
    const pdf = await context.request.get(new URL(pdfHref!, page.url()).toString());
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const doc = await PDFDocument.load(await pdf.body());
    expect(doc.getTitle()).toBe(`Qəbz ${receiptNumber}`);
    const hash = doc.getSubject();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await page.getByTestId('receipt-verify').click();
    await page.waitForURL(/\/verify/);
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('verify-result').getAttribute('data-valid')).toBe('true');
    // Anyone can check, signed in or not; a wrong hash is not valid.
    const stranger = await browser.newContext({ baseURL: new URL(page.url()).origin });
    const anon = await stranger.newPage();
    await anon.goto(
      `/verify?receipt=${receiptNumber}&hash=${hash!.replace(/^./, hash![0] === 'a' ? 'b' : 'a')}`,
      { waitUntil: 'networkidle' },
    );
    expect(await anon.getByTestId('verify-result').getAttribute('data-valid')).toBe('false');
    await anon.goto(`/verify?receipt=${receiptNumber}&hash=${hash}`, { waitUntil: 'networkidle' });
    expect(await anon.getByTestId('verify-result').getAttribute('data-valid')).toBe('true');
    await stranger.close();
    await context.close();
  });

  it('imports a 3,000-row XLSX with five bad rows, shows the five errors, takes the fixes and lists 3,000 persons', async () => {
    const roster = rosterOf('kur', '41.20').slice(0, 3000);
    expect(roster).toHaveLength(3000);
    // Amounts per row and month in qəpik: the wage, and nothing in September for every 7th row.
    const amounts = roster.map((e, i) => [
      e.monthlyWageQepik,
      e.monthlyWageQepik + (i % 3) * 100,
      i % 7 === 0 ? null : e.monthlyWageQepik,
    ]);
    const unknown = ['ZZZZZZ9', 'ZZZZZZ8', 'ZZZZZY9'].find((f) => !REGISTRY.has(f))!;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sığortaolunanlar');
    sheet.addRow(['FIN', 'Soyad', 'Ad', ...MONTHS]);
    roster.forEach((e, i) => {
      const p = REGISTRY.get(e.fin)!;
      const cells: (string | number | null)[] = [
        e.fin,
        p.surname,
        p.name,
        ...amounts[i]!.map((q) => (q === null ? null : q / 100)),
      ];
      if (i === 10) cells[0] = 'AB1'; // bad FIN format
      if (i === 20) cells[0] = unknown; // not in the registry
      if (i === 30) cells[0] = roster[29]!.fin; // duplicate of the row above
      if (i === 40) cells[3] = -100; // negative amount
      if (i === 50) cells[4] = 'abc'; // not an amount
      sheet.addRow(cells);
    });
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    const { context, page } = await newPage(browser);
    await loginWithEsign(page, 'Abbasov Elvin');
    await chooseEmployer(page, '"Kür İnşaat" ASC');
    const id = await openReport(page, '41.20');
    await page.goto(`/reports/${id}/insured-persons`, { waitUntil: 'networkidle' });
    await page.locator('#import-file').setInputFiles({
      name: 'kur-2026-q3.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await page.getByTestId('import-mode-replace').check();
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-errors').waitFor({ timeout: 60_000 });
    const errors = page.getByTestId('import-error');
    expect(await errors.count()).toBe(5);
    const lines = await errors.locator('th').allTextContents();
    expect(lines.map(Number)).toEqual([12, 22, 32, 42, 52]); // header is line 1
    expect(await page.getByTestId('rejected-row').count()).toBe(5);
    await page.screenshot({ path: `${SHOTS}/wizard-import-errors-1280.png`, fullPage: false });

    // Fix each row in the browser, then import again (the whole file applies at once).
    await page.locator('#fix-12-FIN').fill(roster[10]!.fin);
    await page.locator('#fix-22-FIN').fill(roster[20]!.fin);
    await page.locator('#fix-32-FIN').fill(roster[30]!.fin);
    await page.locator('#fix-42-2026-07').fill('100');
    await page.locator('#fix-52-2026-08').fill('250');
    amounts[40]![0] = 10_000;
    amounts[50]![1] = 25_000;
    await page.getByTestId('import-submit').click();
    await expect
      .poll(() => page.getByTestId('import-status').textContent(), { timeout: 60_000 })
      .toMatch(THREE_THOUSAND);

    await page.goto(`/reports/${id}/insured-persons`, { waitUntil: 'networkidle' });
    expect(await page.getByTestId('persons-count').textContent()).toMatch(THREE_THOUSAND);
    expect(await page.getByTestId('person-row').count()).toBe(50);
    const money = (q: number) => formatAmount(q, 'az');
    for (const [m, month] of MONTHS.entries()) {
      const total = amounts.reduce((s, a) => s + (a[m] ?? 0), 0);
      const persons = amounts.filter((a) => (a[m] ?? 0) > 0).length;
      const row = page.locator(`[data-testid=month-total][data-month="${month}"]`);
      expect(await row.getByTestId('month-income').textContent()).toBe(money(total));
      expect(await row.getByTestId('month-persons').textContent()).toBe(String(persons));
    }
    // Filters and pages keep 3,000 persons usable.
    await page.locator('#filter-fin').fill(roster[100]!.fin);
    await page.getByTestId('filter-submit').click();
    await page.waitForURL(/fin=/);
    expect(await page.getByTestId('person-row').count()).toBe(1);
    await page.goto(`/reports/${id}/insured-persons?page=60`, { waitUntil: 'networkidle' });
    expect(await page.getByTestId('person-row').count()).toBe(50);
    await page.setViewportSize({ width: 360, height: 800 });
    await page.screenshot({ path: `${SHOTS}/wizard-f20-3000-360.png`, fullPage: false });
    await context.close();
  });
});
