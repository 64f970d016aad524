import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import {
  auditLog,
  bankStatementLines,
  paymentReversals,
  payments,
  reportPayments,
} from '@/db/schema';
import type { StaffScope } from '@/lib/server/access';
import { isAppError } from '@/lib/server/errors';
import { remainderSql } from '@/lib/server/reports/payment-remainder';
import { listUnallocatedPayments } from '@/lib/server/reports/list-unallocated-payments';
import { assignStatementLine } from '@/lib/server/staff/payments/assign-line';
import { confirmImport } from '@/lib/server/staff/payments/confirm-import';
import { importStatement, MAX_STATEMENT_BYTES } from '@/lib/server/staff/payments/import-statement';
import {
  listBodyPayments,
  listQueue,
  loadImportPreview,
} from '@/lib/server/staff/payments/read-models';
import { recordPayment } from '@/lib/server/staff/payments/record-payment';
import { reversePayment } from '@/lib/server/staff/payments/reverse-payment';
import { writeCamt053, writeStatementCsv } from '@/tests/fixtures/bank-statements/write-statements';
import { insertDraftReport, reportsScope } from '../../helpers/report-fixtures';
import { STAFF_KEYS, staffScopeOf } from '../../helpers/staff-fixtures';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import {
  bytes,
  freshReference,
  KUR_VOEN,
  line,
  SCHOOL_VOEN,
  UNKNOWN_VOEN,
  XEZER_VOEN,
} from './payments-fixtures';

// Issue 14 §5: payments recorded by hand and from bank statements, the queue, reversals.

const XEZER = seedEmployer('xezer').id;
const SCHOOL = seedEmployer('school-6').id;
const AS_OF = new Date('2026-11-20T09:00:00Z');

let database: TestDatabase;
let operator: StaffScope;
let otherBody: StaffScope;
let admin: StaffScope;

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db);
  operator = await staffScopeOf(database.db, STAFF_KEYS.operator);
  otherBody = await staffScopeOf(database.db, STAFF_KEYS.otherBody);
  admin = await staffScopeOf(database.db, STAFF_KEYS.admin);
});
afterAll(async () => database?.close());

async function refusal(promise: Promise<unknown>): Promise<{ code: string; field?: string }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error))
      return { code: error.code, ...(error.field ? { field: error.field } : {}) };
    throw error;
  }
  throw new Error('expected a refusal');
}

async function remainderOf(paymentId: string): Promise<number> {
  const [row] = await database.db
    .select({ remainder: remainderSql })
    .from(payments)
    .where(eq(payments.id, paymentId));
  return Number(row?.remainder);
}

const manual = (reference: string, over: Partial<Parameters<typeof recordPayment>[2]> = {}) => ({
  employerId: XEZER,
  activityCode: '62.01',
  paymentDate: '2026-11-10',
  amount: '1 234,56',
  bankReference: reference,
  economicClassCode: '121111',
  ...over,
});

