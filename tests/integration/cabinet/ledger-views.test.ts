import { and, eq, lte, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
  ledgerEntries,
  payments,
  personAccountEntries,
  personAccountMonthTotals,
  personAccountTotals,
  preferentialSeniorityEntries,
  reports,
  reportSeniority,
} from '@/db/schema';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import { parseCabinetQuery } from '@/lib/cabinet/query';
import type { CabinetTable } from '@/lib/cabinet/table';
import type { IsoDate } from '@/lib/domain/calendar';
import type { EmployerScope } from '@/lib/server/access';
import { loadCabinetContext } from '@/lib/server/cabinet/cabinet-context';
import { cabinetTablesLoader } from '@/lib/server/cabinet/view-tables';
import { seedDemoHistory } from '@/lib/server/demo/seed-history';
import { runWithRequestContext } from '@/lib/server/request-context';
import type { CabinetViewId } from '@/lib/cabinet/views';
import { scopeOf } from '../reports/report-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// Issue 13 §3: every cabinet figure is re-derived from the append-only ledger, so a view's
// totals equal the ledger balance of the code at the chosen date. Checked on Xəzər's demo history
// (six quarters filed through the sending path) at several dates and periods, against a plain
// SQL sum written here, not the views' own queries.

const XEZER = seedEmployer('xezer').id;
const TODAY = '2026-11-30' as IsoDate;

