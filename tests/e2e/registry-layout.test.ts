import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertServerUp, launchBrowser, newPage } from './helpers/browser';
import { chooseEmployer, loginWithEsign } from './helpers/login';

// Issue 10 §10: at 1 366 px the registry's actions went off screen and about six rows fitted a
// screen; at 360 px it was a sideways-scrolling table.

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Xəzər's open 2026 Q3 47.41 draft (made here, or found from an earlier run or test). */
async function ensureDraft(page: Page): Promise<void> {
  await page.goto('/reports/new', { waitUntil: 'networkidle' });
  await page.locator('#type-INITIAL').check();
  await page.locator('#report-year').selectOption('2026');
  await page.locator('#report-quarter').selectOption('3');
  await page.locator('#report-activity').selectOption('47.41');
  await page.getByTestId('create-report').click();
  await page.waitForFunction(
    () =>
      location.pathname.endsWith('/debt-start') ||
      document.querySelector('[data-testid=existing-report-link]') !== null,
  );
}

/** Every link and button of a row lies inside the viewport and is the element found at its centre. */
async function actionsOnScreen(row: Locator, width: number): Promise<string[]> {
  const problems: string[] = [];
  // Only vertically: a sideways scroll of the table would hide the very problem looked for.
  await row.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 120));
  const actions = await row.locator('td:last-child a, td:last-child button').all();
  expect(actions.length).toBeGreaterThan(0);
  for (const action of actions) {
    const name = ((await action.textContent()) ?? '').trim();
    const box = await action.boundingBox();
    if (!box || box.x < 0 || box.x + box.width > width) {
      problems.push(
        `${name}: ${box ? `${Math.round(box.x)}–${Math.round(box.x + box.width)}` : 'hidden'}`,
      );
      continue;
    }
    const onTop = await action.evaluate(
      (el, [x, y]) => {
        const hit = document.elementFromPoint(x!, y!);
        return hit !== null && (hit === el || el.contains(hit));
      },
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    if (!onTop) problems.push(`${name}: covered`);
  }
  return problems;
}

describe('registry layout (issue 10 §10)', () => {
  let browser: Browser;
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('fits a 1366×768 laptop: actions on screen, a dozen rows to a screen; cards at 360 px; axe-clean', async () => {
    const { context, page } = await newPage(browser, { width: 1366 });
    await page.setViewportSize({ width: 1366, height: 768 });
    await loginWithEsign(page, 'Məmmədov Rəşad');
    await chooseEmployer(page, '"Xəzər Texnologiyaları" MMC');
    await ensureDraft(page);

    await page.goto('/reports/registry', { waitUntil: 'networkidle' });
    const rows = page.getByTestId('registry-row');
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(13); // 12 accepted quarters of the demo history + the draft
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      1366,
    );

    // The first row is the draft (newest period): Redaktə et, GÖNDƏR, Sil.
    const first = rows.first();
    expect(await first.getByTestId('send-report').count()).toBe(1);
    expect(await actionsOnScreen(first, 1366)).toEqual([]);
    // An accepted row: Bax, Dəqiqləşdirilmiş, Qəbz.
    const accepted = rows
      .filter({ has: page.locator('[data-testid=status-badge][data-status=ACCEPTED]') })
      .first();
    expect(await accepted.getByTestId('registry-receipt').count()).toBe(1);
    expect(await actionsOnScreen(accepted, 1366)).toEqual([]);

    // Scrolled to the results, one screen holds at least 12 whole rows.
    await page
      .getByTestId('registry-table')
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const boxes = await Promise.all((await rows.all()).map((row) => row.boundingBox()));
    const whole = boxes.filter((b) => b !== null && b.y >= 0 && b.y + b.height <= 768);
    expect(whole.length).toBeGreaterThanOrEqual(Math.min(12, count));
    expect(await axe(page)).toEqual([]);

    // A phone: every report is a card, nothing scrolls sideways.
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto('/reports/registry', { waitUntil: 'networkidle' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    const cards = await rows.evaluateAll((els) =>
      els.map((el) => {
        const box = el.getBoundingClientRect();
        return { display: getComputedStyle(el).display, left: box.left, right: box.right };
      }),
    );
    expect(cards.length).toBe(count);
    for (const card of cards) {
      expect(card.display).toBe('grid');
      expect(card.left).toBeGreaterThanOrEqual(0);
      expect(card.right).toBeLessThanOrEqual(360);
    }
    // The column headers are for screen readers only; each card labels its own values.
    expect(
      await page
        .locator('[data-testid=registry-table] thead')
        .evaluate((el) => el.getBoundingClientRect().height),
    ).toBeLessThanOrEqual(1);
    expect(await actionsOnScreen(rows.first(), 360)).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await context.close();
  });
});
