import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '@/auth/signing';
import { submissionBatches, submissions } from '@/db/schema';
import { seed } from '@/db/seed';
import { DEMO_PIN2, demoIdentity } from '@/db/seed/demo-identities';
import { seedEmployer } from '@/db/seed/employers';
import type { DbOrTx } from '@/db/types';
import type { EmployerScope } from '@/lib/server/access';
import { completeDocumentSigning } from '@/lib/server/signing/complete-document-signing';
import { startDocumentSigning } from '@/lib/server/signing/start-document-signing';
import { answerWithCard } from '@/lib/server/simulators/answer-with-card';
import { getReceipt } from '@/lib/server/submissions/receipt/get-receipt';
import { renderReceiptPdf } from '@/lib/server/submissions/receipt/render-receipt-pdf';
import { getSignedFile, type SignedFile } from '@/lib/server/submissions/receipt/signed-file';
import { consumeVerifyLimit, VERIFY_PER_IP } from '@/lib/server/verify/verify-rate-limit';
import { verifyReceipt, verifySignedFile } from '@/lib/server/verify/verify-receipt';
import { ensureDemoCertificates } from '../helpers/identity-fixtures';
import { insertDraftReport, reportsScope } from '../helpers/report-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { cardSerial, expectOk } from '../signing/fixtures';
import { testBrowser } from '../helpers/test-browser';

const DIRECTOR = demoIdentity('xezer-director');

/** A small document of the ReportDocument shape: what the receipt and /verify read of it. */
function reportDocument(reportId: string, quarter: number) {
  const employer = seedEmployer('xezer');
  return {
    schema: 'hesabat.report/1',
    reportId,
    reportType: 'INITIAL',
    employer: {
      id: employer.id,
      name: 'Xəzər Şüşə MMC',
      voen: '1400057421',
      dsmfRegNumber: '1700012345',
    },
    activity: {
      code: '62.01',
      nameAz: 'Kompüter proqramlaşdırılması',
      nameEn: 'Computer programming',
      sector: 'PRIVATE',
    },
    period: { year: 2025, quarter, months: ['2025-07', '2025-08', '2025-09'] },
    totals: {
      mdssEmployerQepik: 2_200_000,
      mdssEmployeeQepik: 300_000,
      paymentsUsedQepik: 2_500_000,
      accruedQepik: 2_500_000,
      paidQepik: 2_500_000,
      debtEndQepik: 0,
      distributedQepik: 2_500_000,
      undistributedQepik: 0,
      persons: 2,
    },
    persons: [
      {
        fin: '5ZK7M2P',
        surname: 'Əliyev',
        name: 'Rəşad',
        patronymic: 'Şahin oğlu',
        incomeQepik: [1, 2, 3],
      },
    ],
  };
}

/** The real signing path: session → simulated card with PIN2 → completeDocumentSigning. */
async function sign(db: DbOrTx, employerId: string, documentKind: string, document: unknown) {
  const serial = cardSerial(DIRECTOR);
  const started = expectOk(
    await startDocumentSigning(db, {
      browser: testBrowser,
      employerId,
      signerFin: DIRECTOR.fin,
      certificateSerial: serial,
      method: 'ESIGN',
      documentKind,
      document,
    }),
  );
  const { jws } = expectOk(
    await answerWithCard(db, {
      browser: testBrowser,
      sessionId: started.sessionId,
      certificateSerial: serial,
      pin: DEMO_PIN2,
    }),
  );
  const signed = expectOk(
    await completeDocumentSigning(db, { browser: testBrowser, sessionId: started.sessionId, jws }),
  );
  return { ...signed, sessionId: started.sessionId, serial };
}

