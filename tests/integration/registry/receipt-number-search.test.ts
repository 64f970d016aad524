import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '@/db/seed';
import { parseRegistryCriteria } from '@/lib/server/reports/registry/registry-criteria';
import { searchReports } from '@/lib/server/reports/registry/search-reports';
import { verifyReceipt } from '@/lib/server/verify/verify-receipt';
import { ensureDemoCertificates } from '../helpers/identity-fixtures';
import { directorScope, sendableReport, sendReport } from '../helpers/sending-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const AS_OF = new Date('2025-10-15T10:00:00+04:00');

// Issue 10 §10: a receipt number is found however it is typed — lower case, spaces, a PDF's dashes.
describe('receipt-number search of a really sent report', () => {
  let database: TestDatabase;
  let db: TestDatabase['db'];
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    await seed(db);
    await ensureDemoCertificates(db);
  }, 120_000);
  afterAll(async () => database?.close());

  it('finds the report in the registry and on /verify by its receipt number in any case and spacing', async () => {
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
    const { receiptNumber, documentHash } = sent.submission;
    expect(receiptNumber).toMatch(/^HS-2025-\d+$/);
    const [, year, sequence] = receiptNumber.split('-');

    for (const typed of [
      receiptNumber,
      ` ${receiptNumber.toLowerCase()} `,
      `hs - ${year} - ${sequence}`,
      `hs ${year} ${sequence}`,
      `HS\u2013${year}\u2013${sequence}`,
    ]) {
      const { criteria, errors } = parseRegistryCriteria({ receipt: typed });
      expect(errors, typed).toEqual([]);
      const found = await searchReports(db, scope, criteria);
      expect(
        found.rows.map((r) => r.id),
        typed,
      ).toEqual([reportId]);
      expect(
        await verifyReceipt(db, { receiptNumber: typed, hash: documentHash }),
        typed,
      ).toMatchObject({ valid: true });
    }
  });
});
