import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentHash, verifySignature, parsePublicJwk, canonicalJson } from '@/auth/signing';
import { auditLog, employers, signedDocuments } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_PIN1, DEMO_PIN2, demoIdentity } from '@/db/seed/demo-identities';
import { completeDocumentSigning } from '@/lib/server/signing/complete-document-signing';
import { completeLogin } from '@/lib/server/signing/complete-login';
import { startDocumentSigning } from '@/lib/server/signing/start-document-signing';
import { answerOnPhone } from '@/lib/server/simulators/answer-on-phone';
import { answerWithCard } from '@/lib/server/simulators/answer-with-card';
import { listPhoneRequests } from '@/lib/server/simulators/list-phone-requests';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { asanSerial, cardSerial, certificateRow, expectOk } from './fixtures';
import { testBrowser } from '../helpers/test-browser';

const REPORT = {
  kind: 'QUARTERLY_REPORT',
  period: '2026-Q3',
  lines: [{ fin: '5ZK7M2P', salaryQepik: 250_000, name: 'Rəşad' }],
  totalQepik: 55_000,
};

describe('document signing', () => {
  let database: TestDatabase;
  let db: TestDatabase['db'];
  let employerId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    await seed(db);
    const [employer] = await db
      .select({ id: employers.id })
      .from(employers)
      .where(eq(employers.responsibleFin, demoIdentity('xezer-director').fin));
    employerId = employer!.id;
  });
  afterAll(async () => database.close());

  it('card + PIN2: stores the canonical JSON, its hash, a JWS that verifies, signer and time; audited', async () => {
    const who = demoIdentity('xezer-director');
    const serial = cardSerial(who);
    const started = expectOk(
      await startDocumentSigning(db, {
        browser: testBrowser,
        employerId,
        signerFin: who.fin,
        certificateSerial: serial,
        method: 'ESIGN',
        documentKind: 'QUARTERLY_REPORT',
        document: REPORT,
      }),
    );
    // PIN1 is the login PIN: a 4-digit PIN is not a PIN2 at all.
    expect(
      await answerWithCard(db, {
        browser: testBrowser,
        sessionId: started.sessionId,
        certificateSerial: serial,
        pin: DEMO_PIN1,
      }),
    ).toEqual({
      ok: false,
      code: 'PIN_FORMAT',
      digits: 5,
    });
    const { jws } = expectOk(
      await answerWithCard(db, {
        browser: testBrowser,
        sessionId: started.sessionId,
        certificateSerial: serial,
        pin: DEMO_PIN2,
      }),
    );
    // A signing session is not a login.
    expect(
      await completeLogin(db, { browser: testBrowser, sessionId: started.sessionId, jws }),
    ).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
    const signed = expectOk(
      await completeDocumentSigning(db, {
        browser: testBrowser,
        sessionId: started.sessionId,
        jws,
      }),
    );

    const [row] = await db
      .select()
      .from(signedDocuments)
      .where(eq(signedDocuments.id, signed.signedDocumentId));
    expect(row).toMatchObject({
      employerId,
      documentKind: 'QUARTERLY_REPORT',
      canonicalJson: canonicalJson(REPORT),
      hash: documentHash(REPORT),
      jws,
      certificateSerial: serial,
      signerFin: who.fin,
      signingSessionId: started.sessionId,
    });
    expect(row!.signedAt.getTime()).toBe(signed.signedAt.getTime());
    const certificate = await certificateRow(db, serial);
    const check = await verifySignature({
      jws: row!.jws,
      publicJwk: parsePublicJwk(certificate.publicJwk),
      expected: {
        sid: started.sessionId,
        hash: documentHash(REPORT),
        purpose: 'SIGN',
        certSerial: serial,
      },
      certificate,
      session: { expiresAt: new Date(row!.signedAt.getTime() + 1000), consumedAt: null },
      now: row!.signedAt,
    });
    expect(check.ok).toBe(true);

    expect(
      await completeDocumentSigning(db, {
        browser: testBrowser,
        sessionId: started.sessionId,
        jws,
      }),
    ).toEqual({
      ok: false,
      code: 'SESSION_REPLAYED',
    });
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'SIGN'), eq(auditLog.employerId, employerId)));
    expect(audits.map((a) => a.outcome).sort()).toEqual(['FAILURE', 'SUCCESS']);
  });

  it('Asan İmza + PIN2: the phone shows the document request and the stored answer is used', async () => {
    const who = demoIdentity('xezer-accountant');
    const started = expectOk(
      await startDocumentSigning(db, {
        browser: testBrowser,
        employerId,
        signerFin: who.fin,
        certificateSerial: asanSerial(who),
        method: 'ASAN',
        documentKind: 'QUARTERLY_REPORT',
        document: { ...REPORT, period: '2026-Q2' },
      }),
    );
    const [request] = await listPhoneRequests(db, who.asanPhone);
    expect(request).toEqual({
      code: started.verificationCode,
      purpose: 'SIGN',
      service: 'Vahid rüblük hesabat',
      expiresAt: started.expiresAt,
    });
    expectOk(
      await answerOnPhone(db, {
        code: started.verificationCode,
        phone: who.asanPhone,
        pin: DEMO_PIN2,
      }),
    );
    const signed = expectOk(
      await completeDocumentSigning(db, { browser: testBrowser, sessionId: started.sessionId }),
    );
    const [row] = await db
      .select()
      .from(signedDocuments)
      .where(eq(signedDocuments.id, signed.signedDocumentId));
    expect(row?.hash).toBe(documentHash({ ...REPORT, period: '2026-Q2' }));
    expect(row?.certificateSerial).toBe(asanSerial(who));
  });

  it('refuses a certificate that is not the signer’s or not of the chosen method', async () => {
    const who = demoIdentity('xezer-director');
    const base = {
      employerId,
      signerFin: who.fin,
      documentKind: 'QUARTERLY_REPORT',
      document: REPORT,
    };
    expect(
      await startDocumentSigning(db, {
        browser: testBrowser,
        ...base,
        certificateSerial: cardSerial('xezer-accountant'),
        method: 'ESIGN',
      }),
    ).toEqual({ ok: false, code: 'CERTIFICATE_NOT_FOUND' });
    expect(
      await startDocumentSigning(db, {
        browser: testBrowser,
        ...base,
        certificateSerial: cardSerial(who),
        method: 'ASAN',
      }),
    ).toEqual({
      ok: false,
      code: 'CERTIFICATE_NOT_FOUND',
    });
  });

  it('a tampered document is refused: the JWS covers the hash of the original', async () => {
    const who = demoIdentity('xezer-director');
    const serial = cardSerial(who);
    const first = expectOk(
      await startDocumentSigning(db, {
        browser: testBrowser,
        employerId,
        signerFin: who.fin,
        certificateSerial: serial,
        method: 'ESIGN',
        documentKind: 'X',
        document: { a: 1 },
      }),
    );
    const second = expectOk(
      await startDocumentSigning(db, {
        browser: testBrowser,
        employerId,
        signerFin: who.fin,
        certificateSerial: serial,
        method: 'ESIGN',
        documentKind: 'X',
        document: { a: 2 },
      }),
    );
    const { jws } = expectOk(
      await answerWithCard(db, {
        browser: testBrowser,
        sessionId: first.sessionId,
        certificateSerial: serial,
        pin: DEMO_PIN2,
      }),
    );
    // The signature of document {a:1} presented for the session of {a:2}.
    expect(
      await completeDocumentSigning(db, { browser: testBrowser, sessionId: second.sessionId, jws }),
    ).toEqual({
      ok: false,
      code: 'BAD_SIGNATURE',
    });
    const stored = await db
      .select()
      .from(signedDocuments)
      .where(eq(signedDocuments.signingSessionId, second.sessionId));
    expect(stored).toEqual([]);
  });
});
