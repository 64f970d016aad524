import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEmployer } from '@/db/seed/employers';
import { buildPeople } from '@/db/seed/people';
import { createRandom } from '@/db/seed/random';
import { assertServerUp, launchBrowser, newPage } from './helpers/browser';
import { chooseEmployer, loginWithEsign } from './helpers/login';

// Issue 15 §6: a large import shows its progress from the job row, reaches "done", and the
// step shows the finished job again after a reload (the row outlives the request and the tab).

const PEOPLE = buildPeople(createRandom(20_260_101));
const REGISTRY = new Map(PEOPLE.registry.map((p) => [p.fin, p]));
const MONTHS = ['2026-07', '2026-08', '2026-09'];
const THREE_THOUSAND = /\b3[\s.,\u00a0\u202f]?000\b/;

describe('import progress (issue 15 §6)', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('imports 3,000 rows with a progress bar that reaches done, and shows it again after a reload', async () => {
    const roster = PEOPLE.employments
      .filter((e) => e.employerId === seedEmployer('kur').id && e.activityCode === '41.20')
      .sort((a, b) => a.fin.localeCompare(b.fin));
    expect(roster.length).toBeGreaterThanOrEqual(3000);
    const lines = [`FIN;Soyad;Ad;${MONTHS.join(';')}`];
    for (const e of roster.slice(0, 3000)) {
      const p = REGISTRY.get(e.fin)!;
      const azn = (e.monthlyWageQepik / 100).toFixed(2).replace('.', ',');
      lines.push(`${e.fin};${p.surname};${p.name};${azn};${azn};${azn}`);
    }

    const { context, page } = await newPage(browser);
    await loginWithEsign(page, 'Abbasov Elvin');
    await chooseEmployer(page, '"Kür İnşaat" ASC');
    await page.goto('/reports/new', { waitUntil: 'networkidle' });
    await page.locator('#type-INITIAL').check();
    await page.locator('#report-year').selectOption('2026');
    await page.locator('#report-quarter').selectOption('3');
    await page.locator('#report-activity').selectOption('41.20');
    await page.getByTestId('create-report').click();
    const existing = page.getByTestId('existing-report-link');
    await Promise.race([page.waitForURL(/\/reports\/[0-9a-f-]{36}\//), existing.waitFor()]);
    if (await existing.isVisible()) await existing.click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}\//);
    const id = /\/reports\/([0-9a-f-]{36})\//.exec(page.url())![1]!;

    await page.goto(`/reports/${id}/insured-persons`, { waitUntil: 'networkidle' });
    await page.locator('#import-file').setInputFiles({
      name: 'kur-2026-q3.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
    });
    await page.getByTestId('import-mode-replace').check();
    // The draft may be shared with another browser test whose import left a finished job on
    // it: this import's own job is the one that replaces it.
    const progress = page.getByTestId('job-progress');
    const earlier = (await progress.count()) > 0 ? await progress.getAttribute('data-job') : null;
    await page.getByTestId('import-submit').click();
    await progress.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => progress.getAttribute('data-job'), { timeout: 30_000 })
      .not.toBe(earlier);
    // The bar is announced while the job runs, and reaches done from the polled row.
    const bar = progress.getByRole('progressbar');
    expect(await bar.getAttribute('aria-valuemax')).toBe('100');
    await expect.poll(() => progress.getAttribute('data-status'), { timeout: 90_000 }).toBe('DONE');
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    expect(await progress.getByTestId('job-counts').textContent()).toMatch(THREE_THOUSAND);
    expect(await progress.getByTestId('job-status').getAttribute('aria-live')).toBe('polite');
    await expect
      .poll(() => page.getByTestId('import-status').textContent(), { timeout: 30_000 })
      .toMatch(THREE_THOUSAND);

    // Reopened: the finished job is read from its row again.
    await page.reload({ waitUntil: 'networkidle' });
    const again = page.getByTestId('job-progress');
    expect(await again.getAttribute('data-status')).toBe('DONE');
    expect(await again.getByTestId('job-status').textContent()).toMatch(THREE_THOUSAND);
    expect(await page.getByTestId('persons-count').textContent()).toMatch(THREE_THOUSAND);

    // The job's address answers this employer only; a made-up id is a 404.
    const missing = await page.request.get('/reports/jobs/00000000-0000-4000-8000-000000000000');
    expect(missing.status()).toBe(404);
    await context.close();
  }, 180_000);
});
