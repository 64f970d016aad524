import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, signingSessions } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_PIN1, demoIdentity } from '@/db/seed/demo-identities';
import { completeLogin } from '@/lib/server/signing/complete-login';
import { getSigningStatus } from '@/lib/server/signing/get-signing-status';
import { signingMessage } from '@/lib/server/signing/errors';
import { startAsanLogin } from '@/lib/server/signing/start-asan-login';
import { answerOnPhone } from '@/lib/server/simulators/answer-on-phone';
import { listPhoneRequests } from '@/lib/server/simulators/list-phone-requests';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { asanSerial, expectOk, expireSession } from './fixtures';
import { testBrowser } from '../helpers/test-browser';

describe('Asan İmza login', () => {
  let database: TestDatabase;
  let db: TestDatabase['db'];
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    await seed(db);
  });
  afterAll(async () => database.close());

  it('logs in end to end: start → phone shows the code → PIN1 → status OK → complete', async () => {
    const who = demoIdentity('xezer-accountant');
    // Any accepted spelling of the phone number (DOMAIN.md §9).
    const started = expectOk(
      await startAsanLogin(db, {
        browser: testBrowser,
        phone: '050 100 00 02',
        userId: who.asanUserId,
        ip: '10.0.0.2',
      }),
    );
    const requests = await listPhoneRequests(db, '+994501000002');
    expect(requests).toEqual([
      {
        code: started.verificationCode,
        purpose: 'LOGIN',
        service: 'Vahid rüblük hesabat',
        expiresAt: started.expiresAt,
      },
    ]);
    expect(await listPhoneRequests(db, '+994501000001')).toEqual([]);
    expect(await getSigningStatus(db, started.sessionId, testBrowser)).toMatchObject({
      status: 'PENDING',
      triesLeft: null,
    });
    // Completing before the phone answered is refused and leaves the session open.
    expect(await completeLogin(db, { browser: testBrowser, sessionId: started.sessionId })).toEqual(
      {
        ok: false,
        code: 'NOT_ANSWERED',
      },
    );

    expect(
      await answerOnPhone(db, {
        code: started.verificationCode,
        phone: who.asanPhone,
        pin: DEMO_PIN1,
      }),
    ).toEqual({
      ok: true,
      outcome: 'OK',
    });
    expect(await getSigningStatus(db, started.sessionId, testBrowser)).toMatchObject({
      ok: true,
      status: 'OK',
    });
    expect(await listPhoneRequests(db, who.asanPhone)).toEqual([]);
    const login = expectOk(
      await completeLogin(db, {
        browser: testBrowser,
        sessionId: started.sessionId,
        ip: '10.0.0.2',
      }),
    );
    expect(login.principal).toMatchObject({
      fin: who.fin,
      certificateSerial: asanSerial(who),
      method: 'ASAN',
    });
    expect(await completeLogin(db, { browser: testBrowser, sessionId: started.sessionId })).toEqual(
      {
        ok: false,
        code: 'SESSION_REPLAYED',
      },
    );
  });

  it('ignores a JWS the browser sends for an Asan session: only the phone’s stored answer counts', async () => {
    const who = demoIdentity('kur-director');
    const started = expectOk(
      await startAsanLogin(db, {
        browser: testBrowser,
        phone: who.asanPhone,
        userId: who.asanUserId,
      }),
    );
    expect(
      await completeLogin(db, {
        browser: testBrowser,
        sessionId: started.sessionId,
        jws: 'forged.jws.value',
      }),
    ).toEqual({
      ok: false,
      code: 'NOT_ANSWERED',
    });
  });

  it('a wrong PIN on the phone keeps the request on screen with the tries left', async () => {
    const who = demoIdentity('kur-accountant');
    const started = expectOk(
      await startAsanLogin(db, {
        browser: testBrowser,
        phone: who.asanPhone,
        userId: who.asanUserId,
      }),
    );
    expect(
      await answerOnPhone(db, {
        code: started.verificationCode,
        phone: who.asanPhone,
        pin: '9999',
      }),
    ).toEqual({
      ok: false,
      code: 'WRONG_PIN',
      triesLeft: 2,
    });
    expect(await listPhoneRequests(db, who.asanPhone)).toHaveLength(1);
    expect(await getSigningStatus(db, started.sessionId, testBrowser)).toMatchObject({
      status: 'PENDING',
      triesLeft: 2,
    });
    expectOk(
      await answerOnPhone(db, {
        code: started.verificationCode,
        phone: who.asanPhone,
        pin: DEMO_PIN1,
      }),
    );
    expectOk(await completeLogin(db, { browser: testBrowser, sessionId: started.sessionId }));
  });

  it('cancel on the phone → USER_CANCELLED for the waiting page and the completion', async () => {
    const who = demoIdentity('free-person');
    const started = expectOk(
      await startAsanLogin(db, {
        browser: testBrowser,
        phone: who.asanPhone,
        userId: who.asanUserId,
      }),
    );
    expect(
      await answerOnPhone(db, {
        code: started.verificationCode,
        phone: who.asanPhone,
        cancel: true,
      }),
    ).toEqual({
      ok: true,
      outcome: 'USER_CANCELLED',
    });
    expect(await getSigningStatus(db, started.sessionId, testBrowser)).toMatchObject({
      status: 'USER_CANCELLED',
    });
    expect(await completeLogin(db, { browser: testBrowser, sessionId: started.sessionId })).toEqual(
      {
        ok: false,
        code: 'USER_CANCELLED',
      },
    );
    // The cancelled request has left the phone: its code no longer answers anything.
    expect(await listPhoneRequests(db, who.asanPhone)).toEqual([]);
    expect(
      await answerOnPhone(db, {
        code: started.verificationCode,
        phone: who.asanPhone,
        pin: DEMO_PIN1,
      }),
    ).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await getSigningStatus(db, started.sessionId, testBrowser)).toMatchObject({
      status: 'USER_CANCELLED',
    });
  });

  it('another phone cannot answer the request', async () => {
    const who = demoIdentity('school-director');
    const started = expectOk(
      await startAsanLogin(db, {
        browser: testBrowser,
        phone: who.asanPhone,
        userId: who.asanUserId,
      }),
    );
    expect(
      await answerOnPhone(db, {
        code: started.verificationCode,
        phone: '+994501000001',
        pin: DEMO_PIN1,
      }),
    ).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it('expired and revoked Asan registrations are refused by the phone', async () => {
    for (const [key, code] of [
      ['expired-cert', 'CERTIFICATE_EXPIRED'],
      ['revoked-cert', 'CERTIFICATE_REVOKED'],
    ] as const) {
      const who = demoIdentity(key);
      const started = expectOk(
        await startAsanLogin(db, {
          browser: testBrowser,
          phone: who.asanPhone,
          userId: who.asanUserId,
        }),
      );
      expect(
        await answerOnPhone(db, {
          code: started.verificationCode,
          phone: who.asanPhone,
          pin: DEMO_PIN1,
        }),
      ).toEqual({
        ok: false,
        code,
      });
      expect(await getSigningStatus(db, started.sessionId, testBrowser)).toMatchObject({
        status: code,
      });
      expect(
        await completeLogin(db, { browser: testBrowser, sessionId: started.sessionId }),
      ).toEqual({
        ok: false,
        code,
      });
    }
  });

  it('an expired request disappears from the phone; the waiting browser sees TIMEOUT', async () => {
    const who = demoIdentity('school-director');
    const started = expectOk(
      await startAsanLogin(db, {
        browser: testBrowser,
        phone: who.asanPhone,
        userId: who.asanUserId,
      }),
    );
    await expireSession(db, started.sessionId);
    expect((await listPhoneRequests(db, who.asanPhone)).map((r) => r.code)).not.toContain(
      started.verificationCode,
    );
    // The phone answers by the code on its screen, and the request is no longer there.
    expect(
      await answerOnPhone(db, {
        code: started.verificationCode,
        phone: who.asanPhone,
        pin: DEMO_PIN1,
      }),
    ).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await getSigningStatus(db, started.sessionId, testBrowser)).toMatchObject({
      status: 'TIMEOUT',
    });
    expect(await completeLogin(db, { browser: testBrowser, sessionId: started.sessionId })).toEqual(
      { ok: false, code: 'TIMEOUT' },
    );
  });

  it('an answer given in time may be collected shortly after the deadline (poll interval)', async () => {
    const who = demoIdentity('xezer-director');
    const started = expectOk(
      await startAsanLogin(db, {
        browser: testBrowser,
        phone: who.asanPhone,
        userId: who.asanUserId,
      }),
    );
    expectOk(
      await answerOnPhone(db, {
        code: started.verificationCode,
        phone: who.asanPhone,
        pin: DEMO_PIN1,
      }),
    );
    const t = Date.now();
    await db
      .update(signingSessions)
      .set({ answeredAt: new Date(t - 10_000), expiresAt: new Date(t - 5_000) })
      .where(eq(signingSessions.id, started.sessionId));
    expectOk(await completeLogin(db, { browser: testBrowser, sessionId: started.sessionId }));
  });

  it('an unknown phone + User ID answers ASAN_NOT_FOUND without telling which was wrong', async () => {
    const who = demoIdentity('xezer-director');
    expect(
      await startAsanLogin(db, { browser: testBrowser, phone: who.asanPhone, userId: '999999' }),
    ).toEqual({
      ok: false,
      code: 'ASAN_NOT_FOUND',
    });
    expect(
      await startAsanLogin(db, {
        browser: testBrowser,
        phone: '+994771234567',
        userId: who.asanUserId,
      }),
    ).toEqual({
      ok: false,
      code: 'ASAN_NOT_FOUND',
    });
    expect(signingMessage('ASAN_NOT_FOUND', {}, 'en')).toBe(
      'No Asan İmza found for this phone number and User ID.',
    );
    expect(
      await startAsanLogin(db, { browser: testBrowser, phone: '12345', userId: '100001' }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'phone',
      reason: 'MOBILE_FORMAT',
    });
    expect(
      await startAsanLogin(db, { browser: testBrowser, phone: who.asanPhone, userId: '12' }),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'userId',
      reason: 'ASAN_USER_ID_FORMAT',
    });
  });

  it('audits login failures with the method and code', async () => {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'LOGIN'), eq(auditLog.outcome, 'FAILURE')));
    const details = rows.map((r) => r.details as { method: string; code: string });
    expect(details).toContainEqual(
      expect.objectContaining({ method: 'ASAN', code: 'USER_CANCELLED' }),
    );
    expect(details).toContainEqual(
      expect.objectContaining({ method: 'ASAN', code: 'SESSION_REPLAYED' }),
    );
  });
});
