import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPayments, reports } from '@/db/schema';
import type { EmployerScope } from '@/lib/server/access';
import { addAllReportPayments } from '@/lib/server/reports/add-all-report-payments';
import { addReportPayment } from '@/lib/server/reports/add-report-payment';
import { createReport } from '@/lib/server/reports/create-report';
import { getReport } from '@/lib/server/reports/get-report';
import { listUnallocatedPayments } from '@/lib/server/reports/list-unallocated-payments';
import { removeReportPayment } from '@/lib/server/reports/remove-report-payment';
import type { TestDatabase } from '../helpers/test-database';
import {
  AS_OF,
  expectRefusal,
  insertPayment,
  KUR,
  scopeOf,
  seededDatabase,
} from './report-fixtures';
import { AppError } from '@/lib/server/errors';

describe('report payments (F6) and the remainder rule', () => {
  let database: TestDatabase;
  let xezer: EmployerScope;
  let draft6201: string;
  let draft4741: string;

  const create = async (activityCode: string, year: number, quarter: number) =>
    (
      await createReport(
        database.db,
        xezer,
        { reportType: 'INITIAL', year, quarter, activityCode },
        AS_OF,
      )
    ).reportId;
  const remainderOf = async (reportId: string, paymentId: string) => {
    const list = await listUnallocatedPayments(database.db, xezer, { reportId, pageSize: 200 });
    return list.rows.find((r) => r.id === paymentId)?.remainderQepik ?? 0;
  };

  beforeAll(async () => {
    database = await seededDatabase();
    xezer = await scopeOf(database.db, 'xezer');
    draft6201 = await create('62.01', 2025, 3);
    draft4741 = await create('47.41', 2025, 3);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('lists the employer’s payments of the report’s code and of no code, the quarter’s and older first, paged', async () => {
    const shared = await insertPayment(database.db, {
      amountQepik: 50_000,
      paymentDate: '2025-09-20',
    });
    const other = await insertPayment(database.db, {
      amountQepik: 1_000,
      paymentDate: '2025-09-21',
      employerId: KUR,
    });
    const page1 = await listUnallocatedPayments(database.db, xezer, {
      reportId: draft6201,
      pageSize: 5,
    });
    expect(page1.rows).toHaveLength(5);
    // 2025 Q3: the newest payment up to 30.09.2025 comes first, not the newest of all.
    expect(page1.rows[0]?.id).toBe(shared);
    expect(page1.rows.every((r) => r.activityCode === '62.01' || r.activityCode === null)).toBe(
      true,
    );
    const dates = page1.rows.map((r) => r.paymentDate);
    expect([...dates].sort().reverse()).toEqual(dates);
    // 22 months × 2 sides of 62.01, plus the shared one.
    expect(page1.total).toBe(45);
    const page2 = await listUnallocatedPayments(database.db, xezer, {
      reportId: draft6201,
      page: 2,
      pageSize: 5,
    });
    expect(page2.rows[0]?.id).not.toBe(page1.rows[0]?.id);
    const all = await listUnallocatedPayments(database.db, xezer, {
      reportId: draft4741,
      pageSize: 200,
    });
    expect(all.rows.map((r) => r.id)).toContain(shared);
    expect(all.rows.map((r) => r.id)).not.toContain(other);
  });

  it('2026 Q3: payments up to 30.09.2026 first (newest first), later ones last (nearest first) and marked; "HAMISINI ƏLAVƏ ET" takes only the quarter’s unless asked', async () => {
    const reportId = await create('62.01', 2026, 3);
    const lastDay = await insertPayment(database.db, {
      amountQepik: 3_000,
      paymentDate: '2026-09-30',
    });
    const nextDay = await insertPayment(database.db, {
      amountQepik: 7_000,
      paymentDate: '2026-10-01',
    });
    const list = await listUnallocatedPayments(database.db, xezer, { reportId, pageSize: 200 });
    expect(list.quarterEnd).toBe('2026-09-30');
    expect(list.rows.map((r) => r.afterQuarter)).toEqual(
      list.rows.map((r) => r.paymentDate > '2026-09-30'),
    );
    const within = list.rows.filter((r) => !r.afterQuarter);
    const later = list.rows.filter((r) => r.afterQuarter);
    // Every payment up to the quarter's end before every later one.
    expect(list.rows.slice(0, within.length)).toEqual(within);
    expect(within.map((r) => r.paymentDate)).toEqual(
      within
        .map((r) => r.paymentDate)
        .sort()
        .reverse(),
    );
    expect(later.map((r) => r.paymentDate)).toEqual(later.map((r) => r.paymentDate).sort());
    expect(within[0]?.paymentDate).toBe('2026-09-30');
    expect(within.map((r) => r.id)).toContain(lastDay);
    expect(later[0]?.id).toBe(nextDay);
    // The demo's October and November payments are there too, as later ones.
    expect(later.some((r) => r.paymentDate.startsWith('2026-11'))).toBe(true);
    const sum = (rows: { remainderQepik: number }[]) =>
      rows.reduce((total, r) => total + r.remainderQepik, 0);
    expect(list.upToQuarterEnd).toEqual({ count: within.length, remainderQepik: sum(within) });
    expect(list.afterQuarter).toEqual({ count: later.length, remainderQepik: sum(later) });
    expect(list.total).toBe(within.length + later.length);

    const added = await addAllReportPayments(database.db, xezer, { reportId }, AS_OF);
    expect(added).toMatchObject({ added: within.length, addedQepik: sum(within) });
    const view = await getReport(database.db, xezer, reportId);
    expect(view.payments.map((p) => p.paymentId).sort()).toEqual(within.map((r) => r.id).sort());
    expect(view.payments.every((p) => p.paymentDate <= '2026-09-30')).toBe(true);
    const left = await listUnallocatedPayments(database.db, xezer, { reportId, pageSize: 200 });
    expect(left.rows.map((r) => r.id)).toEqual(later.map((r) => r.id));
    expect(left.upToQuarterEnd).toEqual({ count: 0, remainderQepik: 0 });
    // Only later payments left: the refusal points at the box that includes them.
    const refused = await expectRefusal(
      addAllReportPayments(database.db, xezer, { reportId }, AS_OF),
      'NOTHING_TO_ADD_IN_QUARTER',
    );
    expect(refused.field).toBe('includeLater');

    const rest = await addAllReportPayments(
      database.db,
      xezer,
      { reportId, includeLater: true },
      AS_OF,
    );
    expect(rest).toMatchObject({ added: later.length, addedQepik: sum(later) });
    expect((await listUnallocatedPayments(database.db, xezer, { reportId })).total).toBe(0);
    await expectRefusal(
      addAllReportPayments(database.db, xezer, { reportId, includeLater: true }, AS_OF),
      'NOTHING_TO_ADD',
    );
  });

  it('adds part of a payment, then more; never beyond the remainder across drafts', async () => {
    const paymentId = await insertPayment(database.db, {
      amountQepik: 10_000,
      paymentDate: '2025-09-12',
    });
    const first = await addReportPayment(
      database.db,
      xezer,
      { reportId: draft6201, paymentId, amountQepik: 4_000 },
      AS_OF,
    );
    expect(first).toMatchObject({ usedQepik: 4_000, remainderQepik: 6_000 });
    const again = await addReportPayment(
      database.db,
      xezer,
      { reportId: draft6201, paymentId, amountQepik: 1_000 },
      AS_OF,
    );
    expect(again).toMatchObject({ usedQepik: 5_000, remainderQepik: 5_000 });
    expect(await remainderOf(draft4741, paymentId)).toBe(5_000);
    const refused = await expectRefusal(
      addReportPayment(
        database.db,
        xezer,
        { reportId: draft4741, paymentId, amountQepik: 5_001 },
        AS_OF,
      ),
      'PAYMENT_EXCEEDS_REMAINDER',
    );
    expect(refused.params).toEqual({ remainderQepik: 5_000 });
    // Default = the whole remainder.
    const rest = await addReportPayment(
      database.db,
      xezer,
      { reportId: draft4741, paymentId },
      AS_OF,
    );
    expect(rest).toMatchObject({ usedQepik: 5_000, remainderQepik: 0 });
    expect(await remainderOf(draft6201, paymentId)).toBe(0);
    await expectRefusal(
      addReportPayment(database.db, xezer, { reportId: draft6201, paymentId }, AS_OF),
      'PAYMENT_EXCEEDS_REMAINDER',
    );
    await expectRefusal(
      addReportPayment(
        database.db,
        xezer,
        { reportId: draft6201, paymentId, amountQepik: 0 },
        AS_OF,
      ),
      'AMOUNT_NOT_POSITIVE',
    );
    // Removing gives the remainder back.
    await removeReportPayment(database.db, xezer, { reportId: draft6201, paymentId }, AS_OF);
    expect(await remainderOf(draft4741, paymentId)).toBe(5_000);
    await expectRefusal(
      removeReportPayment(database.db, xezer, { reportId: draft6201, paymentId }, AS_OF),
      'NOT_FOUND',
    );
  });

  it('refuses another activity code’s payment and another employer’s payment as NOT_FOUND', async () => {
    const coded = await insertPayment(database.db, {
      amountQepik: 500,
      paymentDate: '2025-08-01',
      activityCode: '47.41',
    });
    const kurs = await insertPayment(database.db, {
      amountQepik: 500,
      paymentDate: '2025-08-01',
      employerId: KUR,
    });
    await expectRefusal(
      addReportPayment(database.db, xezer, { reportId: draft6201, paymentId: coded }, AS_OF),
      'NOT_FOUND',
    );
    await expectRefusal(
      addReportPayment(database.db, xezer, { reportId: draft6201, paymentId: kurs }, AS_OF),
      'NOT_FOUND',
    );
    await expectRefusal(
      addReportPayment(database.db, xezer, { reportId: draft6201, paymentId: 'bad' }, AS_OF),
      'NOT_FOUND',
    );
  });

  it('two concurrent adds from two drafts whose sum exceeds the remainder: exactly one succeeds', async () => {
    const paymentId = await insertPayment(database.db, {
      amountQepik: 10_000,
      paymentDate: '2025-10-10',
    });
    const results = await Promise.allSettled([
      addReportPayment(
        database.db,
        xezer,
        { reportId: draft6201, paymentId, amountQepik: 7_000 },
        AS_OF,
      ),
      addReportPayment(
        database.db,
        xezer,
        { reportId: draft4741, paymentId, amountQepik: 7_000 },
        AS_OF,
      ),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [refused] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(AppError);
    expect((refused?.reason as AppError).code).toBe('PAYMENT_EXCEEDS_REMAINDER');
    expect((refused?.reason as AppError).params).toEqual({ remainderQepik: 3_000 });
    const used = await database.db
      .select()
      .from(reportPayments)
      .where(eq(reportPayments.paymentId, paymentId));
    expect(used.reduce((sum, r) => sum + r.amountQepik, 0)).toBe(7_000);
  });

  it('"HAMISINI ƏLAVƏ ET" adds every remainder up to the quarter’s end, then with the later ones every other; the payments show in the draft', async () => {
    const reportId = await create('47.41', 2025, 4);
    const before = await listUnallocatedPayments(database.db, xezer, { reportId, pageSize: 200 });
    expect(before.afterQuarter.count).toBeGreaterThan(0);
    const result = await addAllReportPayments(database.db, xezer, { reportId }, AS_OF);
    expect(result.added).toBe(before.upToQuarterEnd.count);
    expect(result.addedQepik).toBe(before.upToQuarterEnd.remainderQepik);
    const middle = await listUnallocatedPayments(database.db, xezer, { reportId });
    expect(middle.total).toBe(before.afterQuarter.count);
    const later = await addAllReportPayments(
      database.db,
      xezer,
      { reportId, includeLater: true },
      AS_OF,
    );
    expect(later.added).toBe(before.afterQuarter.count);
    const after = await listUnallocatedPayments(database.db, xezer, { reportId });
    expect(after.total).toBe(0);
    const view = await getReport(database.db, xezer, reportId);
    expect(view.payments).toHaveLength(before.total);
    expect(view.paymentsUsedQepik).toBe(before.totalRemainderQepik);
    await expectRefusal(
      addAllReportPayments(database.db, xezer, { reportId }, AS_OF),
      'NOTHING_TO_ADD',
    );
  });

  it('changes only drafts', async () => {
    const reportId = await create('62.01', 2025, 1);
    const paymentId = await insertPayment(database.db, {
      amountQepik: 1_000,
      paymentDate: '2025-02-10',
    });
    await addReportPayment(database.db, xezer, { reportId, paymentId, amountQepik: 100 }, AS_OF);
    await database.db.update(reports).set({ status: 'SENT' }).where(eq(reports.id, reportId));
    await expectRefusal(
      addReportPayment(database.db, xezer, { reportId, paymentId }, AS_OF),
      'REPORT_NOT_DRAFT',
    );
    await expectRefusal(
      addAllReportPayments(database.db, xezer, { reportId }, AS_OF),
      'REPORT_NOT_DRAFT',
    );
    await expectRefusal(
      removeReportPayment(database.db, xezer, { reportId, paymentId }, AS_OF),
      'REPORT_NOT_DRAFT',
    );
    // A sent report's use still counts against the remainder.
    expect(await remainderOf(draft6201, paymentId)).toBe(900);
  });
});
