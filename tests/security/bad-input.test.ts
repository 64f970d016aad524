import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seed } from '@/db/seed';
import { refuseBadCallbackUrl } from '@/auth/callback-url-guard';
import { ACTION_BODY_LIMIT_BYTES, refuseBadRequest } from '@/lib/edge/action-request-guard';
import { handleUpsertReport, handleValidateReport } from '@/lib/server/api/handle-report-requests';
import { parseRegistryCriteria } from '@/lib/server/reports/registry/registry-criteria';
import { searchReports } from '@/lib/server/reports/registry/search-reports';
import { verifyReceipt } from '@/lib/server/verify/verify-receipt';
import {
  apiRequest,
  AS_OF,
  type ErrorBody,
  scopeOf,
  tokenFor,
} from '../integration/api/api-fixtures';
import {
  asPerson,
  callAction,
  principalOf,
  useAsAppDatabase,
} from '../integration/helpers/action-harness';
import { ensureDemoCertificates } from '../integration/helpers/identity-fixtures';
import { insertDraftReport } from '../integration/helpers/report-fixtures';
import { createTestDatabase, type TestDatabase } from '../integration/helpers/test-database';

// Auth.js needs a real request (its cookies): the double runs our authorize() and nothing else.
vi.mock('@/auth', () => import('../integration/helpers/auth-double'));

// Issue 12 §6: each input the attack answered with a 500 now gets a 4xx or a form message.

const NUL = '\u0000';

