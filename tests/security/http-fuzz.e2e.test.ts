import fc from 'fast-check';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertServerUp, BASE_URL, launchBrowser, newPage } from '../e2e/helpers/browser';
import { chooseEmployer, loginWithEsign } from '../e2e/helpers/login';
import { fuzzTargets, type ActionTarget, type RouteTarget } from './fuzz/fuzz-targets';
import {
  hostileArgs,
  hostileBody,
  hostileForm,
  hostileHeaders,
  hostileQuery,
  hostileSegment,
} from './fuzz/hostile-values';
import { runRequests, type FuzzRequest, type FuzzFigures } from './fuzz/run-requests';

// Issue 12 "Done means": a fuzz run over HTTP against the running `next start` — every route
// handler and page (hostile query strings, params, bodies, headers) and every server action
// (its id from the build's server-reference manifest; JSON and multipart bodies of hostile
// arguments), anonymous and signed in. No answer may be a 500 or show raw error text. The
// in-process fuzz (tests/integration/actions/*fuzz*) covers the use cases' own refusals.

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 8);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

/** Actions that would end the signed-in session the rest of the run relies on. */
const ENDS_SESSION = new Set(['signOutAction', 'signOutEverywhereAction']);

const XEZER = '"Xəzər Texnologiyaları" MMC';

async function signedInCookie(browser: Browser): Promise<{ cookie: string; ids: string[] }> {
  const { context, page } = await newPage(browser);
  await loginWithEsign(page, 'Məmmədov Rəşad');
  await chooseEmployer(page, XEZER);
  await page.goto('/reports/registry', { waitUntil: 'networkidle' });
  // Real ids of this employer: params that pass the uuid check reach the scoped queries.
  const html = await page.content();
  const ids = [
    ...new Set(html.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g)),
  ];
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  await context.close();
  return { cookie, ids: ids.slice(0, 20) };
}

/** A URL for a route pattern ('/reports/[reportId]/[step]') with every param filled. */
function fill(pattern: string, segment: () => string): string {
  return pattern.replace(/\[\[?(\.\.\.)?[^\]]+\]\]?/g, (_m, rest: string | undefined) =>
    rest ? `${segment()}/${segment()}` : segment(),
  );
}

function routeRequests(
  routes: readonly RouteTarget[],
  count: number,
  ids: readonly string[],
  seed: number,
): FuzzRequest[] {
  const arbitrary = fc.record({
    segments: fc.array(hostileSegment(ids), { minLength: 4, maxLength: 4 }),
    query: hostileQuery(),
    headers: hostileHeaders(BASE_URL),
    body: hostileBody(),
    signedIn: fc.boolean(),
    pick: fc.nat(),
    post: fc.boolean(),
  });
  return fc.sample(arbitrary, { numRuns: count, seed }).map((c) => {
    const route = routes[c.pick % routes.length]!;
    let i = 0;
    const path = fill(route.pattern, () => c.segments[i++ % c.segments.length]!);
    const method = route.kind === 'route' && c.post ? 'POST' : 'GET';
    return {
      label: `${method} ${route.pattern}`,
      method,
      url: `${BASE_URL}${path}${c.query}`,
      headers: c.headers,
      body: method === 'POST' ? c.body : undefined,
      signedIn: c.signedIn,
    };
  });
}

function actionRequests(
  actions: readonly ActionTarget[],
  count: number,
  ids: readonly string[],
  seed: number,
): FuzzRequest[] {
  const arbitrary = fc.record({
    args: hostileArgs(ids),
    form: hostileForm(ids),
    multipart: fc.integer({ min: 0, max: 4 }),
    headers: hostileHeaders(BASE_URL),
    segment: hostileSegment(ids),
    signedIn: fc.boolean(),
    pick: fc.nat(),
  });
  return fc.sample(arbitrary, { numRuns: count, seed }).map((c) => {
    const action = actions[c.pick % actions.length]!;
    const path = fill(action.page, () => c.segment);
    const signedIn = c.signedIn && !ENDS_SESSION.has(action.name);
    const multipart = c.multipart === 0;
    return {
      label: `action ${action.name}${multipart ? ' (multipart)' : ''}`,
      method: 'POST',
      url: `${BASE_URL}${path}`,
      headers: {
        ...c.headers,
        'next-action': action.id,
        ...(multipart ? {} : { 'content-type': 'text/plain;charset=UTF-8' }),
      },
      body: multipart ? c.form : JSON.stringify(c.args),
      signedIn,
    };
  });
}

describe('HTTP fuzz: every route, page and server action (issue 12 "Done means")', () => {
  let browser: Browser;
  let cookie = '';
  let ids: string[] = [];
  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
    ({ cookie, ids } = await signedInCookie(browser));
    await browser.close();
  }, 120_000);
  afterAll(async () => browser?.close().catch(() => undefined));

  it(`${REQUESTS} hostile requests: no 500, no raw error text`, async () => {
    const { routes, actions } = fuzzTargets();
    expect(routes.length).toBeGreaterThan(20);
    expect(actions.length).toBeGreaterThan(40);
    const actionCount = Math.round(REQUESTS * 0.5);
    const requests = [
      ...routeRequests(routes, REQUESTS - actionCount, ids, SEED),
      ...actionRequests(actions, actionCount, ids, SEED + 1),
    ];
    // Interleave so pages, handlers and actions share the run's load evenly.
    const order = fc.sample(fc.nat(), { numRuns: requests.length, seed: SEED + 2 });
    const shuffled = requests
      .map((r, i) => ({ r, k: order[i]! }))
      .sort((a, b) => a.k - b.k)
      .map(({ r }) => r);

    const figures: FuzzFigures = await runRequests(shuffled, { cookie, concurrency: CONCURRENCY });
    console.info(
      `http fuzz: ${figures.requests} requests (${requests.length} cases; ${routes.length} routes and pages, ${actions.length} actions), ${figures.seconds.toFixed(1)} s, ${figures.perSecond.toFixed(0)}/s`,
    );
    console.info(`http fuzz: statuses ${JSON.stringify(figures.statuses)}`);
    console.info(`http fuzz: signed in ${JSON.stringify(figures.signedInStatuses)}`);
    console.info(`http fuzz: signed-in redirects ${JSON.stringify(figures.signedInRedirects)}`);
    console.info(
      `http fuzz: ${figures.fiveHundreds} × 500, ${figures.rawText} with raw error text`,
    );
    for (const failure of figures.failures.slice(0, 15))
      console.info(`http fuzz failure: ${JSON.stringify(failure)}`);
    expect(figures.requests).toBeGreaterThanOrEqual(REQUESTS);
    expect(figures.failures).toEqual([]);
  }, 600_000);
});
