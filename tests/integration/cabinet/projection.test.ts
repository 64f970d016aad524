import { and, eq, lte, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerEntries } from '@/db/schema';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import { parseCabinetQuery } from '@/lib/cabinet/query';
import type { IsoDate } from '@/lib/domain/calendar';
import type { EmployerScope } from '@/lib/server/access';
import { loadCabinetContext } from '@/lib/server/cabinet/cabinet-context';
import { chartQuarterEnds, quarterDebts } from '@/lib/server/cabinet/debt-chart';
import { loadCodeProjection, loadEmployerProjections } from '@/lib/server/cabinet/projection';
import { cabinetTablesLoader } from '@/lib/server/cabinet/view-tables';
import { seedDemoHistory } from '@/lib/server/demo/seed-history';
import { runWithRequestContext } from '@/lib/server/request-context';
import { scopeOf } from '../reports/report-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// Issue 13 §10–§11 on Xəzər's demo history: the projection's "today" is the ledger (view 5's
// balance), a later payment date only adds penalty, the whole debt on D settles everything; each
// chart point is the ledger balance at that quarter's end (checked against a plain SQL sum).

const XEZER = seedEmployer('xezer').id;
const TODAY = '2026-11-30' as IsoDate;

describe('cabinet projection and debt chart (issue 13 §10, §11)', () => {
  let database: TestDatabase;
  let scope: EmployerScope;
  let kur: EmployerScope;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await seedDemoHistory(database.db, { employerKeys: ['xezer'] });
    scope = await scopeOf(database.db, 'xezer');
    kur = await scopeOf(database.db, 'kur');
  }, 240_000);
  afterAll(async () => database?.close());

  const context = (params: Record<string, string>, as: EmployerScope = scope) =>
    runWithRequestContext({ principal: null, locale: 'en' }, () =>
      loadCabinetContext(database.db, as, parseCabinetQuery(params, TODAY).query),
    );

  async function balance(code: string | null, at: string): Promise<number> {
    const [row] = await database.db
      .select({ total: sql<string>`coalesce(sum(${ledgerEntries.amountQepik}), 0)::text` })
      .from(ledgerEntries)
      .where(
        and(
          eq(ledgerEntries.employerId, XEZER),
          code ? eq(ledgerEntries.activityCode, code) : undefined,
          lte(ledgerEntries.entryDate, at),
        ),
      );
    return Number(row!.total);
  }

  it('D = today, X = 0: today’s debt is view 5’s balance, no penalty is added', async () => {
    const ctx = await context({});
    const view5 = await runWithRequestContext({ principal: null, locale: 'en' }, () =>
      cabinetTablesLoader('V5')!(database.db, ctx, 'screen'),
    );
    const rows = view5[0]!.rows;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const { projection } = await loadCodeProjection(database.db, ctx, {
        code: row.key,
        amountQepik: 0,
        payOn: TODAY,
        today: TODAY,
      });
      expect({ code: row.key, debt: projection.debtTodayQepik }).toEqual({
        code: row.key,
        debt: row.cells.balance,
      });
      expect(projection.projectedPenaltyQepik).toBe(0);
      expect(projection.debtAfterQepik - projection.overpaymentQepik).toBe(
        projection.debtTodayQepik + projection.pendingPenaltyQepik,
      );
    }
  });

  it('a later date adds penalty on 62.01; the whole debt on D settles everything', async () => {
    const ctx = await context({ code: '62.01' });
    const at = (payOn: string) =>
      loadCodeProjection(database.db, ctx, {
        code: '62.01',
        amountQepik: null,
        payOn,
        today: TODAY,
      });
    const now = (await at(TODAY)).projection;
    const later = (await at('2027-01-30')).projection;
    expect(now.lines.MDSS.todayQepik).toBeGreaterThan(0);
    expect(later.projectedPenaltyQepik).toBeGreaterThan(now.projectedPenaltyQepik);
    expect(later.paymentQepik).toBe(later.debtOnDateQepik);
    expect(later.debtAfterQepik).toBe(0);
    expect(later.paymentQepik - now.paymentQepik).toBe(later.projectedPenaltyQepik);
    // Σ per category on D = today's debt + the penalty up to D.
    expect(Object.values(later.lines).reduce((s, l) => s + l.onDateQepik, 0)).toBe(
      later.debtOnDateQepik + later.creditQepik,
    );
  });

  it('every code of the employer, and none of another employer’s ledger', async () => {
    const all = await loadEmployerProjections(database.db, await context({}), {
      amountQepik: null,
      payOn: TODAY,
      today: TODAY,
    });
    expect(all.map((p) => p.code)).toEqual(['47.41', '62.01']);
    const other = await loadCodeProjection(database.db, await context({}, kur), {
      code: '62.01',
      amountQepik: null,
      payOn: '2027-01-30',
      today: TODAY,
    });
    expect(other.projection.debtTodayQepik).toBe(0);
    expect(other.projection.projectedPenaltyQepik).toBe(0);
  });

  it('the 8 chart points are the quarters’ ends, the last one asOf', () => {
    expect(chartQuarterEnds('2026-11-30').map((p) => p.date)).toEqual([
      '2025-03-31',
      '2025-06-30',
      '2025-09-30',
      '2025-12-31',
      '2026-03-31',
      '2026-06-30',
      '2026-09-30',
      '2026-11-30',
    ]);
    expect(chartQuarterEnds('2026-03-31').at(0)).toMatchObject({ year: 2024, quarter: 2 });
  });

  it.each([null, '62.01'])(
    'each chart point (code %s) is the ledger balance at that date',
    async (code) => {
      const ctx = await context(code ? { code } : {});
      const points = await quarterDebts(database.db, ctx, code);
      expect(points).toHaveLength(8);
      let nonZero = 0;
      for (const p of points) {
        expect({ date: p.date, balance: p.balanceQepik }).toEqual({
          date: p.date,
          balance: await balance(code, p.date),
        });
        // Per category: view 5's figures at that date (its own grouped query per code).
        const v5 = await runWithRequestContext({ principal: null, locale: 'en' }, async () =>
          cabinetTablesLoader('V5')!(database.db, await context({ asOf: p.date }), 'screen'),
        );
        const cells = code ? v5[0]!.rows.find((r) => r.key === code)?.cells : v5[0]!.totals;
        for (const category of ['MDSS', 'PENALTY', 'FINES', 'OTHER', 'CREDIT'] as const)
          expect({ date: p.date, category, qepik: p.debts[category] }).toEqual({
            date: p.date,
            category,
            qepik: cells?.[category] ?? 0,
          });
        if (p.balanceQepik !== 0) nonZero += 1;
      }
      expect(nonZero).toBeGreaterThan(0);
    },
  );
});
