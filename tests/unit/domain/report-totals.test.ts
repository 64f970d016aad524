import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkReport,
  computeReportFigures,
  computeReportTotals,
  contributionDueDate,
  DEFAULT_CONTRIBUTION_SCHEDULE,
  DEFAULT_PENALTY_PARAMETERS,
  quarterMonths,
  replayAccount,
  totalPersonIncomes,
  type AccountEntry,
  type MonthKey,
  type PersonIncome,
  type PersonsUnderCheck,
  type ReportFiguresInput,
} from '@/lib/domain';

// Issue 15: the check figures computed from the persons' totals per month equal, figure for
// figure, what computeReportFigures computes over every person — whatever the incomes (tiers,
// zeros, months without income), the payments, an older debt or a credit carried in.

const period = { year: 2025, quarter: 2 as const };
const months = quarterMonths(period);
const dueDates = Object.fromEntries(
  ['2025-01', '2025-02', '2025-03', ...months].map((m) => {
    const due = contributionDueDate(m as MonthKey, []);
    if (!due.ok) throw new Error(due.code);
    return [m, due.value];
  }),
);

const arbIncome = fc.option(
  fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: 300_000 }),
    fc.integer({ min: 800_000, max: 2_000_000 }),
  ),
  { nil: null },
);
const arbPersons = fc
  .array(fc.tuple(arbIncome, arbIncome, arbIncome), { maxLength: 40 })
  .map((rows) =>
    rows.map(([m1, m2, m3], i) => ({ fin: `P${String(i).padStart(6, '0')}`, m1, m2, m3 })),
  );
const arbPayments = fc.array(
  fc.record({
    side: fc.constantFrom('EMPLOYER' as const, 'EMPLOYEE' as const),
    amountQepik: fc.integer({ min: 0, max: 2_000_000 }),
    day: fc.integer({ min: 1, max: 28 }),
  }),
  { maxLength: 4 },
);
const arbLedger = fc.record({
  olderDebt: fc.integer({ min: 0, max: 500_000 }),
  credit: fc.integer({ min: 0, max: 300_000 }),
  inQuarterDebt: fc.integer({ min: 0, max: 100_000 }),
});

function inputOf(
  persons: { fin: string; m1: number | null; m2: number | null; m3: number | null }[],
  payments: { side: 'EMPLOYER' | 'EMPLOYEE'; amountQepik: number; day: number }[],
  ledger: { olderDebt: number; credit: number; inQuarterDebt: number },
): ReportFiguresInput {
  const entries: AccountEntry[] = [];
  if (ledger.olderDebt > 0)
    entries.push({
      id: 'e1',
      date: '2025-03-31',
      amountQepik: ledger.olderDebt,
      target: { category: 'MDSS', side: 'EMPLOYER', month: '2025-03' },
    });
  if (ledger.inQuarterDebt > 0)
    entries.push({
      id: 'e2',
      date: '2025-04-30',
      amountQepik: ledger.inQuarterDebt,
      target: { category: 'MDSS', side: 'EMPLOYEE', month: '2025-04' },
    });
  if (ledger.credit > 0)
    entries.push({
      id: 'e3',
      date: '2025-02-10',
      amountQepik: -ledger.credit,
      target: { category: 'CREDIT' },
    });
  const account = replayAccount(entries);
  if (!account.ok) throw new Error(account.code);
  const incomes: PersonIncome[] = persons.map((p) => {
    const byMonth: Partial<Record<MonthKey, number>> = {};
    [p.m1, p.m2, p.m3].forEach((v, i) => {
      if (v !== null) byMonth[months[i] as MonthKey] = v;
    });
    return { fin: p.fin, incomeQepikByMonth: byMonth };
  });
  return {
    period,
    sector: 'NON_OIL_NON_STATE',
    schedule: DEFAULT_CONTRIBUTION_SCHEDULE,
    persons: incomes,
    months: months.map((month, i) => ({
      month,
      labourPaymentsQepik: i === 1 ? null : 1_000_000,
      headcount: persons.length,
    })),
    nonLiableIncome: [{ month: months[0] as MonthKey, amountQepik: 5_000 }],
    payments: payments.map((p, i) => ({
      paymentId: `pay-${i}`,
      paymentDate: `2025-07-${String(p.day).padStart(2, '0')}`,
      side: p.side,
      amountQepik: p.amountQepik,
    })),
    lines: [{ category: 'SANATORIUM', accruedQepik: 1_000, paidQepik: 500 }],
    account: account.value,
    debtStartQepik: ledger.olderDebt - ledger.credit,
    writeOffsQepik: 0,
    penalty: {
      dueDates,
      chargedThrough: {},
      through: '2025-09-15',
      parameters: DEFAULT_PENALTY_PARAMETERS,
    },
  };
}

