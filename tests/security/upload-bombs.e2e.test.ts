import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, assertServerUp, launchBrowser, newPage } from '../e2e/helpers/browser';
import { chooseEmployer, loginWithEsign } from '../e2e/helpers/login';
import { bombSheet, heavySheet, workbook } from '../fixtures/zip-files';

// Issue 12 §5 against the running server: before, two 2 MB workbooks uploaded at once held the
// server for 90 s (/api/health hung). Now each pair of bombs below is uploaded by two browsers
// at once while /api/health is asked again and again; the server keeps answering (target under
// 200 ms; asserted under 1 s so a busy CI machine does not flake) and both uploads are refused
// in plain words. The figures are printed.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MB = 1024 * 1024;

/**
 * /reports/new → İlkin, 2024, Q4, the activity code; an existing draft is reused. A quarter before
 * the demo history that no other browser test files, so its draft is still open here whatever
 * ran before (2026 Q3 is sent by the sending tests).
 */
async function openPersonsStep(page: Page, activity: string): Promise<void> {
  await page.goto('/reports/new', { waitUntil: 'networkidle' });
  await page.locator('#type-INITIAL').check();
  await page.locator('#report-year').selectOption('2024');
  await page.locator('#report-quarter').selectOption('4');
  await page.locator('#report-activity').selectOption(activity);
  await page.getByTestId('create-report').click();
  const existing = page.getByTestId('existing-report-link');
  await Promise.race([page.waitForURL(/\/reports\/[0-9a-f-]{36}\//), existing.waitFor()]);
  if (await existing.isVisible()) await existing.click();
  await page.waitForURL(/\/reports\/[0-9a-f-]{36}\//);
  const id = /\/reports\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
  await page.goto(`/reports/${id}/insured-persons`, { waitUntil: 'networkidle' });
}

/** Asks /api/health one request after another until `stop` resolves; each answer's time. */
async function healthWhile(stop: Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  let done = false;
  void stop.finally(() => (done = true));
  while (!done) {
    const started = performance.now();
    const response = await fetch(`${BASE_URL}/api/health`);
    await response.arrayBuffer();
    expect(response.status).toBe(200);
    times.push(performance.now() - started);
    await new Promise((go) => setTimeout(go, 20));
  }
  return times;
}

const percentile = (times: number[], p: number) =>
  [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(times.length * p))] ?? 0;

describe('two bombs at once do not stall the server (issue 12 §5)', () => {
  let browser: Browser;
  let pages: Page[];

  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
    // Not Xəzər: a 2024 draft would move the quarter its "Yeni Hesabat" offers (new-report e2e).
    const sebail = await newPage(browser);
    await loginWithEsign(sebail.page, 'Həsənov Vüqar');
    await chooseEmployer(sebail.page, 'Səbail rayon Təhsil Şöbəsi');
    await openPersonsStep(sebail.page, '85.31');
    const kur = await newPage(browser);
    await loginWithEsign(kur.page, 'Abbasov Elvin');
    await chooseEmployer(kur.page, '"Kür İnşaat" ASC');
    await openPersonsStep(kur.page, '41.20');
    pages = [sebail.page, kur.page];
  });
  afterAll(async () => browser?.close());

  const sheet = bombSheet(200);
  const heavy = heavySheet(8_000, 150);
  const pairs: [label: string, files: [Buffer, Buffer], unpacked: Buffer, message: RegExp][] = [
    // The attack's two files: 815 KB and 1.8 MB, each unpacking to 200 MB.
    [
      'directory bombs',
      [workbook(sheet, { level: 9 }), workbook(sheet)],
      sheet,
      /çox böyük və ya mürəkkəbdir/,
    ],
    // The same rows declaring 1 MB: past the directory, stopped while inflating in the worker.
    [
      'lying bombs',
      [workbook(sheet, { declaredSize: MB }), workbook(sheet, { declaredSize: MB })],
      sheet,
      /çox böyük və ya mürəkkəbdir/,
    ],
    // Honest sizes at ~5:1, 1.2 M cells: stopped by the cell count in the worker.
    ['heavy sheets', [workbook(heavy), workbook(heavy)], heavy, /xanadan çox olmamalıdır/],
  ];

  it.each(pairs)(
    '%s: both refused, /api/health keeps answering',
    async (label, files, unpacked, message) => {
      for (const [i, page] of pages.entries()) {
        await page.locator('#import-file').setInputFiles({
          name: `bomb-${i}.xlsx`,
          mimeType: XLSX,
          buffer: files[i]!,
        });
      }
      const started = performance.now();
      const refused = Promise.all(
        pages.map(async (page) => {
          await page.getByTestId('import-submit').click();
          const error = page.locator('#import-file-error');
          await error.waitFor({ timeout: 60_000 });
          return (await error.textContent()) ?? '';
        }),
      );
      const times = await healthWhile(refused);
      const messages = await refused;
      const elapsed = performance.now() - started;
      for (const text of messages) {
        expect(text).toMatch(message);
        expect(text).not.toMatch(/[A-Z]{3,}_[A-Z]/);
      }
      const worst = Math.max(...times);
      console.info(
        `${label} (${files.map((f) => `${(f.length / 1024).toFixed(0)} KB`).join(' + ')}, ` +
          `${(unpacked.length / MB).toFixed(0)} MB of sheet each): refused in ${elapsed.toFixed(0)} ms; ` +
          `/api/health ×${times.length}: median ${percentile(times, 0.5).toFixed(0)} ms, ` +
          `p95 ${percentile(times, 0.95).toFixed(0)} ms, max ${worst.toFixed(0)} ms`,
      );
      expect(times.length).toBeGreaterThan(0);
      expect(worst).toBeLessThan(1_000);
    },
  );
});