describe('cabinet ledger views: totals are the ledger (issue 13 §3, §5)', () => {
  let database: TestDatabase;
  let scope: EmployerScope;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await seedDemoHistory(database.db, { employerKeys: ['xezer'] });
    scope = await scopeOf(database.db, 'xezer');
  }, 240_000);
  afterAll(async () => database?.close());

  async function tables(
    view: CabinetViewId,
    params: Record<string, string>,
    as: EmployerScope = scope,
  ) {
    const { query, problems } = parseCabinetQuery(params, TODAY);
    expect(problems).toEqual([]);
    return runWithRequestContext({ principal: null, locale: 'en' }, async () => {
      const context = await loadCabinetContext(database.db, as, query);
      const loader = cabinetTablesLoader(view);
      if (!loader) throw new Error(`no loader for ${view}`);
      return loader(database.db, context, 'screen');
    });
  }

  const table = (all: readonly CabinetTable[], id: string) => {
    const found = all.find((t) => t.id === id);
    if (!found) throw new Error(`no table ${id}`);
    return found;
  };

  async function balance(code: string | null, at: string, where = sql`true`): Promise<number> {
    const [row] = await database.db
      .select({ total: sql<string>`coalesce(sum(${ledgerEntries.amountQepik}), 0)::text` })
      .from(ledgerEntries)
      .where(
        and(
          eq(ledgerEntries.employerId, XEZER),
          code ? eq(ledgerEntries.activityCode, code) : undefined,
          lte(ledgerEntries.entryDate, at),
          where,
        ),
      );
    return Number(row!.total);
  }

  const DATES = ['2025-01-31', '2025-04-14', '2025-06-30', '2025-09-10', '2026-03-31', TODAY];

  it.each(DATES)(
    'view 5 as at %s: each code’s line and the total are the ledger balance',
    async (asOf) => {
      const [debt] = await tables('V5', { asOf });
      expect(debt!.rows.map((r) => r.key)).toEqual(['47.41', '62.01']);
      for (const row of debt!.rows) {
        expect({ code: row.key, balance: row.cells.balance }).toEqual({
          code: row.key,
          balance: await balance(row.key, asOf),
        });
        expect(row.href).toContain(`/cabinet/debts?code=${row.key}`);
      }
      expect(debt!.totals!.balance).toBe(await balance(null, asOf));
      const categories = ['MDSS', 'PENALTY', 'FINES', 'OTHER', 'CREDIT'] as const;
      expect(categories.reduce((s, c) => s + (debt!.totals![c] ?? 0), 0)).toBe(
        debt!.totals!.balance,
      );
    },
  );

  it('view 5 with a period shows the balance at the period’s end', async () => {
    const [debt] = await tables('V5', { year: '2025', quarter: '2', asOf: TODAY });
    expect(debt!.totals!.balance).toBe(await balance(null, '2025-06-30'));
    expect(debt!.totals!.balance).not.toBe(await balance(null, TODAY));
  });

  it.each([
    [{}, null, TODAY],
    [{ year: '2025' }, '2025-01-01', '2025-12-31'],
    [{ year: '2025', quarter: '3' }, '2025-07-01', '2025-09-30'],
    [{ year: '2025', month: '4' }, '2025-04-01', '2025-04-30'],
  ] as const)(
    'view 7 for 62.01, period %o: start + raised − lowered = end = ledger',
    async (period, from, to) => {
      const all = await tables('V7', { code: '62.01', asOf: TODAY, ...period });
      const statement = table(all, 'debt-statement');
      const totals = statement.totals!;
      expect(totals.end).toBe(await balance('62.01', to));
      expect(totals.start).toBe(
        from === null ? 0 : await balance('62.01', from, sql`${ledgerEntries.entryDate} < ${from}`),
      );
      expect(totals.start! + totals.raised! - totals.lowered!).toBe(totals.end);
      for (const row of statement.rows) {
        const c = row.cells as Record<string, number>;
        expect(c.start! + c.raised! - c.lowered!).toBe(c.end);
      }
      // The MDSS month table holds the MDSS category's balance when no period narrows the months.
      const byMonth = table(all, 'mdss-debt-by-month');
      if (from === null) {
        const mdss = statement.rows.find((r) => r.key === 'MDSS')!.cells.end;
        expect(byMonth.totals!.remaining).toBe(mdss);
      }
    },
  );

  it('view 7 carries the penalty on the carried debt and the month table names the opening balance’s month', async () => {
    const all = await tables('V7', { code: '62.01', asOf: TODAY });
    const penalty = table(all, 'debt-statement').rows.find((r) => r.key === 'PENALTY')!;
    expect(penalty.cells.raised).toBeGreaterThan(0);
    const months = table(all, 'mdss-debt-by-month').rows.map((r) => r.cells.month);
    expect(months[0]).toBe('2024-12');
  });

  it('view 10: MDSS per month and side equals the ledger’s accruals', async () => {
    const [calc] = await tables('V10', { code: '62.01', year: '2025', asOf: TODAY });
    expect(calc!.rows).toHaveLength(12);
    const [row] = await database.db
      .select({
        employer: sql<string>`coalesce(sum(${ledgerEntries.amountQepik}) filter (where ${ledgerEntries.kind} = 'MDSS_ACCRUAL_EMPLOYER' or (${ledgerEntries.kind} = 'ADJUSTMENT' and ${ledgerEntries.obligationSide} = 'EMPLOYER')), 0)::text`,
        employee: sql<string>`coalesce(sum(${ledgerEntries.amountQepik}) filter (where ${ledgerEntries.kind} = 'MDSS_ACCRUAL_EMPLOYEE' or (${ledgerEntries.kind} = 'ADJUSTMENT' and ${ledgerEntries.obligationSide} = 'EMPLOYEE')), 0)::text`,
      })
      .from(ledgerEntries)
      .where(
        and(
          eq(ledgerEntries.employerId, XEZER),
          eq(ledgerEntries.activityCode, '62.01'),
          eq(ledgerEntries.periodYear, 2025),
        ),
      );
    expect(calc!.totals).toMatchObject({
      employer: Number(row!.employer),
      employee: Number(row!.employee),
      total: Number(row!.employer) + Number(row!.employee),
    });
  });

  it('views 14, 15 and 16: the fine, the MDSS write-off and no other write-off, told apart by target', async () => {
    const [fines] = await tables('V14', { code: '62.01', asOf: TODAY });
    const fine = fines!.rows.find((r) => r.cells.type === 'Administrative fine');
    expect(fine?.cells).toMatchObject({ date: '2025-09-10', accrued: 20_000 });
    expect((await tables('V15', { code: '62.01', asOf: TODAY }))[0]!.rows).toEqual([]);
    // Kür's seeded write-off (a court decision) is MDSS debt: view 15, not view 16.
    const kur = await scopeOf(database.db, 'kur');
    const [mdssOff] = await tables('V15', { code: '41.20', asOf: TODAY }, kur);
    expect(mdssOff!.rows.map((r) => r.cells.amount)).toEqual([300_000]);
    expect((await tables('V16', { code: '41.20', asOf: TODAY }, kur))[0]!.rows).toEqual([]);
    // Before the write-off's date, view 15 is empty: the "as at" date applies.
    const [early] = await tables('V15', { code: '41.20', asOf: '2025-06-29' }, kur);
    expect(early!.rows).toEqual([]);
  });

  it('view 13: the penalty per obligation and interval adds up to the ledger’s penalty entries', async () => {
    const [penalty] = await tables('V13', { code: '62.01', asOf: TODAY });
    expect(penalty!.rows.length).toBeGreaterThan(0);
    expect(penalty!.totals!.penalty).toBe(
      await balance('62.01', TODAY, eq(ledgerEntries.kind, 'PENALTY')),
    );
    for (const row of penalty!.rows) {
      const c = row.cells as Record<string, number | string>;
      // 0.1 % a day of the overdue amount, rounded to the qəpik, per interval.
      expect(
        Math.abs((c.penalty as number) - ((c.overdue as number) * (c.days as number)) / 1000),
      ).toBeLessThan(1);
      expect(c.rate).toBe('0.1 %');
    }
    // The 2025 Q2 report charged penalty (Xəzər filed it late).
    expect(penalty!.rows.some((r) => r.cells.report === '2025 Q2')).toBe(true);
  });

  it('view 11: every payment’s application to the code, adding up to the ledger’s payment entries', async () => {
    const [allocation] = await tables('V11', { code: '62.01', asOf: TODAY });
    expect(allocation!.totals!.amount).toBe(
      -(await balance('62.01', TODAY, eq(ledgerEntries.kind, 'PAYMENT'))),
    );
    const applied = new Map<string, number>();
    for (const row of allocation!.rows) {
      const ref = String(row.cells.bankReference);
      applied.set(ref, (applied.get(ref) ?? 0) + (row.cells.amount as number));
    }
    const own = await database.db.select().from(payments).where(eq(payments.employerId, XEZER));
    for (const [ref, sum] of applied) {
      const payment = own.find((p) => p.bankReference === ref);
      expect(sum).toBeLessThanOrEqual(payment!.amountQepik);
    }
    // The categories in the §5 order appear by name, the opening balance's month among them.
    const appliedTo = new Set(allocation!.rows.map((r) => r.cells.appliedTo));
    expect(appliedTo.has('MDSS')).toBe(true);
    expect(appliedTo.has('Penalty')).toBe(true);
    expect(allocation!.rows.some((r) => r.cells.month === '2024-12')).toBe(true);
  });

  it('view 12: what the payments settled per month, what went to persons and what did not', async () => {
    const [left] = await tables('V12', { code: '62.01', asOf: TODAY });
    const opening = left!.rows.find((r) => r.cells.month === '2024-12');
    // December 2024 is the opening debt: no person was reported for it, so nothing was distributed.
    expect(opening?.cells).toMatchObject({ distributed: 0, undistributed: opening?.cells.paid });
    for (const row of left!.rows) {
      const c = row.cells as Record<string, number>;
      expect(c.undistributed).toBe(c.paid! - c.distributed!);
    }
    const [sums] = await database.db
      .select({
        paid: sql<string>`sum(${personAccountEntries.paidEmployerQepik} + ${personAccountEntries.paidEmployeeQepik})::text`,
      })
      .from(personAccountEntries)
      .where(
        and(
          eq(personAccountEntries.employerId, XEZER),
          eq(personAccountEntries.activityCode, '62.01'),
        ),
      );
    expect(left!.totals!.distributed).toBe(Number(sums!.paid));
  });

  it('view 9: the preferential seniority the reports in force declared', async () => {
    const [accepted] = await database.db
      .select()
      .from(reports)
      .where(
        and(
          eq(reports.employerId, XEZER),
          eq(reports.status, 'ACCEPTED'),
          eq(reports.activityCode, '62.01'),
        ),
      )
      .orderBy(reports.year, reports.quarter)
      .limit(1);
    const [person] = await database.db
      .select({ fin: personAccountEntries.fin })
      .from(personAccountEntries)
      .where(eq(personAccountEntries.reportId, accepted!.id))
      .limit(1);
    const [entry] = await database.db.select().from(preferentialSeniorityEntries).limit(1);
    await database.db.insert(reportSeniority).values({
      id: randomUUID(),
      reportId: accepted!.id,
      employerId: XEZER,
      fin: person!.fin,
      entryId: entry!.id,
      days: 40,
    });
    const [seniority] = await tables('V9', { code: '62.01', asOf: TODAY });
    expect(seniority!.rows).toHaveLength(1);
    expect(seniority!.rows[0]!.cells).toMatchObject({ fin: person!.fin, days: 40 });
    expect(String(seniority!.rows[0]!.cells.position)).toContain(entry!.positionCode);
    const other = accepted!.year === 2025 && accepted!.quarter === 1 ? '2026' : '2025';
    expect((await tables('V9', { code: '62.01', year: other, asOf: TODAY }))[0]!.rows).toEqual([]);
  });

  it('view 17: every payment of the period, used + remainder = amount, the amounts are the payments table', async () => {
    const [list] = await tables('V17', { year: '2025', asOf: TODAY });
    const [row] = await database.db
      .select({
        n: sql<number>`count(*)::int`,
        total: sql<string>`coalesce(sum(${payments.amountQepik}), 0)::text`,
      })
      .from(payments)
      .where(
        and(
          eq(payments.employerId, XEZER),
          sql`${payments.paymentDate} between '2025-01-01' and '2025-12-31'`,
        ),
      );
    expect(list!.rows).toHaveLength(row!.n);
    expect(list!.totals!.amount).toBe(Number(row!.total));
    for (const r of list!.rows) {
      const c = r.cells as Record<string, number>;
      expect(c.used! + c.remainder!).toBe(c.amount);
      expect(c.remainder).toBeGreaterThanOrEqual(0);
    }
    expect(
      list!.rows.some(
        (r) => r.cells.side === 'Employee’s side' || r.cells.side === "Employee's side",
      ),
    ).toBe(true);
  });

  it('view 8: every person reported, their sums and the foot equal the persons’ accounts', async () => {
    const [list] = await tables('V8', { code: '62.01', asOf: TODAY });
    const [sums] = await database.db
      .select({
        persons: sql<number>`count(distinct ${personAccountEntries.fin})::int`,
        income: sql<string>`sum(${personAccountEntries.incomeQepik})::text`,
        employer: sql<string>`sum(${personAccountEntries.employerMdssQepik})::text`,
        paid: sql<string>`sum(${personAccountEntries.paidEmployerQepik} + ${personAccountEntries.paidEmployeeQepik})::text`,
      })
      .from(personAccountEntries)
      .where(
        and(
          eq(personAccountEntries.employerId, XEZER),
          eq(personAccountEntries.activityCode, '62.01'),
        ),
      );
    expect(sums!.persons).toBeGreaterThan(0);
    expect(list!.rows).toHaveLength(Math.min(sums!.persons, 50));
    expect(list!.paging?.totalRows).toBe(sums!.persons);
    expect(list!.totals).toMatchObject({
      income: Number(sums!.income),
      employer: Number(sums!.employer),
      distributed: Number(sums!.paid),
    });
    for (const row of list!.rows) {
      const c = row.cells as Record<string, number>;
      expect(c.unpaid).toBe(c.employer! + c.employee! - c.distributed!);
      expect(row.href).toContain(`person=${row.key}`);
    }
    // A person's page: every month the person was reported, summing to their line.
    const first = list!.rows[0]!;
    const [page] = await tables('V8', { code: '62.01', asOf: TODAY, person: first.key });
    expect(page!.caption).toContain(first.key);
    expect(page!.totals!.income).toBe(first.cells.income);
    expect(page!.totals!.distributed).toBe(first.cells.distributed);
    // The FIN prefix and the name filter narrow the list.
    const [byFin] = await tables('V8', { code: '62.01', asOf: TODAY, fin: first.key.slice(0, 7) });
    expect(byFin!.rows.map((r) => r.key)).toEqual([first.key]);
    const surname = String(first.cells.person).split(' ')[0]!;
    const [byName] = await tables('V8', {
      code: '62.01',
      asOf: TODAY,
      name: surname.toLowerCase(),
    });
    expect(byName!.rows.map((r) => r.key)).toContain(first.key);
    const [none] = await tables('V8', { code: '62.01', asOf: TODAY, name: '100%_' });
    expect(none!.rows).toEqual([]);
    // Before the first report was posted, nobody is on the list.
    const [early] = await tables('V8', { code: '62.01', asOf: '2025-01-31' });
    expect(early!.rows).toEqual([]);
  });

  it('view 8 pages in SQL: 50 a page, the foot over every page, links to the neighbours', async () => {
    const [any] = await database.db
      .select()
      .from(personAccountEntries)
      .where(eq(personAccountEntries.employerId, XEZER))
      .limit(1);
    // 120 more persons in one month before the demo history, on the same report and submission.
    await database.db.insert(personAccountEntries).values(
      Array.from({ length: 120 }, (_, i) => ({
        employerId: XEZER,
        activityCode: any!.activityCode,
        fin: `Z${String(i).padStart(6, '0')}`,
        month: '2024-06',
        reportId: any!.reportId,
        submissionId: any!.submissionId,
        incomeQepik: 100_000 + i,
        employerMdssQepik: 22_000,
        employeeMdssQepik: 3_000,
        paidEmployerQepik: 22_000,
        paidEmployeeQepik: 0,
        createdAt: any!.createdAt,
      })),
    );
    const params = { code: any!.activityCode, year: '2024', asOf: TODAY };
    const [p1] = await tables('V8', params);
    expect(p1!.paging).toMatchObject({ page: 1, totalRows: 120, previousHref: null });
    expect(p1!.rows).toHaveLength(50);
    expect(p1!.paging!.nextHref).toContain('page=2');
    const [p3] = await tables('V8', { ...params, page: '3' });
    expect(p3!.rows).toHaveLength(20);
    expect(p3!.rows[0]!.key).toBe('Z000100');
    expect(p3!.paging!.nextHref).toBeNull();
    const expected = Array.from({ length: 120 }, (_, i) => 100_000 + i).reduce((a, b) => a + b, 0);
    expect(p3!.totals!.income).toBe(expected);
    expect(p3!.totals!.unpaid).toBe(120 * 3_000);
    // A page past the end shows the last page, not an empty one.
    const [past] = await tables('V8', { ...params, page: '99' });
    expect(past!.paging!.page).toBe(3);
    // The same period today (no "as at" date) pages persons by person_account_totals.months and
    // sums the foot from person_account_month_totals: the same pages, rows and foot.
    for (const page of ['1', '3', '99']) {
      const [entries] = await tables('V8', { ...params, page });
      const [months] = await tables('V8', { code: any!.activityCode, year: '2024', page });
      expect(
        months!.rows.map((r) => [r.key, r.cells]),
        `page ${page}`,
      ).toEqual(entries!.rows.map((r) => [r.key, r.cells]));
      expect(months!.totals, `page ${page}`).toEqual(entries!.totals);
      expect(months!.paging?.totalRows).toBe(120);
      expect(months!.paging?.page).toBe(entries!.paging?.page);
    }
    for (const filter of [{ fin: 'Z00001' }, { name: 'zzz-nobody' }, { quarter: '2' }] as Record<
      string,
      string
    >[]) {
      const [entries] = await tables('V8', { ...params, ...filter });
      const [months] = await tables('V8', { code: any!.activityCode, year: '2024', ...filter });
      expect(months!.rows.map((r) => [r.key, r.cells])).toEqual(
        entries!.rows.map((r) => [r.key, r.cells]),
      );
      expect(months!.totals).toEqual(entries!.totals);
      expect(months!.paging?.totalRows).toBe(entries!.paging?.totalRows);
    }
    const [q1] = await tables('V8', { code: any!.activityCode, year: '2024', quarter: '1' });
    expect(q1!.rows).toEqual([]);
    expect(q1!.totals!.income).toBe(0);
    // Today's list (read from person_account_totals) has them too, with the same sums.
    const [all] = await tables('V8', { code: any!.activityCode, fin: 'Z', page: '3' });
    expect(all!.paging!.totalRows).toBe(120);
    expect(all!.totals!.income).toBe(expected);
  });

  it('person_account_totals is the sum of the entries, person by person (kept by the trigger)', async () => {
    const e = personAccountEntries;
    const sums = await database.db
      .select({
        key: sql<string>`${e.employerId}::text || ' ' || ${e.activityCode} || ' ' || ${e.fin}`,
        figures: sql<string>`sum(${e.incomeQepik}) || ' ' || sum(${e.employerMdssQepik}) || ' ' || sum(${e.employeeMdssQepik}) || ' ' || sum(${e.paidEmployerQepik}) || ' ' || sum(${e.paidEmployeeQepik})`,
      })
      .from(e)
      .groupBy(e.employerId, e.activityCode, e.fin);
    const t = personAccountTotals;
    const kept = await database.db
      .select({
        key: sql<string>`${t.employerId}::text || ' ' || ${t.activityCode} || ' ' || ${t.fin}`,
        figures: sql<string>`${t.incomeQepik} || ' ' || ${t.employerMdssQepik} || ' ' || ${t.employeeMdssQepik} || ' ' || ${t.paidEmployerQepik} || ' ' || ${t.paidEmployeeQepik}`,
      })
      .from(t);
    const byKey = (rows: { key: string; figures: string }[]) =>
      Object.fromEntries(rows.map((r) => [r.key, r.figures]));
    expect(byKey(kept)).toEqual(byKey(sums));
    const [count] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(personAccountTotals);
    expect(count!.n).toBeGreaterThan(120);
  });

  it('person_account_totals.months and person_account_month_totals follow the entries (migration 0012)', async () => {
    const e = personAccountEntries;
    const months = await database.db
      .selectDistinct({
        key: sql<string>`${e.employerId}::text || ' ' || ${e.activityCode} || ' ' || ${e.fin}`,
        month: e.month,
      })
      .from(e);
    const expected = new Map<string, string[]>();
    for (const { key, month } of months) {
      const bits = expected.get(key) ?? Array.from({ length: 1212 }, () => '0');
      bits[(Number(month.slice(0, 4)) - 2000) * 12 + Number(month.slice(5, 7)) - 1] = '1';
      expected.set(key, bits);
    }
    const t = personAccountTotals;
    const kept = await database.db
      .select({
        key: sql<string>`${t.employerId}::text || ' ' || ${t.activityCode} || ' ' || ${t.fin}`,
        months: sql<string>`${t.months}::text`,
      })
      .from(t);
    expect(Object.fromEntries(kept.map((k) => [k.key, k.months]))).toEqual(
      Object.fromEntries([...expected].map(([key, bits]) => [key, bits.join('')])),
    );
    // The five sums, as text, of whichever table's rows are grouped.
    const figures = sql<string>`sum(income_qepik) || ' ' || sum(employer_mdss_qepik) || ' ' || sum(employee_mdss_qepik) || ' ' || sum(paid_employer_qepik) || ' ' || sum(paid_employee_qepik)`;
    const byMonth = await database.db
      .select({
        key: sql<string>`${e.employerId}::text || ' ' || ${e.activityCode} || ' ' || ${e.month}`,
        figures,
      })
      .from(e)
      .groupBy(e.employerId, e.activityCode, e.month);
    const m = personAccountMonthTotals;
    const monthly = await database.db
      .select({
        key: sql<string>`${m.employerId}::text || ' ' || ${m.activityCode} || ' ' || ${m.month}`,
        figures,
      })
      .from(m)
      .groupBy(m.employerId, m.activityCode, m.month);
    const byKey = (rows: { key: string; figures: string }[]) =>
      Object.fromEntries(rows.map((r) => [r.key, r.figures]));
    expect(byKey(monthly)).toEqual(byKey(byMonth));
    expect(monthly.length).toBeGreaterThan(3);
  });

  it('another employer’s scope sees none of Xəzər’s ledger', async () => {
    const kur = await scopeOf(database.db, 'kur');
    const [debt] = await tables('V5', { asOf: TODAY }, kur);
    expect(debt!.rows.map((r) => r.key)).toEqual(['41.20']);
    const [row] = await database.db
      .select({ total: sql<string>`coalesce(sum(${ledgerEntries.amountQepik}), 0)::text` })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.employerId, kur.employerId));
    expect(debt!.totals!.balance).toBe(Number(row!.total));
    const [list] = await tables('V17', { asOf: TODAY }, kur);
    const xezerPayments = await database.db
      .select({ id: payments.id })
      .from(payments)
      .where(eq(payments.employerId, XEZER));
    const shown = new Set(list!.rows.map((r) => r.key));
    expect(xezerPayments.filter((p) => shown.has(p.id))).toEqual([]);
  });
});