describe('recording a payment by hand', () => {
  it('records it as the seed does (no ledger entry) and it is at once in F6', async () => {
    const reference = freshReference('M');
    const { paymentId } = await recordPayment(database.db, operator, manual(reference), AS_OF);
    const [row] = await database.db.select().from(payments).where(eq(payments.id, paymentId));
    expect(row).toMatchObject({
      employerId: XEZER,
      activityCode: '62.01',
      paymentDate: '2026-11-10',
      amountQepik: 123_456,
      bankReference: reference,
      economicClassCode: '121111',
      recordedBy: operator.fin,
      sourcePaymentId: null,
    });
    expect(await remainderOf(paymentId)).toBe(123_456);
    const ledger = await database.db.execute(
      sql`select count(*)::int as n from ledger_entries where payment_id = ${paymentId}`,
    );
    const rows = (Array.isArray(ledger) ? ledger : (ledger as { rows: unknown[] }).rows) as {
      n: number;
    }[];
    expect(Number(rows[0]?.n)).toBe(0);
    // F6 "Ödəniş əlavə et" of a Xəzər 62.01 report lists it.
    const reportId = await insertDraftReport(database.db, { year: 2026, quarter: 4 });
    const scope = await reportsScope(database.db, 'xezer', 'xezer-director');
    const listed = await listUnallocatedPayments(database.db, scope, { reportId, pageSize: 200 });
    expect(listed.rows.map((r) => r.bankReference)).toContain(reference);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'STAFF_PAYMENT_RECORDED'),
          sql`${auditLog.details}->>'paymentId' = ${paymentId}`,
        ),
      );
    expect(audit).toMatchObject({ employerId: XEZER, actorFin: operator.fin, actorRole: 'STAFF' });
  });

  it('refuses a bank reference recorded before, and bad fields at their field', async () => {
    const reference = freshReference('M');
    await recordPayment(database.db, operator, manual(reference), AS_OF);
    expect(await refusal(recordPayment(database.db, operator, manual(reference), AS_OF))).toEqual({
      code: 'PAYMENT_REFERENCE_TAKEN',
      field: 'bankReference',
    });
    // The same reference for another employer of the body is the same bank movement: refused.
    expect(
      (
        await refusal(
          recordPayment(
            database.db,
            operator,
            manual(reference, { employerId: seedEmployer('kur').id, activityCode: '41.20' }),
            AS_OF,
          ),
        )
      ).code,
    ).toMatch(/PAYMENT_REFERENCE_TAKEN|PAYMENT_CLASS_CODE_INVALID/);
    const bad = (over: Partial<Parameters<typeof recordPayment>[2]>) =>
      refusal(recordPayment(database.db, operator, manual(freshReference('M'), over), AS_OF));
    expect(await bad({ amount: '12,345' })).toMatchObject({ field: 'amount' });
    expect(await bad({ amount: '0' })).toMatchObject({ field: 'amount' });
    expect(await bad({ paymentDate: '2026-02-30' })).toEqual({
      code: 'PAYMENT_DATE_INVALID',
      field: 'paymentDate',
    });
    expect(await bad({ paymentDate: '2026-12-01' })).toMatchObject({
      code: 'PAYMENT_DATE_IN_FUTURE',
    });
    expect(await bad({ activityCode: '41.20' })).toMatchObject({
      code: 'PAYMENT_ACTIVITY_CODE_INVALID',
    });
    expect(await bad({ economicClassCode: '121140' })).toMatchObject({
      code: 'PAYMENT_CLASS_CODE_INVALID',
    });
    expect(await bad({ bankReference: 'has space' })).toMatchObject({
      code: 'PAYMENT_REFERENCE_INVALID',
    });
  });

  it("answers NOT_FOUND for another body's employer", async () => {
    expect(
      (await refusal(recordPayment(database.db, otherBody, manual(freshReference('M')), AS_OF)))
        .code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await refusal(
          recordPayment(
            database.db,
            operator,
            manual(freshReference('M'), { employerId: SCHOOL, activityCode: '85.31' }),
            AS_OF,
          ),
        )
      ).code,
    ).toBe('NOT_FOUND');
  });
});

