import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { jobs, signedDocuments, signingSessions } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_PIN1, DEMO_PIN2, demoIdentity } from '@/db/seed/demo-identities';
import type { Principal } from '@/lib/server/principal';
import { newBrowserSecret } from '@/lib/server/signing/browser-binding';
import { completeLogin } from '@/lib/server/signing/complete-login';
import { getSigningStatus } from '@/lib/server/signing/get-signing-status';
import { completeQuarterSending } from '@/lib/server/submissions/send-quarter';
import {
  asPerson,
  callAction,
  principalOf,
  useAsAppDatabase,
} from '../integration/helpers/action-harness';
import { signInCalls } from '../integration/helpers/auth-double';
import { ensureDemoCertificates } from '../integration/helpers/identity-fixtures';
import { directorScope, sendableReport } from '../integration/helpers/sending-fixtures';
import { createTestDatabase, type TestDatabase } from '../integration/helpers/test-database';

// Issue 12 §3–§4: a login or signing session is no bearer token. Browser A starts it; browser B
// (another `hesabat-signing` cookie) or a caller with none holds its id — from the phone's old
// listing, a log, a shoulder — and tries to poll, answer, finish, complete or cancel it, also
// right after the holder confirmed on the phone. Every try answers as for an unknown session
// and changes nothing; A then finishes, so the refusals are the binding and not a broken flow.

vi.mock('@/auth', () => import('../integration/helpers/auth-double'));

const login = () => import('@/app/(public)/login/actions');
const phone = () => import('@/app/simulator/phone/actions');
const send = () => import('@/app/(employer)/reports/sending/report-actions');
const quarter = () => import('@/app/(employer)/reports/sending/quarter-actions');
const pollRoute = () => import('@/app/api/signing-sessions/[id]/route');
const phoneRoute = () => import('@/app/api/simulator/phone-requests/route');

/** GET /api/signing-sessions/{id} as `browser` (undefined: no cookie). */
async function poll(id: string, browser: string | undefined) {
  const { GET } = await pollRoute();
  const response = await asPerson(
    null,
    () =>
      GET(new Request(`http://localhost/api/signing-sessions/${id}`), {
        params: Promise.resolve({ id }),
      }),
    'en',
    browser,
  );
  return { status: response.status, body: (await response.json()) as { status: string } };
}

/** The phone page's listing for a number, as the public route answers it (raw JSON text). */
async function phoneListing(number: string): Promise<string> {
  const { GET } = await phoneRoute();
  const response = await GET(
    new Request(
      `http://localhost/api/simulator/phone-requests?phone=${encodeURIComponent(number)}`,
    ),
  );
  return response.text();
}

async function confirmOnPhone(number: string, code: string, pin: string): Promise<void> {
  const { answerOnPhoneAction } = await phone();
  const answered = await asPerson(null, () => answerOnPhoneAction({ phone: number, code, pin }));
  expect(answered).toEqual({ ok: true });
}

const NOT_FOUND_EN = 'Request not found.';