describe('bad input is refused at the boundary, never a 500 (issue 12 §6)', () => {
  let database: TestDatabase;
  const xezer = principalOf('xezer-director', 'xezer');
  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
    useAsAppDatabase(database);
  }, 120_000);
  afterAll(async () => database?.close());

  it('the payroll API refuses a NUL in activityCode (or any string, keys too) with 422', async () => {
    const scope = await scopeOf(database.db, 'xezer', 'xezer-director');
    const token = await tokenFor(database.db, scope);
    const body = { activityCode: `62.01${NUL}`, year: 2025, quarter: 3, persons: [] };
    for (const handle of [handleUpsertReport, handleValidateReport]) {
      const response = await handle(database.db, apiRequest('/api/v1/reports', token, body), {
        asOf: AS_OF,
      });
      expect(response.status).toBe(422);
      const answer = (await response.json()) as ErrorBody;
      expect(answer.error.problems?.[0]).toMatchObject({
        path: 'activityCode',
        code: 'TEXT_CONTROL_CHARACTERS',
      });
      expect(answer.error.problems?.[0]?.message.en).toMatch(/control characters/);
    }
    const key = await handleValidateReport(
      database.db,
      apiRequest('/api/v1/reports/validate', token, {
        ...body,
        activityCode: '62.01',
        [`x${NUL}`]: 1,
      }),
      { asOf: AS_OF },
    );
    expect(key.status).toBe(422);
  });

  it('the card login refuses a serial with a NUL as a form message', async () => {
    const { startEsignLoginAction } = await import('@/app/(public)/login/actions');
    const outcome = await asPerson(null, () => callAction(startEsignLoginAction, [`CARD-${NUL}1`]));
    expect(outcome).toMatchObject({ kind: 'refusal', code: 'TEXT_CONTROL_CHARACTERS' });
  });

  it('createReportAction refuses a NUL in any field, even one its schema does not name', async () => {
    const { createReportAction } = await import('@/app/(employer)/reports/new/actions');
    const input = { reportType: 'INITIAL', year: 2025, quarter: 3, activityCode: '62.01' };
    for (const args of [
      [{ ...input, activityCode: `62.01${NUL}` }],
      [{ ...input, reportType: `INITIAL${NUL}` }],
      [{ ...input, [`extra${NUL}`]: 'x' }],
      [input, { nested: [`a${NUL}`] }],
    ]) {
      const outcome = await asPerson(xezer, () => callAction(createReportAction, args));
      expect(outcome).toMatchObject({ kind: 'refusal', code: 'TEXT_CONTROL_CHARACTERS' });
    }
  });

  it('saveReportLinesAction refuses an unknown step; completeQuarterAction a non-uuid batchId', async () => {
    const { saveReportLinesAction } =
      await import('@/app/(employer)/reports/[reportId]/[step]/actions-money');
    const { completeQuarterAction } =
      await import('@/app/(employer)/reports/sending/quarter-actions');
    const reportId = await insertDraftReport(database.db);
    for (const step of ['F17', 'F99', 'toString', `F13${NUL}`]) {
      const outcome = await asPerson(xezer, () =>
        callAction(saveReportLinesAction, [reportId, step, { accrued: '1,00', paid: '1,00' }]),
      );
      expect(outcome.kind).toBe('refusal');
    }
    const batch = await asPerson(xezer, () =>
      callAction(completeQuarterAction, [{ batchId: 'not-a-uuid', jws: null }]),
    );
    expect(batch.kind).toBe('refusal');
  });

  it('/verify never looks up a receipt with a NUL; the page says so at the field', async () => {
    const hash = 'a'.repeat(64);
    await expect(
      verifyReceipt(database.db, { receiptNumber: `HS${NUL}-2026-1`, hash }),
    ).resolves.toMatchObject({ valid: false, code: 'NOT_FOUND' });
  });

  it('the registry refuses a date out of range (to=9999-12-31) at the field', async () => {
    const scope = await scopeOf(database.db, 'xezer', 'xezer-director');
    const { criteria, errors } = parseRegistryCriteria({ to: '9999-12-31', from: '0001-01-01' });
    expect(errors.map((e) => e.field).sort()).toEqual(['dateFrom', 'dateTo']);
    expect(errors[0]!.text.en).toMatch(/1900-01-01 to 2999-12-31/);
    // What is left searches without error.
    await expect(searchReports(database.db, scope, criteria)).resolves.toBeDefined();
    const last = parseRegistryCriteria({ to: '2999-12-31' });
    expect(last.errors).toEqual([]);
    await expect(searchReports(database.db, scope, last.criteria)).resolves.toBeDefined();
  });

  it('a server action from another origin is a 403 and one over 21 MB a 413, in words', async () => {
    const action = (headers: Record<string, string>, body = '[]') =>
      new Request('http://127.0.0.1:3000/login', {
        method: 'POST',
        headers: { host: '127.0.0.1:3000', 'next-action': '7f00', ...headers },
        body,
      });
    for (const origin of ['https://evil.example', 'null', 'garbage', '']) {
      const refused = await refuseBadRequest(action({ origin }));
      expect(refused?.status).toBe(403);
      expect(await refused?.text()).toMatch(/another site/);
    }
    expect(await refuseBadRequest(action({ origin: 'http://127.0.0.1:3000' }))).toBeNull();
    expect(await refuseBadRequest(action({}))).toBeNull();
    const large = await refuseBadRequest(
      action({ 'content-length': String(ACTION_BODY_LIMIT_BYTES + 1) }),
    );
    expect(large?.status).toBe(413);
    expect(await large?.text()).toMatch(/21 MB/);
  });

  it('an action body React cannot decode is a 400, a readable one passes', async () => {
    const post = (body: string | FormData) =>
      new Request('http://127.0.0.1:3000/login', {
        method: 'POST',
        headers: { host: '127.0.0.1:3000', 'next-action': '7f00' },
        body,
      });
    for (const body of [
      '{"a":1}',
      'garbage',
      '["$1"]',
      '["$@1"]',
      '["$nx"]',
      '["$Q1"]',
      '["$F1"]',
    ]) {
      expect((await refuseBadRequest(post(body)))?.status, body).toBe(400);
    }
    for (const body of ['[]', '["$$1", "$undefined", {"a": ["$D2025-01-01"]}]', '["x", 1, null]']) {
      expect(await refuseBadRequest(post(body)), body).toBeNull();
    }
    const form = new FormData();
    form.append('0', '["$K1"]');
    form.append('1_file', new Blob(['x']), 'a.csv');
    expect(await refuseBadRequest(post(form))).toBeNull();
    const junk = new Request('http://127.0.0.1:3000/login', {
      method: 'POST',
      headers: { host: '127.0.0.1:3000', 'content-type': 'multipart/form-data; boundary=x' },
      body: 'junk',
    });
    expect((await refuseBadRequest(junk))?.status).toBe(400);
    // An /api path no route handler takes renders the not-found page, which reads it too.
    const apiJunk = new Request('http://127.0.0.1:3000/api/nothing-here', {
      method: 'POST',
      headers: { host: '127.0.0.1:3000', 'content-type': 'multipart/form-data' },
      body: '{}',
    });
    expect((await refuseBadRequest(apiJunk))?.status).toBe(400);
    const badName = new FormData();
    badName.append('0', '["$K1"]');
    badName.append('1_file', new Blob(['x']), 'a\u0001.csv');
    expect((await refuseBadRequest(post(badName)))?.status).toBe(400);
    const orphan = new FormData();
    orphan.append('0', '["$2"]');
    expect((await refuseBadRequest(post(orphan)))?.status).toBe(400);
  });

  it('/api/auth/signin?callbackUrl=javascript: is a 400 that drops the bad cookie', async () => {
    const refused = refuseBadCallbackUrl(
      new Request('http://127.0.0.1:3000/api/auth/signin?callbackUrl=javascript:alert(1)'),
    );
    expect(refused?.status).toBe(400);
    expect(await refused?.text()).toMatch(/not valid/);
    const cookie = refuseBadCallbackUrl(
      new Request('http://127.0.0.1:3000/api/auth/session', {
        headers: { cookie: 'authjs.callback-url=javascript%3Aalert(1)' },
      }),
    );
    expect(cookie?.status).toBe(400);
    expect(cookie?.headers.get('set-cookie')).toMatch(/authjs\.callback-url=;/);
    for (const fine of ['/home', 'http://127.0.0.1:3000/home', 'https://elsewhere.example/']) {
      const url = `http://127.0.0.1:3000/api/auth/signin?callbackUrl=${encodeURIComponent(fine)}`;
      expect(refuseBadCallbackUrl(new Request(url))).toBeNull();
    }
  });
});