describe('importing a bank statement', () => {
  it('matches, queues and flags duplicates in a camt.053; confirming records the matched', async () => {
    const known = line(XEZER_VOEN, '150.00');
    const employee = line(XEZER_VOEN, '20.50', '121211 işçi payı');
    const unknown = line(UNKNOWN_VOEN, '75.00');
    const noCode = line(XEZER_VOEN, '10.00', 'MDSS ödənişi');
    const otherBodyLine = line(SCHOOL_VOEN, '99.00', '121140 MDSS');
    const repeated = { ...known, amount: '1.00' };
    const xml = writeCamt053([known, employee, unknown, noCode, otherBodyLine, repeated]);
    const summary = await importStatement(
      database.db,
      operator,
      { fileName: 'statement.xml', bytes: bytes(xml) },
      AS_OF,
    );
    expect(summary).toMatchObject({
      format: 'CAMT053',
      lines: 6,
      matched: 3,
      unmatched: 2,
      duplicate: 1,
    });
    // The preview shows the body's lines; the Səbail school's line waits for its body.
    const preview = await loadImportPreview(database.db, operator, { importId: summary.importId });
    expect(preview.ownCount).toBe(5);
    expect(preview.otherBodiesCount).toBe(1);
    expect(preview.toConfirm).toBe(2);
    const confirmed = await confirmImport(
      database.db,
      operator,
      { importId: summary.importId },
      AS_OF,
    );
    expect(confirmed).toEqual({ recorded: 2, alreadyRecorded: 0 });
    const recorded = await database.db
      .select()
      .from(payments)
      .where(eq(payments.bankReference, known.reference));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      employerId: XEZER,
      amountQepik: 15_000,
      paymentDate: '2026-11-11',
      economicClassCode: '121111',
      // Xəzər's two codes share the class pair: the payment names no activity code.
      activityCode: null,
    });
    // Confirming again records nothing.
    expect(
      await confirmImport(database.db, operator, { importId: summary.importId }, AS_OF),
    ).toEqual({ recorded: 0, alreadyRecorded: 2 });
    // The queue: the unknown VÖEN and the line with no class code (the Nəsimi body's), not the school's.
    const queue = await listQueue(database.db, operator);
    const queued = queue.rows.map((r) => r.bankReference);
    expect(queued).toEqual(expect.arrayContaining([unknown.reference, noCode.reference]));
    expect(queued).not.toContain(otherBodyLine.reference);
    // The Səbail body confirms its own line of that import.
    expect(
      await confirmImport(database.db, otherBody, { importId: summary.importId }, AS_OF),
    ).toEqual({ recorded: 1, alreadyRecorded: 0 });
    const [school] = await database.db
      .select()
      .from(payments)
      .where(eq(payments.bankReference, otherBodyLine.reference));
    expect(school).toMatchObject({ employerId: SCHOOL, economicClassCode: '121140' });
    // A second import of the same file records nothing new and says so per line.
    const again = await importStatement(
      database.db,
      operator,
      { fileName: 'statement.xml', bytes: bytes(xml) },
      AS_OF,
    );
    expect(again).toMatchObject({ lines: 6, matched: 0, unmatched: 0, duplicate: 6 });
    const lines = await database.db
      .select({ status: bankStatementLines.status, reason: bankStatementLines.reason })
      .from(bankStatementLines)
      .where(eq(bankStatementLines.importId, again.importId));
    expect(new Set(lines.map((l) => l.reason))).toEqual(new Set(['REFERENCE_ALREADY_RECORDED']));
    expect(await confirmImport(database.db, operator, { importId: again.importId }, AS_OF)).toEqual(
      {
        recorded: 0,
        alreadyRecorded: 0,
      },
    );
  });

  it('reads the CSV export the same way', async () => {
    const a = line(XEZER_VOEN, '42.00');
    const b = line(UNKNOWN_VOEN, '5.00');
    const summary = await importStatement(
      database.db,
      operator,
      { fileName: 'statement.csv', bytes: bytes(writeStatementCsv([a, b])) },
      AS_OF,
    );
    expect(summary).toMatchObject({
      format: 'CSV',
      lines: 2,
      matched: 1,
      unmatched: 1,
      duplicate: 0,
    });
    const { recorded } = await confirmImport(
      database.db,
      operator,
      { importId: summary.importId },
      AS_OF,
    );
    expect(recorded).toBe(1);
  });

  it('assigns a queued line by hand to an employer and activity code', async () => {
    const unknown = line(UNKNOWN_VOEN, '321.09', 'MDSS');
    const summary = await importStatement(
      database.db,
      operator,
      { fileName: 'q.xml', bytes: bytes(writeCamt053([unknown])) },
      AS_OF,
    );
    const queue = await listQueue(database.db, operator, {});
    const queued = queue.rows.find((r) => r.bankReference === unknown.reference);
    expect(queued).toBeDefined();
    const input = {
      lineId: queued!.id,
      employerId: XEZER,
      activityCode: '47.41',
      economicClassCode: '121211',
    };
    // Another body cannot see the line (the importer's body's queue) nor Xəzər.
    expect((await refusal(assignStatementLine(database.db, otherBody, input, AS_OF))).code).toBe(
      'NOT_FOUND',
    );
    expect(
      (
        await refusal(
          assignStatementLine(
            database.db,
            operator,
            { ...input, employerId: SCHOOL, activityCode: '85.31', economicClassCode: '121140' },
            AS_OF,
          ),
        )
      ).code,
    ).toBe('NOT_FOUND');
    const { paymentId } = await assignStatementLine(database.db, operator, input, AS_OF);
    const [row] = await database.db.select().from(payments).where(eq(payments.id, paymentId));
    expect(row).toMatchObject({
      employerId: XEZER,
      activityCode: '47.41',
      amountQepik: 32_109,
      economicClassCode: '121211',
      bankReference: unknown.reference,
    });
    expect((await listQueue(database.db, operator)).rows.map((r) => r.id)).not.toContain(
      queued!.id,
    );
    expect(await refusal(assignStatementLine(database.db, operator, input, AS_OF))).toMatchObject({
      code: 'STATEMENT_LINE_NOT_OPEN',
    });
    // An administrator sees every queue.
    const other = line(UNKNOWN_VOEN, '1.00', 'MDSS');
    await importStatement(
      database.db,
      otherBody,
      { fileName: 'q2.xml', bytes: bytes(writeCamt053([other])) },
      AS_OF,
    );
    const adminQueue = await listQueue(database.db, admin);
    expect(adminQueue.total).toBeGreaterThanOrEqual(1);
    expect(summary.unmatched).toBe(1);
  });

  it('two imports of the same file at once: one takes the lines, the other says duplicate', async () => {
    const lines = [
      line(XEZER_VOEN, '11.00'),
      line(KUR_VOEN, '12.00', '121111 MDSS'),
      line(XEZER_VOEN, '13.00'),
    ];
    const file = bytes(writeCamt053(lines));
    const results = await Promise.all([
      importStatement(database.db, operator, { fileName: 'a.xml', bytes: file }, AS_OF),
      importStatement(database.db, operator, { fileName: 'b.xml', bytes: file }, AS_OF),
    ]);
    const first = results.find((r) => r.duplicate === 0);
    const second = results.find((r) => r.duplicate === 3);
    expect(first?.matched).toBe(3);
    expect(second?.matched).toBe(0);
    const confirms = await Promise.all(
      results.map((r) => confirmImport(database.db, operator, { importId: r.importId }, AS_OF)),
    );
    expect(confirms.reduce((s, c) => s + c.recorded, 0)).toBe(3);
    for (const l of lines) {
      const rows = await database.db
        .select({ id: payments.id })
        .from(payments)
        .where(eq(payments.bankReference, l.reference));
      expect(rows).toHaveLength(1);
    }
  });

  it('refuses malformed, huge and binary uploads with a clear code', async () => {
    const upload = (content: Uint8Array, fileName = 'x.xml') =>
      refusal(importStatement(database.db, operator, { fileName, bytes: content }, AS_OF));
    expect(await upload(new Uint8Array())).toEqual({ code: 'STATEMENT_EMPTY', field: 'file' });
    expect(await upload(bytes('<Document><BkToCstmrStmt>'))).toMatchObject({
      code: 'STATEMENT_XML_INVALID',
    });
    expect(await upload(bytes('<?xml version="1.0"?><Document xmlns="urn:x"/>'))).toMatchObject({
      code: 'STATEMENT_NOT_CAMT053',
    });
    expect(await upload(bytes('a,b,c\n1,2,3\n'), 'x.csv')).toMatchObject({
      code: 'STATEMENT_HEADER_INVALID',
    });
    expect(await upload(bytes('booking_date,amount\u0000\n'))).toEqual({
      code: 'STATEMENT_FILE_BINARY',
      field: 'file',
    });
    expect(await upload(new Uint8Array([0xff, 0xfe, 0x00, 0x41]))).toMatchObject({
      code: 'STATEMENT_FILE_BINARY',
    });
    expect(await upload(new Uint8Array(MAX_STATEMENT_BYTES + 1))).toMatchObject({
      code: 'STATEMENT_TOO_LARGE',
    });
    expect(
      await upload(bytes('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><Document/>')),
    ).toMatchObject({ code: 'STATEMENT_DOCTYPE_REFUSED' });
  });
});

