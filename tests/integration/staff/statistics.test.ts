import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employers, payments } from '@/db/schema';
import { seed } from '@/db/seed';
import { SEED_EMPLOYERS, seedEmployer } from '@/db/seed/employers';
import {
  debtByCategory,
  largestDebtors,
  loadStatistics,
  onTimeShareByBody,
  paymentsRecorded,
  reportsAroundDeadline,
} from '@/lib/server/staff/statistics/load-statistics';
import { useAsAppDatabase } from '../helpers/action-harness';
import { STAFF_KEYS, staffScopeOf } from '../helpers/staff-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// The statistics page's figures (issue 14 §13) against sums worked out by hand from the seed
// (db/seed/finance.ts): the Nəsimi body holds Xəzər and Kür, Səbail the education department
// and its two schools.

const TODAY = '2026-11-30';
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db);
  useAsAppDatabase(database);
});
afterAll(async () => database?.close());

// Opening MDSS debt: Xəzər 125 040 + 18 300; Kür 4 500 000 less the 3 000 AZN write-off.
const XEZER_MDSS = 125_040 + 18_300;
const KUR_MDSS = 4_500_000 - 300_000;
const XEZER_FINE = 20_000;

describe('statistics of one body (Nəsimi)', () => {
  it('debt by category is the seed ledger by hand', async () => {
    const head = await staffScopeOf(database.db, STAFF_KEYS.head);
    expect(await debtByCategory(database.db, head, TODAY)).toEqual([
      { category: 'MDSS', debtQepik: XEZER_MDSS + KUR_MDSS, employers: 2 },
      { category: 'PENALTY', debtQepik: 0, employers: 0 },
      { category: 'FINES', debtQepik: XEZER_FINE, employers: 1 },
      { category: 'OTHER', debtQepik: 0, employers: 0 },
    ]);
    // Before the fine and the write-off (entry dates 2025-09-10 and 2025-06-30).
    const early = await debtByCategory(database.db, head, '2025-03-01');
    expect(early[0]?.debtQepik).toBe(XEZER_MDSS + 4_500_000);
    expect(early[2]?.debtQepik).toBe(0);
  });

  it('the largest debtors, largest first, with their categories', async () => {
    const operator = await staffScopeOf(database.db, STAFF_KEYS.operator);
    const debtors = await largestDebtors(database.db, operator, TODAY);
    expect(debtors.map((d) => [d.employerId, d.balanceQepik])).toEqual([
      [seedEmployer('kur').id, KUR_MDSS],
      [seedEmployer('xezer').id, XEZER_MDSS + XEZER_FINE],
    ]);
    expect(debtors[1]?.debts).toEqual({
      MDSS: XEZER_MDSS,
      PENALTY: 0,
      FINES: XEZER_FINE,
      OTHER: 0,
    });
    // Səbail's operator: none of Nəsimi's.
    const other = await staffScopeOf(database.db, STAFF_KEYS.otherBody);
    expect(await largestDebtors(database.db, other, TODAY)).toEqual([]);
  });

  it('payments per month and per day equal the seed payments summed by hand', async () => {
    const reviewer = await staffScopeOf(database.db, STAFF_KEYS.reviewer);
    const nesimi = SEED_EMPLOYERS.filter((e) => e.localBodyCode === '03').map((e) => e.id);
    const rows = await database.db
      .select({ date: payments.paymentDate, amount: payments.amountQepik })
      .from(payments)
      .where(inArray(payments.employerId, nesimi));
    const byMonth = new Map<string, { count: number; amount: number }>();
    for (const r of rows) {
      const key = r.date.slice(0, 7);
      const m = byMonth.get(key) ?? { count: 0, amount: 0 };
      byMonth.set(key, { count: m.count + 1, amount: m.amount + r.amount });
    }
    const months = await paymentsRecorded(database.db, reviewer, TODAY, 'month');
    expect(months).toHaveLength(12);
    expect(months[0]?.key).toBe('2025-12');
    expect(months[11]?.key).toBe('2026-11');
    for (const m of months) {
      const expected = byMonth.get(m.key) ?? { count: 0, amount: 0 };
      expect([m.key, m.count, m.amountQepik]).toEqual([m.key, expected.count, expected.amount]);
    }
    expect(months.every((m) => m.count > 0)).toBe(true);
    const days = await paymentsRecorded(database.db, reviewer, TODAY, 'day');
    expect(days).toHaveLength(31);
    const november = byMonth.get('2026-11');
    expect(days.find((d) => d.key === '2026-11-12')).toEqual({
      key: '2026-11-12',
      count: november?.count,
      amountQepik: november?.amount,
    });
    expect(days.filter((d) => d.count > 0)).toHaveLength(1);
  });

  it('reports around the last deadline: 21 days, none sent in the seed', async () => {
    const head = await staffScopeOf(database.db, STAFF_KEYS.head);
    const deadline = { year: 2026, quarter: 3, dueDate: '2026-10-20' };
    const days = await reportsAroundDeadline(database.db, head, deadline);
    expect(days).toHaveLength(21);
    expect(days[0]?.date).toBe('2026-10-10');
    expect(days[20]?.date).toBe('2026-10-30');
    expect(days.every((d) => d.received === 0 && d.late === 0)).toBe(true);
  });

  it('the on-time share shows every body, with its employers counted', async () => {
    const bodies = await onTimeShareByBody(database.db, {
      year: 2026,
      quarter: 3,
      dueDate: '2026-10-20',
    });
    const count = await database.db.select({ code: employers.localBodyCode }).from(employers);
    expect(bodies.map((b) => [b.code, b.employers, b.onTime, b.late, b.notFiled])).toEqual([
      ['03', count.filter((c) => c.code === '03').length, 0, 0, 2],
      ['07', count.filter((c) => c.code === '07').length, 0, 0, 3],
    ]);
    expect(bodies[0]?.sharePercent).toBe(0);
  });

  it('loads the whole page for the administrator (every body) in one go', async () => {
    const admin = await staffScopeOf(database.db, STAFF_KEYS.admin);
    const stats = await loadStatistics(
      database.db,
      admin,
      { granularity: 'month' },
      new Date('2026-11-30T08:00:00Z'),
    );
    expect(stats.today).toBe(TODAY);
    expect(stats.deadline.year * 10 + stats.deadline.quarter).toBe(20263);
    expect(stats.debt[0]?.debtQepik).toBe(XEZER_MDSS + KUR_MDSS);
    expect(stats.onTime).toHaveLength(2);
    expect(stats.debtors).toHaveLength(2);
  });
});
