import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  certificates,
  paymentDistributions,
  payments,
  signedDocuments,
} from '@/db/schema';
import { listDistributions } from '@/lib/server/cabinet/distribution/list-distributions';
import { isDistributionSignatureGenuine } from '@/lib/server/cabinet/distribution/verify-distribution-signature';
import { DEMO_PIN2 } from '@/db/seed/demo-identities';
import { seedEmployer } from '@/db/seed/employers';
import { subEmployerScope, type EmployerScope } from '@/lib/server/access';
import type { DistributionInput } from '@/lib/server/cabinet/distribution/check-distribution';
import { completeDistribution } from '@/lib/server/cabinet/distribution/complete-distribution';
import { loadDistributablePayment } from '@/lib/server/cabinet/distribution/load-distributable-payment';
import { startDistribution } from '@/lib/server/cabinet/distribution/start-distribution';
import { signOnSimulatedCard } from '@/lib/server/demo/sign-on-simulated-card';
import { addReportPayment } from '@/lib/server/reports/add-report-payment';
import { createReport } from '@/lib/server/reports/create-report';
import { AppError } from '@/lib/server/errors';
import { parseCabinetQuery } from '@/lib/cabinet/query';
import { loadCabinetContext } from '@/lib/server/cabinet/cabinet-context';
import { cabinetTablesLoader } from '@/lib/server/cabinet/view-tables';
import { runWithRequestContext } from '@/lib/server/request-context';
import type { TestDatabase } from '../helpers/test-database';
import { testBrowser } from '../helpers/test-browser';
import { directorScope } from '../helpers/sending-fixtures';
import { AS_OF, insertPayment, scopeOf, seededDatabase, XEZER } from '../reports/report-fixtures';

// Issue 13 §6–§8 (SPEC E3–E5): a distribution takes effect only once signed, as new payments
// (the source is never updated), exactly the amounts signed, never more than the remainder —
// also when two people complete at once — and a sub-employer is reached only from above.

const SEBAIL = seedEmployer('sebail-edu').id;
const SCHOOL_6 = seedEmployer('school-6').id;
const SCHOOL_23 = seedEmployer('school-23').id;