describe('reversing a wrong payment', () => {
  it('reverses an unused payment by a new row: remainder 0, status REVERSED, audited', async () => {
    const reference = freshReference('R');
    const { paymentId } = await recordPayment(database.db, operator, manual(reference), AS_OF);
    expect(
      await refusal(reversePayment(database.db, operator, { paymentId, reason: '  ' }, AS_OF)),
    ).toMatchObject({ code: 'REASON_REQUIRED' });
    expect(
      (await refusal(reversePayment(database.db, otherBody, { paymentId, reason: 'x' }, AS_OF)))
        .code,
    ).toBe('NOT_FOUND');
    await reversePayment(database.db, operator, { paymentId, reason: 'Səhv sığortaedən' }, AS_OF);
    expect(await remainderOf(paymentId)).toBe(0);
    const [original] = await database.db.select().from(payments).where(eq(payments.id, paymentId));
    expect(original?.amountQepik).toBe(123_456);
    const [reversal] = await database.db
      .select()
      .from(paymentReversals)
      .where(eq(paymentReversals.paymentId, paymentId));
    expect(reversal).toMatchObject({ amountQepik: 123_456, reason: 'Səhv sığortaedən' });
    const listed = await listBodyPayments(database.db, operator, { reference });
    expect(listed.rows[0]).toMatchObject({ status: 'REVERSED', remainderQepik: 0 });
    expect(
      (await listBodyPayments(database.db, operator, { status: 'REVERSED' })).total,
    ).toBeGreaterThan(0);
    expect(
      await refusal(reversePayment(database.db, operator, { paymentId, reason: 'again' }, AS_OF)),
    ).toMatchObject({ code: 'PAYMENT_ALREADY_REVERSED' });
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'STAFF_PAYMENT_REVERSED'),
          sql`${auditLog.details}->>'paymentId' = ${paymentId}`,
        ),
      );
    expect(audit?.details).toMatchObject({ reason: 'Səhv sığortaedən' });
    // Reversed, it is no longer offered in F6.
    const reportId = await insertDraftReport(database.db, { year: 2027, quarter: 1 });
    const scope = await reportsScope(database.db, 'xezer', 'xezer-director');
    const f6 = await listUnallocatedPayments(database.db, scope, { reportId, pageSize: 200 });
    expect(f6.rows.map((r) => r.bankReference)).not.toContain(reference);
  });

  it('refuses to reverse a payment a report uses', async () => {
    const { paymentId } = await recordPayment(
      database.db,
      operator,
      manual(freshReference('R')),
      AS_OF,
    );
    const reportId = await insertDraftReport(database.db, { year: 2027, quarter: 2 });
    await database.db.insert(reportPayments).values({
      reportId,
      employerId: XEZER,
      paymentId,
      amountQepik: 100,
    });
    expect(
      await refusal(reversePayment(database.db, operator, { paymentId, reason: 'wrong' }, AS_OF)),
    ).toMatchObject({ code: 'PAYMENT_IN_USE' });
    expect(await remainderOf(paymentId)).toBe(123_356);
  });

  it('the list of the body is paged and filtered', async () => {
    const all = await listBodyPayments(database.db, operator, {});
    expect(all.rows.length).toBeLessThanOrEqual(25);
    expect(all.total).toBeGreaterThan(25);
    const xezer = await listBodyPayments(database.db, operator, {
      employerId: XEZER,
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(xezer.rows.every((r) => r.employerId === XEZER && r.paymentDate >= '2026-11-01')).toBe(
      true,
    );
    const sebail = await listBodyPayments(database.db, otherBody, { employerId: XEZER });
    expect(sebail.total).toBe(0);
    expect((await listBodyPayments(database.db, operator, { page: 2 })).page).toBe(2);
    void randomUUID;
  });
});
