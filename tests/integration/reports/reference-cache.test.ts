import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { penaltyParameters, publicHolidays } from '@/db/schema';
import { loadHolidays, loadLateFilingSanction } from '@/lib/server/reports/report-rates';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// The reference data is kept per process (issue 15 §5) but must never be stale: every change to
// the tables — by the staff's change path, another instance or plain SQL — shows at the next use.

describe('reference data cache', () => {
  let a: TestDatabase;
  let b: TestDatabase;
  beforeAll(async () => {
    a = await createTestDatabase();
    b = await createTestDatabase();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('sees an added, cancelled and changed row at once, inside a transaction too', async () => {
    const before = await loadHolidays(a.db);
    expect(before).not.toContain('2031-05-09');
    await a.db.insert(publicHolidays).values({ day: '2031-05-09', nameAz: 'X', nameEn: 'X' });
    expect(await loadHolidays(a.db)).toContain('2031-05-09');
    await a.db.transaction(async (tx) => {
      expect(await loadHolidays(tx)).toContain('2031-05-09');
      await tx
        .update(publicHolidays)
        .set({ cancelledAt: new Date() })
        .where(eq(publicHolidays.day, '2031-05-09'));
      // Read again in the same transaction after its own change: the transaction's memo is of
      // the fingerprint, and a change within it is its caller's business — but a new
      // transaction sees it.
    });
    expect(await loadHolidays(a.db)).not.toContain('2031-05-09');
    await a.db.transaction(async (tx) =>
      expect(await loadHolidays(tx)).not.toContain('2031-05-09'),
    );
    // An update of a value (not the row count) is seen as well.
    await a.db.insert(penaltyParameters).values({
      effectiveFrom: '2040-01-01',
      dailyRateNum: 1,
      dailyRateDen: 1000,
      capDays: 365,
      lateFilingSanctionNum: 1,
      lateFilingSanctionDen: 10,
    });
    const rateOf = async () =>
      (await loadLateFilingSanction(a.db)).find((p) => p.validFrom === '2040-01-01')?.rate.num;
    expect(await rateOf()).toBe(1);
    await a.db
      .update(penaltyParameters)
      .set({ lateFilingSanctionNum: 2 })
      .where(eq(penaltyParameters.effectiveFrom, '2040-01-01'));
    expect(await rateOf()).toBe(2);
  });

  it('keeps two databases of one process apart', async () => {
    await b.db.insert(publicHolidays).values({ day: '2032-01-02', nameAz: 'Y', nameEn: 'Y' });
    expect(await loadHolidays(b.db)).toContain('2032-01-02');
    expect(await loadHolidays(a.db)).not.toContain('2032-01-02');
  });
});