/** The incomes of each month as a database would group them: distinct amount, persons. */
function grouped(persons: { m1: number | null; m2: number | null; m3: number | null }[]) {
  return (['m1', 'm2', 'm3'] as const).map((k) => {
    const counts = new Map<number, number>();
    for (const p of persons) {
      const v = p[k];
      if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return { incomeQepik: [...counts.keys()], persons: [...counts.values()] };
  });
}

describe('the check figures from the persons’ totals (issue 15)', () => {
  it('equal computeReportFigures over every person, and checkReport says the same', () => {
    fc.assert(
      fc.property(arbPersons, arbPayments, arbLedger, (persons, payments, ledger) => {
        const input = inputOf(persons, payments, ledger);
        const full = computeReportFigures(input);
        const totals = totalPersonIncomes({
          schedule: input.schedule,
          sector: input.sector,
          months,
          count: persons.length,
          incomes: grouped(persons),
        });
        expect(totals).not.toBeNull();
        const fromTotals = computeReportTotals({ ...input, persons: totals! });
        expect(fromTotals.ok).toBe(full.ok);
        if (!full.ok || !fromTotals.ok) return;
        const { contributions: _c, posting, ...rest } = full.value;
        const { persons: _p, ...postingRest } = posting;
        expect(fromTotals.value).toEqual({ ...rest, posting: postingRest });

        const check = (p: PersonsUnderCheck) =>
          checkReport(
            {
              months,
              monthRows: input.months,
              persons: p,
              signatories: { responsible: true, chiefAccountant: false },
              distributed: false,
            },
            {
              warnings: full.value.warnings,
              balance: full.value.balance,
              statedDebtEndQepik: full.value.balance.debtEndQepik,
              computedMdss: { employerQepik: 0, employeeQepik: 0 },
            },
          );
        const counted = {
          count: totals!.count,
          positiveByMonth: Object.fromEntries(totals!.months.map((t) => [t.month, t.persons])),
        };
        expect(check(counted)).toEqual(check(input.persons));
      }),
      { numRuns: 200 },
    );
  });

  it('gives way to the full computation for anything it cannot vouch for', () => {
    const base = {
      schedule: DEFAULT_CONTRIBUTION_SCHEDULE,
      sector: 'NON_OIL_NON_STATE' as const,
      months,
      count: 1,
    };
    const one = (v: number, n = 1) => ({ incomeQepik: [v], persons: [n] });
    const none = { incomeQepik: [], persons: [] };
    expect(totalPersonIncomes({ ...base, incomes: [one(-1), none, none] })).toBeNull();
    expect(totalPersonIncomes({ ...base, incomes: [one(1.5), none, none] })).toBeNull();
    expect(
      totalPersonIncomes({ ...base, incomes: [one(Number.MAX_SAFE_INTEGER, 3), none, none] }),
    ).toBeNull();
    expect(totalPersonIncomes({ ...base, incomes: [one(100, 0), none, none] })).toBeNull();
    expect(totalPersonIncomes({ ...base, schedule: [], incomes: [none, none, none] })).toBeNull();
    expect(totalPersonIncomes({ ...base, incomes: [none, none, none] })).toEqual({
      count: 1,
      months: months.map((month) => ({
        month,
        rows: 0,
        persons: 0,
        incomeQepik: 0,
        employerQepik: 0,
        employeeQepik: 0,
      })),
      employerTotalQepik: 0,
      employeeTotalQepik: 0,
    });
  });
});
