import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPayload } from '@/auth/signing';
import { auditLog, certificates } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_PIN1, demoIdentity } from '@/db/seed/demo-identities';
import { completeLogin } from '@/lib/server/signing/complete-login';
import { getSigningStatus } from '@/lib/server/signing/get-signing-status';
import { startEsignLogin } from '@/lib/server/signing/start-esign-login';
import { answerWithCard } from '@/lib/server/simulators/answer-with-card';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { cardSerial, expectOk, expireSession, privateKeyOf, sessionRow } from './fixtures';
import { testBrowser } from '../helpers/test-browser';

describe('card answers: PIN counter, certificate state, timeout', () => {
  let database: TestDatabase;
  let db: TestDatabase['db'];
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    await seed(db);
  });
  afterAll(async () => database.close());

  const start = async (key: string) =>
    expectOk(
      await startEsignLogin(db, {
        browser: testBrowser,
        certificateSerial: cardSerial(key),
        ip: '10.0.0.1',
      }),
    );

  it('a wrong PIN leaves 2 tries and the session open; the right PIN then succeeds and resets the counter', async () => {
    const who = demoIdentity('school-director');
    const started = await start(who.key);
    const wrong = await answerWithCard(db, {
      browser: testBrowser,
      sessionId: started.sessionId,
      certificateSerial: cardSerial(who),
      pin: '0000',
    });
    expect(wrong).toEqual({ ok: false, code: 'WRONG_PIN', triesLeft: 2 });
    expect(await getSigningStatus(db, started.sessionId, testBrowser)).toMatchObject({
      ok: true,
      status: 'PENDING',
      triesLeft: 2,
    });
    const { jws } = expectOk(
      await answerWithCard(db, {
        browser: testBrowser,
        sessionId: started.sessionId,
        certificateSerial: cardSerial(who),
        pin: DEMO_PIN1,
      }),
    );
    expectOk(await completeLogin(db, { browser: testBrowser, sessionId: started.sessionId, jws }));
    const [cert] = await db
      .select()
      .from(certificates)
      .where(eq(certificates.serial, cardSerial(who)));
    expect(cert).toMatchObject({ pin1Tries: 0, pin1Blocked: false });
  });

  it('a malformed PIN is refused without counting a try', async () => {
    const who = demoIdentity('school-director');
    const started = await start(who.key);
    expect(
      await answerWithCard(db, {
        browser: testBrowser,
        sessionId: started.sessionId,
        certificateSerial: cardSerial(who),
        pin: '12',
      }),
    ).toEqual({ ok: false, code: 'PIN_FORMAT', digits: 4 });
    const [cert] = await db
      .select()
      .from(certificates)
      .where(eq(certificates.serial, cardSerial(who)));
    expect(cert?.pin1Tries).toBe(0);
  });

  it('three wrong PINs block the PIN; the right PIN is refused afterwards, also in a new session', async () => {
    const who = demoIdentity('school-accountant');
    const serial = cardSerial(who);
    const first = await start(who.key);
    const answer = (pin: string, sessionId = first.sessionId) =>
      answerWithCard(db, { browser: testBrowser, sessionId, certificateSerial: serial, pin });
    expect(await answer('1111')).toEqual({ ok: false, code: 'WRONG_PIN', triesLeft: 2 });
    expect(await answer('2222')).toEqual({ ok: false, code: 'WRONG_PIN', triesLeft: 1 });
    expect(await answer('3333')).toEqual({ ok: false, code: 'PIN_BLOCKED' });
    expect(await getSigningStatus(db, first.sessionId, testBrowser)).toMatchObject({
      status: 'PIN_BLOCKED',
      triesLeft: 0,
    });
    expect(await answer(DEMO_PIN1)).toEqual({ ok: false, code: 'PIN_BLOCKED' });
    const second = await start(who.key);
    expect(await answer(DEMO_PIN1, second.sessionId)).toEqual({ ok: false, code: 'PIN_BLOCKED' });
    expect(
      await completeLogin(db, { browser: testBrowser, sessionId: second.sessionId, jws: 'x.y.z' }),
    ).toEqual({
      ok: false,
      code: 'PIN_BLOCKED',
    });
    const answers = await db.select().from(auditLog).where(eq(auditLog.action, 'SIGNING_ANSWER'));
    const codes = answers.filter(
      (a) => (a.details as { certificateSerial?: string }).certificateSerial === serial,
    );
    expect(codes.map((a) => (a.details as { code: string }).code)).toEqual([
      'WRONG_PIN',
      'WRONG_PIN',
      'PIN_BLOCKED',
      'PIN_BLOCKED',
    ]);
  });

  it('an expired certificate is refused with CERTIFICATE_EXPIRED', async () => {
    const started = await start('expired-cert');
    const serial = cardSerial('expired-cert');
    expect(
      await answerWithCard(db, {
        browser: testBrowser,
        sessionId: started.sessionId,
        certificateSerial: serial,
        pin: DEMO_PIN1,
      }),
    ).toEqual({
      ok: false,
      code: 'CERTIFICATE_EXPIRED',
    });
    expect((await sessionRow(db, started.sessionId)).status).toBe('CERTIFICATE_EXPIRED');
  });

  it('a revoked certificate is refused with CERTIFICATE_REVOKED, also with a JWS made by its key', async () => {
    const serial = cardSerial('revoked-cert');
    const started = await start('revoked-cert');
    const row = await sessionRow(db, started.sessionId);
    const jws = await signPayload(await privateKeyOf(db, serial), {
      sid: row.id,
      hash: row.hash,
      purpose: 'LOGIN',
      iat: Math.floor(Date.now() / 1000),
      certSerial: serial,
    });
    expect(
      await completeLogin(db, { browser: testBrowser, sessionId: started.sessionId, jws }),
    ).toEqual({
      ok: false,
      code: 'CERTIFICATE_REVOKED',
    });
    expect(
      await answerWithCard(db, {
        browser: testBrowser,
        sessionId: started.sessionId,
        certificateSerial: serial,
        pin: DEMO_PIN1,
      }),
    ).toEqual({
      ok: false,
      code: 'CERTIFICATE_REVOKED',
    });
    const failures = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'LOGIN'), eq(auditLog.outcome, 'FAILURE')));
    expect(
      failures.some((a) => (a.details as { code?: string }).code === 'CERTIFICATE_REVOKED'),
    ).toBe(true);
  });

  it('a session older than 2 minutes answers TIMEOUT (card, status poll and completion)', async () => {
    const who = demoIdentity('free-person');
    const started = await start(who.key);
    const { jws } = expectOk(
      await answerWithCard(db, {
        browser: testBrowser,
        sessionId: started.sessionId,
        certificateSerial: cardSerial(who),
        pin: DEMO_PIN1,
      }),
    );
    await expireSession(db, started.sessionId);
    expect(
      await completeLogin(db, { browser: testBrowser, sessionId: started.sessionId, jws }),
    ).toEqual({
      ok: false,
      code: 'TIMEOUT',
    });

    const late = await start(who.key);
    await expireSession(db, late.sessionId);
    expect(await getSigningStatus(db, late.sessionId, testBrowser)).toMatchObject({
      ok: true,
      status: 'TIMEOUT',
    });
    expect((await sessionRow(db, late.sessionId)).status).toBe('TIMEOUT');
    expect(
      await answerWithCard(db, {
        browser: testBrowser,
        sessionId: late.sessionId,
        certificateSerial: cardSerial(who),
        pin: DEMO_PIN1,
      }),
    ).toEqual({ ok: false, code: 'TIMEOUT' });
  });
});