describe('signing sessions are bound to the browser that started them (issue 12 §3, §4)', () => {
  let database: TestDatabase;
  const browserA = newBrowserSecret();
  const browserB = newBrowserSecret();
  const strangers: [string, string | undefined][] = [
    ['browser B', browserB],
    ['no cookie', undefined],
  ];

  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
    useAsAppDatabase(database);
  });
  afterAll(async () => database?.close());

  const jobRow = async (id: string) => {
    const [row] = await database.db.select().from(jobs).where(eq(jobs.id, id));
    if (!row) throw new Error(`no job ${id}`);
    return row;
  };
  const sessionRow = async (id: string) => {
    const [row] = await database.db
      .select()
      .from(signingSessions)
      .where(eq(signingSessions.id, id));
    if (!row) throw new Error(`no session ${id}`);
    return row;
  };

  it('Asan login: after the phone confirmed, another browser can neither poll nor finish it; A signs in', async () => {
    const who = demoIdentity('school-director');
    const { startAsanLoginAction, finishAsanLoginAction, cancelLoginAction } = await login();
    const started = await asPerson(
      null,
      () => startAsanLoginAction({ phone: who.asanPhone, userId: who.asanUserId }),
      'az',
      browserA,
    );
    if (!started.ok) throw new Error(started.message);
    const { sessionId, verificationCode } = started;
    expect((await sessionRow(sessionId)).browserHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await sessionRow(sessionId)).browserHash).not.toContain(browserA);

    // The phone page sees the code and nothing that names the session.
    const listing = await phoneListing(who.asanPhone);
    expect(listing).toContain(verificationCode);
    expect(listing).not.toContain(sessionId);
    const { requests } = JSON.parse(listing) as { requests: Record<string, unknown>[] };
    expect(requests.map((r) => Object.keys(r).sort())).toEqual([
      ['code', 'expiresAt', 'purpose', 'service'],
    ]);

    await confirmOnPhone(who.asanPhone, verificationCode, DEMO_PIN1);

    for (const [name, browser] of strangers) {
      expect(await poll(sessionId, browser), name).toEqual({
        status: 404,
        body: { status: 'NOT_FOUND', message: NOT_FOUND_EN },
      });
      const calls = signInCalls.length;
      expect(
        await asPerson(
          null,
          () => callAction(finishAsanLoginAction, [{ sessionId }]),
          'en',
          browser,
        ),
        name,
      ).toEqual({ kind: 'refusal', message: NOT_FOUND_EN, code: undefined });
      expect(signInCalls.slice(calls), name).toEqual([{ provider: 'asan', ok: false }]);
      expect(await asPerson(null, () => cancelLoginAction(sessionId), 'en', browser), name).toEqual(
        { ok: false, message: NOT_FOUND_EN },
      );
      // The use case itself, for callers other than the action (Auth.js's callback route).
      expect(await completeLogin(database.db, { sessionId, browser: browser ?? null })).toEqual({
        ok: false,
        code: 'NOT_FOUND',
      });
    }
    const untouched = await sessionRow(sessionId);
    expect(untouched).toMatchObject({ status: 'OK', consumedAt: null });

    expect(await poll(sessionId, browserA)).toMatchObject({ status: 200, body: { status: 'OK' } });
    expect(
      await asPerson(
        null,
        () => callAction(finishAsanLoginAction, [{ sessionId }]),
        'az',
        browserA,
      ),
    ).toEqual({ kind: 'redirect', to: '/employers' });
    expect(signInCalls.at(-1)).toEqual({ provider: 'asan', ok: true });
  });

  it('card login: another browser cannot answer with the card or finish with the signed answer', async () => {
    const who = demoIdentity('xezer-accountant');
    const serial = `CARD-${who.cardNumber}`;
    const { startEsignLoginAction, answerWithCardAction, finishEsignLoginAction } = await login();
    const started = await asPerson(null, () => startEsignLoginAction(serial), 'az', browserA);
    if (!started.ok) throw new Error(started.message);
    const { sessionId } = started;
    for (const [name, browser] of strangers) {
      expect(
        await asPerson(
          null,
          () => answerWithCardAction({ sessionId, serial, pin: DEMO_PIN1 }),
          'en',
          browser,
        ),
        name,
      ).toEqual({ ok: false, final: true, message: NOT_FOUND_EN });
    }
    const card = await asPerson(
      null,
      () => answerWithCardAction({ sessionId, serial, pin: DEMO_PIN1 }),
      'az',
      browserA,
    );
    if (!card.ok) throw new Error(card.message);
    for (const [name, browser] of strangers) {
      expect(
        await asPerson(
          null,
          () => callAction(finishEsignLoginAction, [{ sessionId, jws: card.jws }]),
          'en',
          browser,
        ),
        name,
      ).toMatchObject({ kind: 'refusal', message: NOT_FOUND_EN });
    }
    expect((await sessionRow(sessionId)).consumedAt).toBeNull();
    expect(
      await asPerson(
        null,
        () => callAction(finishEsignLoginAction, [{ sessionId, jws: card.jws }]),
        'az',
        browserA,
      ),
    ).toEqual({ kind: 'redirect', to: '/employers' });
  });

  it('document signing with Asan İmza: after the phone confirmed, only browser A polls and completes', async () => {
    const who = demoIdentity('xezer-director');
    const asan: Principal = {
      ...principalOf('xezer-director', 'xezer'),
      method: 'ASAN',
      certificateSerial: `ASAN-${who.asanUserId}`,
    };
    const db = database.db;
    const scope = await directorScope(db, 'xezer', new Date());
    const reportId = await sendableReport(db, scope, {
      employerKey: 'xezer',
      activityCode: '62.01',
      year: 2026,
      quarter: 3,
      asOf: new Date(),
    });
    const { startSendAction, completeSendAction, cancelSendAction } = await send();
    const started = await asPerson(asan, () => startSendAction(reportId), 'az', browserA);
    if (!started.ok) throw new Error(started.message);
    const { sessionId, verificationCode } = started.session;
    expect(await phoneListing(who.asanPhone)).not.toContain(sessionId);
    await confirmOnPhone(who.asanPhone, verificationCode, DEMO_PIN2);

    for (const [name, browser] of strangers) {
      expect((await poll(sessionId, browser)).status, name).toBe(404);
      // Completing someone else's signature is the unknown session's 404 (and an audit row).
      expect(
        await asPerson(
          asan,
          () => callAction(completeSendAction, [{ reportId, sessionId, jws: null }]),
          'en',
          browser,
        ),
        name,
      ).toEqual({ kind: 'not-found' });
      expect(await asPerson(asan, () => cancelSendAction(sessionId), 'en', browser), name).toEqual({
        ok: false,
        message: NOT_FOUND_EN,
      });
    }
    expect(
      await db
        .select()
        .from(signedDocuments)
        .where(eq(signedDocuments.signingSessionId, sessionId)),
    ).toEqual([]);
    expect(await sessionRow(sessionId)).toMatchObject({ status: 'OK', consumedAt: null });

    expect(await poll(sessionId, browserA)).toMatchObject({ status: 200, body: { status: 'OK' } });
    const completed = await asPerson(
      asan,
      () => completeSendAction({ reportId, sessionId, jws: null }),
      'az',
      browserA,
    );
    expect(completed).toMatchObject({ ok: true, submission: { status: 'ACCEPTED' } });
  });

  it('a quarter batch and a card signature: another browser can neither answer, complete nor cancel', async () => {
    const db = database.db;
    const xezer = principalOf('xezer-director', 'xezer');
    const scope = await directorScope(db, 'xezer', new Date());
    await sendableReport(db, scope, {
      employerKey: 'xezer',
      activityCode: '47.41',
      year: 2026,
      quarter: 3,
      asOf: new Date(),
    });
    const { startQuarterAction, completeQuarterAction } = await quarter();
    const { answerCardAction, cancelSendAction } = await send();
    const started = await asPerson(
      xezer,
      () => startQuarterAction({ year: 2026, quarter: 3 }),
      'az',
      browserA,
    );
    if (!started.ok) throw new Error(started.message);
    const { batchId } = started;
    const { sessionId } = started.session;
    for (const [name, browser] of strangers) {
      expect(
        await asPerson(xezer, () => answerCardAction({ sessionId, pin: DEMO_PIN2 }), 'en', browser),
        name,
      ).toEqual({ ok: false, final: true, message: NOT_FOUND_EN });
    }
    const card = await asPerson(
      xezer,
      () => answerCardAction({ sessionId, pin: DEMO_PIN2 }),
      'az',
      browserA,
    );
    if (!card.ok) throw new Error(card.message);
    for (const [name, browser] of strangers) {
      expect(
        await asPerson(
          xezer,
          () => completeQuarterAction({ batchId, jws: card.jws }),
          'en',
          browser,
        ),
        name,
      ).toEqual({ ok: false, message: NOT_FOUND_EN });
      expect(
        await completeQuarterSending(db, scope, {
          batchId,
          jws: card.jws,
          browser: browser ?? null,
        }),
      ).toEqual({ ok: false, code: 'NOT_FOUND' });
      expect(await asPerson(xezer, () => cancelSendAction(sessionId), 'en', browser), name).toEqual(
        { ok: false, message: NOT_FOUND_EN },
      );
    }
    expect(await sessionRow(sessionId)).toMatchObject({ status: 'OK', consumedAt: null });
    const completed = await asPerson(
      xezer,
      () => completeQuarterAction({ batchId, jws: card.jws }),
      'az',
      browserA,
    );
    expect(completed).toMatchObject({ ok: true, results: [{ ok: true }] });
  });

  it('cancel checks the purpose and the owner, even from the browser that started it (§4)', async () => {
    const db = database.db;
    const { startAsanLoginAction, cancelLoginAction } = await login();
    const { startSendAction, cancelSendAction } = await send();
    const who = demoIdentity('kur-director');

    // A login session is not the sending dialog's to cancel.
    const loginSession = await asPerson(
      null,
      () => startAsanLoginAction({ phone: who.asanPhone, userId: who.asanUserId }),
      'az',
      browserA,
    );
    if (!loginSession.ok) throw new Error(loginSession.message);
    const xezer = principalOf('xezer-director', 'xezer');
    expect(
      await asPerson(xezer, () => cancelSendAction(loginSession.sessionId), 'en', browserA),
    ).toEqual({ ok: false, message: NOT_FOUND_EN });
    expect((await sessionRow(loginSession.sessionId)).status).toBe('PENDING');

    // A document signature is not the login page's to cancel, nor another person's or
    // another employer's, in the same browser.
    const sabail = principalOf('school-director', 'sebail-edu');
    const sabailScope = await directorScope(db, 'sebail-edu', new Date());
    const reportId = await sendableReport(db, sabailScope, {
      employerKey: 'sebail-edu',
      activityCode: '85.31',
      year: 2026,
      quarter: 3,
      asOf: new Date(),
    });
    const signing = await asPerson(sabail, () => startSendAction(reportId), 'az', browserA);
    if (!signing.ok) throw new Error(signing.message);
    const { sessionId } = signing.session;
    expect(await asPerson(null, () => cancelLoginAction(sessionId), 'en', browserA)).toEqual({
      ok: false,
      message: NOT_FOUND_EN,
    });
    expect(await asPerson(xezer, () => cancelSendAction(sessionId), 'en', browserA)).toEqual({
      ok: false,
      message: NOT_FOUND_EN,
    });
    const school = principalOf('school-director', 'school-6');
    expect(await asPerson(school, () => cancelSendAction(sessionId), 'en', browserA)).toEqual({
      ok: false,
      message: NOT_FOUND_EN,
    });
    expect((await sessionRow(sessionId)).status).toBe('PENDING');
    // The send's job row waits for the signature meanwhile (issue 15 §6).
    expect(await jobRow(signing.job.id)).toMatchObject({
      status: 'RUNNING',
      stage: 'SIGNATURE',
      signingSessionId: sessionId,
    });

    // The owner, from the browser, for the purpose: cancelled, and the send's job ends with it
    // (it used to run on until it was shown as interrupted ten minutes later).
    expect(await asPerson(sabail, () => cancelSendAction(sessionId), 'en', browserA)).toEqual({
      ok: true,
      message: 'The request was cancelled by the user.',
    });
    expect(await jobRow(signing.job.id)).toMatchObject({
      status: 'FAILED',
      errorCode: 'USER_CANCELLED',
    });
    expect((await jobRow(signing.job.id)).finishedAt).not.toBeNull();
    expect(
      await asPerson(null, () => cancelLoginAction(loginSession.sessionId), 'en', browserA),
    ).toEqual({ ok: true });
    expect(await getSigningStatus(db, loginSession.sessionId, browserA)).toMatchObject({
      status: 'USER_CANCELLED',
    });
  });
});