describe('payment distribution (issue 13 §6–§8)', () => {
  let database: TestDatabase;
  let xezer: EmployerScope;
  let sebail: EmployerScope;
  let school6: EmployerScope;

  beforeAll(async () => {
    database = await seededDatabase();
    xezer = await scopeOf(database.db, 'xezer');
    sebail = await directorScope(database.db, 'sebail-edu', AS_OF);
    school6 = await directorScope(database.db, 'school-6', AS_OF);
  }, 120_000);
  afterAll(async () => database?.close());

  async function signed(scope: EmployerScope, paymentId: string, input: DistributionInput) {
    const started = await startDistribution(database.db, scope, {
      ...input,
      paymentId,
      method: 'ESIGN',
      browser: testBrowser,
    });
    if (!started.ok) throw new Error(`not started: ${started.code}`);
    const jws = await signOnSimulatedCard(database.db, {
      sessionId: started.sessionId,
      pin: DEMO_PIN2,
    });
    return { sessionId: started.sessionId, jws };
  }

  async function distribute(scope: EmployerScope, paymentId: string, input: DistributionInput) {
    const signature = await signed(scope, paymentId, input);
    return completeDistribution(database.db, scope, {
      paymentId,
      ...signature,
      browser: testBrowser,
    });
  }

  const remainder = async (scope: EmployerScope, id: string) =>
    (await loadDistributablePayment(database.db, scope, id)).remainderQepik;

  it('splits a payment by classification into new payments that add up exactly', async () => {
    const id = await insertPayment(database.db, {
      amountQepik: 100_000,
      paymentDate: '2026-10-05',
    });
    const [before] = await database.db.select().from(payments).where(eq(payments.id, id));
    const done = await distribute(xezer, id, {
      kind: 'CLASSIFICATION',
      amountQepik: 100_000,
      lines: [
        { target: '121111', amountQepik: 88_000 },
        { target: '121211', amountQepik: 12_000 },
      ],
    });
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    const parts = await database.db
      .select()
      .from(payments)
      .where(eq(payments.sourcePaymentId, id))
      .orderBy(payments.economicClassCode);
    expect(parts.map((p) => [p.employerId, p.economicClassCode, p.amountQepik])).toEqual([
      [XEZER, '121111', 88_000],
      [XEZER, '121211', 12_000],
    ]);
    expect(
      parts.every(
        (p) => p.paymentDate === '2026-10-05' && p.distributionId === done.distributionId,
      ),
    ).toBe(true);
    // The source is untouched; its remainder counts the parts.
    const [after] = await database.db.select().from(payments).where(eq(payments.id, id));
    expect(after).toEqual(before);
    expect(await remainder(xezer, id)).toBe(0);
    const [document] = await database.db
      .select()
      .from(signedDocuments)
      .where(eq(signedDocuments.id, done.signedDocumentId));
    expect(document?.documentKind).toBe('PAYMENT_DISTRIBUTION');
    expect(JSON.parse(document!.canonicalJson).parts).toHaveLength(2);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'PAYMENT_DISTRIBUTION'), eq(auditLog.employerId, XEZER)));
    expect(audit.length).toBeGreaterThanOrEqual(1);
    // Nothing is left to distribute a second time.
    const again = await startDistribution(database.db, xezer, {
      paymentId: id,
      kind: 'CLASSIFICATION',
      amountQepik: 1,
      lines: [{ target: '121111', amountQepik: 1 }],
      method: 'ESIGN',
      browser: testBrowser,
    });
    expect(again).toMatchObject({
      ok: false,
      code: 'DISTRIBUTION_INVALID',
      problems: [{ field: 'amount', code: 'SPLIT_EXCEEDS_REMAINDER' }],
    });
  });

  it('completing the same signature twice gives the one distribution', async () => {
    const id = await insertPayment(database.db, { amountQepik: 5_000, paymentDate: '2026-10-06' });
    const input: DistributionInput = {
      kind: 'CLASSIFICATION',
      amountQepik: 5_000,
      lines: [{ target: '121211', amountQepik: 5_000 }],
    };
    const signature = await signed(xezer, id, input);
    const first = await completeDistribution(database.db, xezer, {
      paymentId: id,
      ...signature,
      browser: testBrowser,
    });
    const second = await completeDistribution(database.db, xezer, {
      paymentId: id,
      ...signature,
      browser: testBrowser,
    });
    expect(first.ok && second.ok && first.distributionId === second.distributionId).toBe(true);
    const parts = await database.db.select().from(payments).where(eq(payments.sourcePaymentId, id));
    expect(parts).toHaveLength(1);
  });

  it('refuses a sum that does not match and a target outside the pair, starting nothing', async () => {
    const id = await insertPayment(database.db, { amountQepik: 10_000, paymentDate: '2026-10-07' });
    const mismatch = await startDistribution(database.db, xezer, {
      paymentId: id,
      kind: 'CLASSIFICATION',
      amountQepik: 10_000,
      lines: [
        { target: '121111', amountQepik: 5_000 },
        { target: '121211', amountQepik: 4_999 },
      ],
      method: 'ESIGN',
      browser: testBrowser,
    });
    expect(mismatch).toMatchObject({
      ok: false,
      problems: [{ field: 'lines', code: 'SPLIT_SUM_MISMATCH' }],
    });
    const foreign = await startDistribution(database.db, xezer, {
      paymentId: id,
      kind: 'CLASSIFICATION',
      amountQepik: 10_000,
      lines: [{ target: '121240', amountQepik: 10_000 }],
      method: 'ESIGN',
      browser: testBrowser,
    });
    expect(foreign).toMatchObject({
      ok: false,
      problems: [{ field: 0, code: 'SPLIT_TARGET_NOT_ALLOWED' }],
    });
    // Xəzər has no sub-employers: a school is not a target of its payment.
    const school = await startDistribution(database.db, xezer, {
      paymentId: id,
      kind: 'SUB_EMPLOYER',
      amountQepik: 10_000,
      lines: [{ target: SCHOOL_6, amountQepik: 10_000 }],
      method: 'ESIGN',
      browser: testBrowser,
    });
    expect(school).toMatchObject({
      ok: false,
      problems: [{ field: 0, code: 'SPLIT_TARGET_NOT_ALLOWED' }],
    });
    expect(await remainder(xezer, id)).toBe(10_000);
  });

  it('refuses the part of a payment a report already uses', async () => {
    const id = await insertPayment(database.db, {
      amountQepik: 30_000,
      paymentDate: '2026-07-10',
      activityCode: '62.01',
    });
    const { reportId } = await createReport(
      database.db,
      xezer,
      { reportType: 'INITIAL', activityCode: '62.01', year: 2026, quarter: 3 },
      AS_OF,
    );
    await addReportPayment(
      database.db,
      xezer,
      { reportId, paymentId: id, amountQepik: 20_000 },
      AS_OF,
    );
    expect(await remainder(xezer, id)).toBe(10_000);
    const refused = await startDistribution(database.db, xezer, {
      paymentId: id,
      kind: 'CLASSIFICATION',
      amountQepik: 10_001,
      lines: [{ target: '121211', amountQepik: 10_001 }],
      method: 'ESIGN',
      browser: testBrowser,
    });
    expect(refused).toMatchObject({
      ok: false,
      problems: [
        { field: 'amount', code: 'SPLIT_EXCEEDS_REMAINDER', params: { remainderQepik: 10_000 } },
      ],
    });
  });

  it('moves exactly the amount to a sub-employer, where it is the school’s payment', async () => {
    const id = await insertPayment(database.db, {
      employerId: SEBAIL,
      amountQepik: 50_000,
      paymentDate: '2026-10-08',
      economicClassCode: '121140',
    });
    const done = await distribute(sebail, id, {
      kind: 'SUB_EMPLOYER',
      amountQepik: 30_000,
      lines: [
        { target: SCHOOL_6, amountQepik: 30_000 },
        { target: SCHOOL_23, amountQepik: 0 },
      ],
    });
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect(await remainder(sebail, id)).toBe(20_000);
    const [part] = done.partIds;
    // The school sees it as its own payment, with the whole amount to use.
    const asSchool = await loadDistributablePayment(database.db, school6, part!);
    expect(asSchool).toMatchObject({
      employerId: SCHOOL_6,
      amountQepik: 30_000,
      remainderQepik: 30_000,
      economicClassCode: '121140',
    });
    // …and the department, through its scope for the school (E5).
    const viaParent = await subEmployerScope(database.db, sebail, SCHOOL_6);
    expect((await loadDistributablePayment(database.db, viaParent, part!)).amountQepik).toBe(
      30_000,
    );
    const [row] = await database.db
      .select()
      .from(paymentDistributions)
      .where(eq(paymentDistributions.id, done.distributionId));
    expect(row).toMatchObject({
      employerId: SEBAIL,
      actingEmployerId: SEBAIL,
      kind: 'SUB_EMPLOYER',
      amountQepik: 30_000,
    });
  });

  it('lets the parent distribute a sub-employer’s payment, signed as the parent’s person', async () => {
    const id = await insertPayment(database.db, {
      employerId: SCHOOL_23,
      amountQepik: 8_000,
      paymentDate: '2026-10-09',
      economicClassCode: '121140',
    });
    const viaParent = await subEmployerScope(database.db, sebail, SCHOOL_23);
    const done = await distribute(viaParent, id, {
      kind: 'CLASSIFICATION',
      amountQepik: 8_000,
      lines: [
        { target: '121140', amountQepik: 7_000 },
        { target: '121240', amountQepik: 1_000 },
      ],
    });
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    const [row] = await database.db
      .select()
      .from(paymentDistributions)
      .where(eq(paymentDistributions.id, done.distributionId));
    expect(row).toMatchObject({ employerId: SCHOOL_23, actingEmployerId: SEBAIL });
  });

  it('reaches a sub-employer only from above: not the parent, a sibling or another structure', async () => {
    await expect(subEmployerScope(database.db, school6, SEBAIL)).rejects.toThrow(AppError);
    await expect(subEmployerScope(database.db, school6, SCHOOL_23)).rejects.toThrow(AppError);
    await expect(subEmployerScope(database.db, xezer, SCHOOL_6)).rejects.toThrow(AppError);
    await expect(subEmployerScope(database.db, sebail, SEBAIL)).rejects.toThrow(AppError);
    await expect(subEmployerScope(database.db, sebail, 'not-a-uuid')).rejects.toThrow(AppError);
    const sebailPayment = await insertPayment(database.db, {
      employerId: SEBAIL,
      amountQepik: 1_000,
      paymentDate: '2026-10-10',
      economicClassCode: '121140',
    });
    for (const scope of [xezer, school6, await subEmployerScope(database.db, sebail, SCHOOL_6)]) {
      await expect(
        loadDistributablePayment(database.db, scope, sebailPayment),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(
        startDistribution(database.db, scope, {
          paymentId: sebailPayment,
          kind: 'CLASSIFICATION',
          amountQepik: 1_000,
          lines: [{ target: '121140', amountQepik: 1_000 }],
          method: 'ESIGN',
          browser: testBrowser,
        }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('two people completing distributions of the same payment at once cannot use it twice', async () => {
    const id = await insertPayment(database.db, { amountQepik: 10_000, paymentDate: '2026-10-11' });
    const input = (target: string): DistributionInput => ({
      kind: 'CLASSIFICATION',
      amountQepik: 7_000,
      lines: [{ target, amountQepik: 7_000 }],
    });
    // Both are checked against the whole remainder and signed before either completes.
    const a = await signed(xezer, id, input('121111'));
    const b = await signed(xezer, id, input('121211'));
    const results = await Promise.all([
      completeDistribution(database.db, xezer, { paymentId: id, ...a, browser: testBrowser }),
      completeDistribution(database.db, xezer, { paymentId: id, ...b, browser: testBrowser }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      code: 'DISTRIBUTION_INVALID',
      problems: [
        { field: 'amount', code: 'SPLIT_EXCEEDS_REMAINDER', params: { remainderQepik: 3_000 } },
      ],
    });
    const [moved] = await database.db
      .select({ total: sql<string>`sum(${payments.amountQepik})::text` })
      .from(payments)
      .where(eq(payments.sourcePaymentId, id));
    expect(moved?.total).toBe('7000');
    expect(await remainder(xezer, id)).toBe(3_000);
  });

  it('view 17 shows the parts once: amount + received − used − distributed = remainder', async () => {
    const { query } = parseCabinetQuery({ year: '2026' }, '2026-11-30');
    const [table] = await runWithRequestContext({ principal: null, locale: 'en' }, async () => {
      const context = await loadCabinetContext(database.db, xezer, query);
      return cabinetTablesLoader('V17')!(database.db, context, 'screen');
    });
    expect(table).toBeDefined();
    const n = (v: unknown) => (typeof v === 'number' ? v : 0);
    for (const row of [...table!.rows.map((r) => r.cells), table!.totals!]) {
      expect(n(row.amount) + n(row.received) - n(row.used) - n(row.distributed)).toBe(
        n(row.remainder),
      );
    }
    const parts = table!.rows.filter((r) => r.cells.received !== null);
    expect(parts.length).toBeGreaterThanOrEqual(4);
    expect(parts.every((r) => r.cells.amount === null)).toBe(true);
  });

  it('lists the signed distributions with a signature that verifies over what was stored', async () => {
    const listed = await listDistributions(database.db, xezer);
    expect(listed.length).toBeGreaterThanOrEqual(3);
    expect(listed.every((d) => d.signatureValid)).toBe(true);
    const [first] = listed;
    const [signed] = await database.db
      .select()
      .from(signedDocuments)
      .where(eq(signedDocuments.hash, first!.documentHash));
    const [certificate] = await database.db
      .select()
      .from(certificates)
      .where(eq(certificates.serial, signed!.certificateSerial));
    expect(await isDistributionSignatureGenuine(signed!, certificate!)).toBe(true);
    // Another amount in the document is not what was signed.
    const forged = signed!.canonicalJson.replace(
      /"amountQepik":(\d+)/,
      (_, n) => `"amountQepik":${Number(n) + 1}`,
    );
    expect(
      await isDistributionSignatureGenuine({ ...signed!, canonicalJson: forged }, certificate!),
    ).toBe(false);
    // Nothing of Xəzər's in the department's list, and the other way round.
    const sebailList = await listDistributions(database.db, sebail);
    expect(sebailList.some((d) => listed.some((x) => x.id === d.id))).toBe(false);
  });

  it('keeps a distribution as it was signed: no UPDATE or DELETE', async () => {
    const [row] = await database.db.select().from(paymentDistributions).limit(1);
    expect(row).toBeDefined();
    await expect(
      database.db
        .update(paymentDistributions)
        .set({ amountQepik: 1 })
        .where(eq(paymentDistributions.id, row!.id)),
    ).rejects.toThrow();
    await expect(
      database.db.delete(paymentDistributions).where(eq(paymentDistributions.id, row!.id)),
    ).rejects.toThrow();
  });
});
