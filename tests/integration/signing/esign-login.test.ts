import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPayload } from '@/auth/signing';
import { auditLog } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_IDENTITIES, DEMO_PIN1, demoIdentity } from '@/db/seed/demo-identities';
import { cancelSigning } from '@/lib/server/signing/cancel-signing';
import { completeLogin } from '@/lib/server/signing/complete-login';
import { getSigningStatus } from '@/lib/server/signing/get-signing-status';
import { startEsignLogin } from '@/lib/server/signing/start-esign-login';
import { answerWithCard } from '@/lib/server/simulators/answer-with-card';
import { listCardCertificates } from '@/lib/server/simulators/list-card-certificates';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { cardSerial, expectOk, privateKeyOf, sessionRow } from './fixtures';
import { testBrowser } from '../helpers/test-browser';

describe('e-signature (card) login', () => {
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

  it('lists every card certificate by surname, name, patronymic (Azerbaijani order)', async () => {
    const list = await listCardCertificates(db);
    // Every demo identity's card: the employers' people and the fund's staff (issue 14 §3).
    expect(list).toHaveLength(DEMO_IDENTITIES.length);
    expect(list[0]).toMatchObject({
      surname: 'Abbasov',
      cardNumber: 'AZ2000100005',
      status: 'ACTIVE',
    });
    // Ə sorts after E and before F in Azerbaijani, not after Z as in byte order.
    const surnames = list.map((c) => c.surname);
    expect(surnames.indexOf('Əliyeva')).toBeLessThan(surnames.indexOf('Həsənov'));
    expect(list.find((c) => c.surname === 'Nəsirov')?.status).toBe('EXPIRED');
  });

  it('logs in end to end: start → card with PIN1 → complete → principal; audited', async () => {
    const who = demoIdentity('xezer-director');
    const started = await start(who.key);
    expect(started.verificationCode).toMatch(/^\d{4}$/);
    expect(started.expiresAt.getTime() - Date.now()).toBeGreaterThan(100_000);
    const answer = expectOk(
      await answerWithCard(db, {
        browser: testBrowser,
        sessionId: started.sessionId,
        certificateSerial: cardSerial(who),
        pin: DEMO_PIN1,
      }),
    );
    expect((await sessionRow(db, started.sessionId)).status).toBe('OK');
    const login = expectOk(
      await completeLogin(db, {
        browser: testBrowser,
        sessionId: started.sessionId,
        jws: answer.jws,
        ip: '10.0.0.1',
      }),
    );
    expect(login.principal).toEqual({
      fin: who.fin,
      surname: who.surname,
      name: who.name,
      patronymic: who.patronymic,
      certificateSerial: cardSerial(who),
      method: 'ESIGN',
    });
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'LOGIN'), eq(auditLog.actorFin, who.fin)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      outcome: 'SUCCESS',
      ip: '10.0.0.1',
      details: { method: 'ESIGN', code: 'OK' },
    });
  });

  it('refuses a replay: the second completion answers SESSION_REPLAYED and is audited', async () => {
    const who = demoIdentity('kur-director');
    const started = await start(who.key);
    const { jws } = expectOk(
      await answerWithCard(db, {
        browser: testBrowser,
        sessionId: started.sessionId,
        certificateSerial: cardSerial(who),
        pin: DEMO_PIN1,
      }),
    );
    expectOk(await completeLogin(db, { browser: testBrowser, sessionId: started.sessionId, jws }));
    expect(
      await completeLogin(db, { browser: testBrowser, sessionId: started.sessionId, jws }),
    ).toEqual({
      ok: false,
      code: 'SESSION_REPLAYED',
    });
    const failures = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'LOGIN'), eq(auditLog.outcome, 'FAILURE')));
    expect(failures.some((a) => (a.details as { code?: string }).code === 'SESSION_REPLAYED')).toBe(
      true,
    );
  });

  it('two concurrent completions: exactly one wins', async () => {
    const who = demoIdentity('kur-director');
    const started = await start(who.key);
    const { jws } = expectOk(
      await answerWithCard(db, {
        browser: testBrowser,
        sessionId: started.sessionId,
        certificateSerial: cardSerial(who),
        pin: DEMO_PIN1,
      }),
    );
    const results = await Promise.all([
      completeLogin(db, { browser: testBrowser, sessionId: started.sessionId, jws }),
      completeLogin(db, { browser: testBrowser, sessionId: started.sessionId, jws }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, code: 'SESSION_REPLAYED' });
  });

  it('refuses a JWS made with another certificate’s key, and another card in the dialog', async () => {
    const who = demoIdentity('kur-accountant');
    const started = await start(who.key);
    const row = await sessionRow(db, started.sessionId);
    const foreign = await signPayload(await privateKeyOf(db, cardSerial('free-person')), {
      sid: row.id,
      hash: row.hash,
      purpose: 'LOGIN',
      iat: Math.floor(Date.now() / 1000),
      certSerial: cardSerial(who),
    });
    expect(
      await completeLogin(db, { browser: testBrowser, sessionId: started.sessionId, jws: foreign }),
    ).toEqual({
      ok: false,
      code: 'BAD_SIGNATURE',
    });
    expect(
      await answerWithCard(db, {
        browser: testBrowser,
        sessionId: started.sessionId,
        certificateSerial: cardSerial('free-person'),
        pin: DEMO_PIN1,
      }),
    ).toEqual({ ok: false, code: 'CERTIFICATE_MISMATCH' });
    // The forged attempt left the session usable for its holder.
    const { jws } = expectOk(
      await answerWithCard(db, {
        browser: testBrowser,
        sessionId: started.sessionId,
        certificateSerial: cardSerial(who),
        pin: DEMO_PIN1,
      }),
    );
    expectOk(await completeLogin(db, { browser: testBrowser, sessionId: started.sessionId, jws }));
  });

  it('cancel ends the session as USER_CANCELLED; the card then refuses it', async () => {
    const who = demoIdentity('free-person');
    const started = await start(who.key);
    expect(
      await cancelSigning(db, {
        browser: testBrowser,
        sessionId: started.sessionId,
        owner: { purpose: 'LOGIN' },
      }),
    ).toEqual({
      ok: true,
      status: 'USER_CANCELLED',
    });
    expect(
      await answerWithCard(db, {
        browser: testBrowser,
        sessionId: started.sessionId,
        certificateSerial: cardSerial(who),
        pin: DEMO_PIN1,
      }),
    ).toEqual({ ok: false, code: 'USER_CANCELLED' });
    expect(
      await completeLogin(db, { browser: testBrowser, sessionId: started.sessionId, jws: 'a.b.c' }),
    ).toEqual({
      ok: false,
      code: 'USER_CANCELLED',
    });
  });

  it('refuses unknown and non-card certificates and unknown sessions', async () => {
    expect(
      await startEsignLogin(db, { browser: testBrowser, certificateSerial: 'CARD-NOPE' }),
    ).toEqual({
      ok: false,
      code: 'CERTIFICATE_NOT_FOUND',
    });
    expect(
      await startEsignLogin(db, { browser: testBrowser, certificateSerial: 'ASAN-100001' }),
    ).toEqual({
      ok: false,
      code: 'CERTIFICATE_NOT_FOUND',
    });
    expect(
      await completeLogin(db, { browser: testBrowser, sessionId: 'not-a-uuid', jws: 'a.b.c' }),
    ).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await getSigningStatus(db, '00000000-0000-4000-8000-000000000000', testBrowser)).toEqual(
      {
        ok: false,
        code: 'NOT_FOUND',
      },
    );
  });
});
