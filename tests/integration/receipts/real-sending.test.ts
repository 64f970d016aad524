import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '@/db/seed';
import { getReceipt } from '@/lib/server/submissions/receipt/get-receipt';
import { renderReceiptPdf } from '@/lib/server/submissions/receipt/render-receipt-pdf';
import { getSignedFile } from '@/lib/server/submissions/receipt/signed-file';
import { verifyReceipt, verifySignedFile } from '@/lib/server/verify/verify-receipt';
import { ensureDemoCertificates } from '../helpers/identity-fixtures';
import { directorScope, sendableReport, sendReport } from '../helpers/sending-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const AS_OF = new Date('2025-10-15T10:00:00+04:00');

// The receipt of a report sent through the real sending core (not a hand-made row).
describe('receipt of a really sent report', () => {
  let database: TestDatabase;
  let db: TestDatabase['db'];
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    await seed(db);
    await ensureDemoCertificates(db);
  }, 120_000);
  afterAll(async () => database?.close());

  it('shows the document, renders the PDF, and verifies by receipt and by signed file', async () => {
    const scope = await directorScope(db, 'xezer', AS_OF);
    const reportId = await sendableReport(db, scope, {
      employerKey: 'xezer',
      activityCode: '62.01',
      year: 2025,
      quarter: 3,
      asOf: AS_OF,
    });
    const sent = await sendReport(db, scope, reportId, AS_OF);
    if (!sent.ok) throw new Error(`send failed: ${sent.code}`);
    const { submissionId, receiptNumber, documentHash } = sent.submission;

    const view = await getReceipt(db, scope, { submissionId });
    expect(view).toMatchObject({
      receiptNumber,
      documentHash,
      period: { year: 2025, quarter: 3 },
      reportType: 'INITIAL',
    });
    expect(view.employer.name).not.toBe('');
    expect(view.totals.persons).toBeGreaterThan(0);
    expect(view.signer.surname).not.toBe('');

    const pdf = await PDFDocument.load(
      await renderReceiptPdf(view, 'az', 'http://localhost:3000/verify'),
    );
    expect(pdf.getTitle()).toBe(`Qəbz ${receiptNumber}`);
    expect(pdf.getPageCount()).toBe(1);

    expect(await verifyReceipt(db, { receiptNumber, hash: documentHash })).toMatchObject({
      valid: true,
      code: 'VALID',
    });
    const file = await getSignedFile(db, scope, { submissionId });
    expect(await verifySignedFile(db, JSON.stringify(file))).toMatchObject({
      valid: true,
      code: 'VALID',
    });
  });
});