async function insertSubmission(
  db: DbOrTx,
  input: {
    employerId: string;
    reportId: string;
    documentJson: string;
    signedDocumentId: string;
    receiptNumber: string;
    batchId?: string;
  },
) {
  const id = randomUUID();
  await db.insert(submissions).values({
    id,
    employerId: input.employerId,
    reportId: input.reportId,
    batchId: input.batchId ?? null,
    receiptNumber: input.receiptNumber,
    receivedAt: new Date('2025-10-10T09:00:00Z'),
    documentJson: input.documentJson,
    documentHash: sha256Hex(input.documentJson),
    signedDocumentId: input.signedDocumentId,
    signerFin: DIRECTOR.fin,
    certificateSerial: cardSerial(DIRECTOR),
    dueDate: '2025-10-20',
    late: false,
  });
  return id;
}

describe('receipts, signed files and /verify (issue 6 §6)', () => {
  let database: TestDatabase;
  let db: TestDatabase['db'];
  let xezer: EmployerScope;
  let kur: EmployerScope;
  let single: { id: string; hash: string; documentJson: string };
  let batch: { ids: string[]; hashes: string[] };

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    await seed(db);
    await ensureDemoCertificates(db);
    xezer = await reportsScope(db, 'xezer', 'xezer-director');
    kur = await reportsScope(db, 'kur', 'kur-director');

    const reportId = await insertDraftReport(db);
    const documentJson = canonicalJson(reportDocument(reportId, 3));
    const signed = await sign(db, xezer.employerId, 'QUARTERLY_REPORT', JSON.parse(documentJson));
    const id = await insertSubmission(db, {
      employerId: xezer.employerId,
      reportId,
      documentJson,
      signedDocumentId: signed.signedDocumentId,
      receiptNumber: 'R-TEST-1',
    });
    single = { id, hash: sha256Hex(documentJson), documentJson };

    // "GÖNDƏR" of a quarter: one signature over the manifest of two reports' hashes.
    const reportIds = [
      await insertDraftReport(db, { quarter: 2 }),
      await insertDraftReport(db, { quarter: 2, reportType: 'CORRECTIVE' }),
    ];
    const documents = reportIds.map((r) => canonicalJson(reportDocument(r, 2)));
    const manifest = {
      schema: 'hesabat.batch/1',
      employerId: xezer.employerId,
      year: 2025,
      quarter: 2,
      reports: reportIds.map((r, i) => ({ reportId: r, documentHash: sha256Hex(documents[i]!) })),
    };
    const batchSigned = await sign(db, xezer.employerId, 'QUARTERLY_REPORT_BATCH', manifest);
    const batchId = randomUUID();
    await db.insert(submissionBatches).values({
      id: batchId,
      employerId: xezer.employerId,
      year: 2025,
      quarter: 2,
      manifest,
      signedDocumentId: batchSigned.signedDocumentId,
      signingSessionId: batchSigned.sessionId,
      createdByFin: DIRECTOR.fin,
      createdAt: new Date(),
    });
    const ids: string[] = [];
    for (const [i, r] of reportIds.entries()) {
      ids.push(
        await insertSubmission(db, {
          employerId: xezer.employerId,
          reportId: r,
          documentJson: documents[i]!,
          signedDocumentId: batchSigned.signedDocumentId,
          receiptNumber: `R-TEST-B${i + 1}`,
          batchId,
        }),
      );
    }
    batch = { ids, hashes: documents.map((d) => sha256Hex(d)) };
  });
  afterAll(async () => database?.close());

  it('getReceipt shows the submission, the document fields and the signer from the registry', async () => {
    const view = await getReceipt(db, xezer, { submissionId: single.id });
    expect(view).toMatchObject({
      receiptNumber: 'R-TEST-1',
      status: 'RECEIVED',
      late: false,
      dueDate: '2025-10-20',
      employer: { name: 'Xəzər Şüşə MMC', voen: '1400057421' },
      period: { year: 2025, quarter: 3 },
      reportType: 'INITIAL',
      totals: { mdssEmployerQepik: 2_200_000, persons: 2 },
      documentHash: single.hash,
      signer: { fin: DIRECTOR.fin, surname: DIRECTOR.surname, name: DIRECTOR.name },
      certificateSerial: cardSerial(DIRECTOR),
      batchId: null,
    });
    const pdf = await PDFDocument.load(await renderReceiptPdf(view, 'az', 'http://localhost:3000'));
    expect(pdf.getTitle()).toBe('Qəbz R-TEST-1');
    expect(pdf.getSubject()).toBe(single.hash);
  });

  it("another employer's scope, an unknown or a malformed id: NOT_FOUND", async () => {
    for (const submissionId of [single.id, batch.ids[0]!]) {
      await expect(getReceipt(db, kur, { submissionId })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(getSignedFile(db, kur, { submissionId })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    for (const submissionId of [randomUUID(), 'not-a-uuid', "' or 1=1 --"]) {
      await expect(getReceipt(db, xezer, { submissionId })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(getSignedFile(db, xezer, { submissionId })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
  });

  it('verifyReceipt: VALID with the public view only, any case and spacing of the hash', async () => {
    const result = await verifyReceipt(db, {
      receiptNumber: ' R-TEST-1 ',
      hash: ` ${single.hash.toUpperCase()} `,
    });
    expect(result).toEqual({
      valid: true,
      code: 'VALID',
      details: {
        receiptNumber: 'R-TEST-1',
        receivedAt: '2025-10-10T09:00:00.000Z',
        employerName: 'Xəzər Şüşə MMC',
        period: { year: 2025, quarter: 3 },
        reportType: 'INITIAL',
        documentHash: single.hash,
        signerName: `${DIRECTOR.surname} ${DIRECTOR.name} ${DIRECTOR.patronymic}`,
        signerFinMasked: `${DIRECTOR.fin.slice(0, 3)}****`,
        status: 'RECEIVED',
      },
    });
    expect(JSON.stringify(result)).not.toContain(DIRECTOR.fin);
  });

  it('verifyReceipt: wrong hash → HASH_MISMATCH, unknown receipt → NOT_FOUND, no details', async () => {
    const wrong = sha256Hex('something else');
    expect(await verifyReceipt(db, { receiptNumber: 'R-TEST-1', hash: wrong })).toEqual({
      valid: false,
      code: 'HASH_MISMATCH',
    });
    expect(await verifyReceipt(db, { receiptNumber: 'R-TEST-1', hash: 'zz' })).toEqual({
      valid: false,
      code: 'HASH_MISMATCH',
    });
    expect(await verifyReceipt(db, { receiptNumber: 'R-NONE', hash: single.hash })).toEqual({
      valid: false,
      code: 'NOT_FOUND',
    });
    expect(await verifyReceipt(db, { receiptNumber: '', hash: single.hash })).toEqual({
      valid: false,
      code: 'NOT_FOUND',
    });
  });

  it('batch: each report of the signed manifest verifies, by receipt and by file', async () => {
    for (const [i, id] of batch.ids.entries()) {
      const result = await verifyReceipt(db, {
        receiptNumber: `R-TEST-B${i + 1}`,
        hash: batch.hashes[i]!,
      });
      expect(result).toMatchObject({
        valid: true,
        code: 'VALID',
        details: { period: { quarter: 2 } },
      });
      const file = await getSignedFile(db, xezer, { submissionId: id });
      expect(JSON.parse(file.signed.canonicalJson)).toMatchObject({ schema: 'hesabat.batch/1' });
      expect(await verifySignedFile(db, JSON.stringify(file))).toMatchObject({
        valid: true,
        code: 'VALID',
      });
    }
    const view = await getReceipt(db, xezer, { submissionId: batch.ids[0]! });
    expect(view.batchId).not.toBeNull();
  });

  it('batch: a manifest signature does not cover a report it does not list', async () => {
    // Report B1's receipt with B2's hash: the hash is listed in the manifest, but not for B1.
    expect(
      await verifyReceipt(db, { receiptNumber: 'R-TEST-B1', hash: batch.hashes[1]! }),
    ).toMatchObject({
      valid: false,
      code: 'HASH_MISMATCH',
    });
  });

  describe('signed file', () => {
    let file: SignedFile;
    beforeAll(async () => {
      file = await getSignedFile(db, xezer, { submissionId: single.id });
    });

    it('is the document exactly as sent with the signature over it; verifies as a file', async () => {
      expect(file).toMatchObject({
        schema: 'hesabat.signed/1',
        receiptNumber: 'R-TEST-1',
        documentJson: single.documentJson,
        documentHash: single.hash,
        signed: { canonicalJson: single.documentJson, certificateSerial: cardSerial(DIRECTOR) },
      });
      expect(await verifySignedFile(db, JSON.stringify(file))).toMatchObject({
        valid: true,
        code: 'VALID',
      });
      expect(await verifySignedFile(db, file)).toMatchObject({ valid: true });
    });

    it('tampered document → HASH_MISMATCH (with or without a recomputed hash)', async () => {
      const tampered = single.documentJson.replace('2200000', '1200000');
      expect(tampered).not.toBe(single.documentJson);
      expect(await verifySignedFile(db, { ...file, documentJson: tampered })).toEqual({
        valid: false,
        code: 'HASH_MISMATCH',
      });
      expect(
        await verifySignedFile(db, {
          ...file,
          documentJson: tampered,
          documentHash: sha256Hex(tampered),
        }),
      ).toEqual({ valid: false, code: 'HASH_MISMATCH' });
    });

    it('tampered signature or signed content → SIGNATURE_INVALID', async () => {
      const [h, p, s] = file.signed.jws.split('.') as [string, string, string];
      const flipped = `${s.slice(0, 10)}${s[10] === 'A' ? 'B' : 'A'}${s.slice(11)}`;
      expect(
        await verifySignedFile(db, {
          ...file,
          signed: { ...file.signed, jws: `${h}.${p}.${flipped}` },
        }),
      ).toEqual({
        valid: false,
        code: 'SIGNATURE_INVALID',
      });
      expect(
        await verifySignedFile(db, {
          ...file,
          signed: { ...file.signed, canonicalJson: `${file.signed.canonicalJson} ` },
        }),
      ).toEqual({ valid: false, code: 'SIGNATURE_INVALID' });
      expect(
        await verifySignedFile(db, {
          ...file,
          signed: { ...file.signed, certificateSerial: 'CARD-OTHER' },
        }),
      ).toEqual({ valid: false, code: 'SIGNATURE_INVALID' });
    });

    it('another receipt number, or not a signed file at all', async () => {
      expect(await verifySignedFile(db, { ...file, receiptNumber: 'R-NONE' })).toEqual({
        valid: false,
        code: 'NOT_FOUND',
      });
      // The batch's receipt with this file's (validly signed) document: hashes differ.
      expect(await verifySignedFile(db, { ...file, receiptNumber: 'R-TEST-B1' })).toEqual({
        valid: false,
        code: 'HASH_MISMATCH',
      });
      for (const junk of ['{', '[]', JSON.stringify({ ...file, schema: 'x' }), null, 42]) {
        expect(await verifySignedFile(db, junk)).toEqual({ valid: false, code: 'FILE_INVALID' });
      }
    });
  });

  it('the public check is rate-limited per IP address', async () => {
    const at = new Date('2025-10-10T09:00:00Z');
    for (let i = 0; i < VERIFY_PER_IP.limit; i += 1) {
      expect((await consumeVerifyLimit(db, '203.0.113.7', at)).ok).toBe(true);
    }
    expect(await consumeVerifyLimit(db, '203.0.113.7', at)).toMatchObject({ ok: false });
    expect((await consumeVerifyLimit(db, '203.0.113.8', at)).ok).toBe(true);
  });
});
