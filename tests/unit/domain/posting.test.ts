import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPosting, diffPersonMonths, postingDifference, postingTotal, type Posting, type PostingInput } from '@/lib/domain';

const Q3 = { year: 2025, quarter: 3 as const };
const MONTHS = ['2025-07', '2025-08', '2025-09'];

function input(over: Partial<PostingInput> = {}): PostingInput {
  return {
    period: Q3,
    debtStartQepik: 0,
    contributions: [
      { fin: 'AAAAAAA', month: '2025-07', incomeQepik: 100_000, employerQepik: 22_000, employeeQepik: 3_000 },
      { fin: 'AAAAAAA', month: '2025-08', incomeQepik: 100_000, employerQepik: 22_000, employeeQepik: 3_000 },
      { fin: 'BBBBBBB', month: '2025-07', incomeQepik: 50_000, employerQepik: 11_000, employeeQepik: 1_500 },
    ],
    distributed: [{ fin: 'AAAAAAA', month: '2025-07', employerQepik: 22_000, employeeQepik: 3_000 }],
    payments: [{ paymentId: 'p1', paymentDate: '2025-08-12', amountQepik: 25_000 }],
    lines: [],
    ...over,
  };
}

const ok = (i: PostingInput): Posting => {
  const r = buildPosting(i);
  if (!r.ok) throw new Error(r.code);
  return r.value;
};

describe('buildPosting (issue 6 §9)', () => {
  it('accrues MDSS per month and side, and books each payment against what it settles, current quarter first', () => {
    const p = ok(input({ debtStartQepik: 10_000 }));
    expect(p.ledger.filter((e) => e.kind === 'MDSS_ACCRUAL_EMPLOYER').map((e) => [e.month, e.amountQepik])).toEqual([
      ['2025-07', 33_000],
      ['2025-08', 22_000],
    ]);
    expect(p.ledger.filter((e) => e.kind === 'MDSS_ACCRUAL_EMPLOYEE').map((e) => e.amountQepik)).toEqual([4_500, 3_000]);
    // 25 000 settles July (37 500 due) before the older debt.
    expect(p.ledger.filter((e) => e.kind === 'PAYMENT')).toEqual([
      { kind: 'PAYMENT', month: '2025-07', paymentId: 'p1', target: 'MDSS:2025-07', amountQepik: -25_000 },
    ]);
  });

  it('posts declared accruals but never the fund’s own (F12 sanctions, F15 findings), and books lines’ paid amounts', () => {
    const p = ok(
      input({
        payments: [],
        lines: [
          { category: 'PENALTY', accruedQepik: 1_234, paidQepik: 0 },
          { category: 'SANCTIONS_FINES', accruedQepik: 20_000, paidQepik: 5_000 },
          { category: 'FUND_FOUND', accruedQepik: 7_000, paidQepik: 0 },
          { category: 'SANATORIUM', accruedQepik: 3_000, paidQepik: 3_000 },
        ],
      }),
    );
    expect(p.ledger.filter((e) => e.kind === 'PENALTY').map((e) => e.amountQepik)).toEqual([1_234]);
    expect(p.ledger.filter((e) => e.kind === 'OTHER_ACCRUAL').map((e) => [e.target, e.amountQepik])).toEqual([['SANATORIUM', 3_000]]);
    expect(p.ledger.filter((e) => e.kind === 'PAYMENT').map((e) => e.amountQepik).sort()).toEqual([-3_000, -5_000].sort());
  });

  it('an overpayment is booked as such, and persons’ rows carry MDSS and what was distributed to them', () => {
    const p = ok(input({ payments: [{ paymentId: 'p1', paymentDate: '2025-10-10', amountQepik: 100_000 }] }));
    expect(p.ledger.find((e) => e.target === 'OVERPAYMENT')?.amountQepik).toBe(-(100_000 - 62_500));
    expect(p.persons).toContainEqual({ fin: 'AAAAAAA', month: '2025-07', incomeQepik: 100_000, employerMdssQepik: 22_000, employeeMdssQepik: 3_000, paidEmployerQepik: 22_000, paidEmployeeQepik: 3_000 });
    expect(p.persons).toHaveLength(3);
  });

  it('refuses amounts outside the quarter or not in whole qəpik', () => {
    expect(buildPosting(input({ contributions: [{ fin: 'A', month: '2025-10', incomeQepik: 1, employerQepik: 0, employeeQepik: 0 }] }))).toMatchObject({ ok: false, code: 'MONTH_OUTSIDE_QUARTER' });
    expect(buildPosting(input({ payments: [{ paymentId: 'x', paymentDate: '2025-08-01', amountQepik: 1.5 }] }))).toMatchObject({ ok: false, code: 'AMOUNT_NOT_INTEGER_QEPIK' });
  });

  const arbInput = fc.record({
    debtStartQepik: fc.integer({ min: -50_000, max: 500_000 }),
    contributions: fc.uniqueArray(
      fc.record({
        fin: fc.constantFrom('AAAAAAA', 'BBBBBBB', 'CCCCCCC', 'DDDDDDD'),
        month: fc.constantFrom(...MONTHS),
        incomeQepik: fc.integer({ min: 0, max: 1_000_000 }),
        employerQepik: fc.integer({ min: 0, max: 220_000 }),
        employeeQepik: fc.integer({ min: 0, max: 30_000 }),
      }),
      { selector: (c) => `${c.fin}|${c.month}`, maxLength: 12 },
    ),
    payments: fc.uniqueArray(
      fc.record({ paymentId: fc.constantFrom('p1', 'p2', 'p3', 'p4'), paymentDate: fc.constantFrom('2025-08-12', '2025-09-12', '2025-10-12'), amountQepik: fc.integer({ min: 0, max: 400_000 }) }),
      { selector: (p) => p.paymentId, maxLength: 4 },
    ),
    lines: fc.uniqueArray(
      fc.record({
        category: fc.constantFrom('PENALTY', 'SANCTIONS_FINES', 'SANATORIUM', 'INJURY_REFUND', 'FUND_FOUND', 'OTHER') as fc.Arbitrary<PostingInput['lines'][number]['category']>,
        accruedQepik: fc.integer({ min: 0, max: 50_000 }),
        paidQepik: fc.integer({ min: 0, max: 50_000 }),
      }),
      { selector: (l) => l.category, maxLength: 6 },
    ),
  });

  it('property: Σ ledger = MDSS + posted accruals − everything paid (the report’s balance less the fund’s own lines)', () => {
    fc.assert(
      fc.property(arbInput, (raw) => {
        const i: PostingInput = { period: Q3, distributed: [], ...raw };
        const p = ok(i);
        const mdss = raw.contributions.reduce((t, c) => t + c.employerQepik + c.employeeQepik, 0);
        const posted = raw.lines.filter((l) => l.category !== 'SANCTIONS_FINES' && l.category !== 'FUND_FOUND').reduce((t, l) => t + l.accruedQepik, 0);
        const paid = raw.payments.reduce((t, x) => t + x.amountQepik, 0) + raw.lines.reduce((t, l) => t + l.paidQepik, 0);
        expect(postingTotal(p)).toBe(mdss + posted - paid);
        expect(p.ledger.every((e) => MONTHS.includes(e.month))).toBe(true);
        expect(p.ledger.every((e) => (e.kind === 'PAYMENT' ? e.amountQepik < 0 : e.amountQepik > 0))).toBe(true);
      }),
      { seed: 20_260_601, numRuns: 300 },
    );
  });

  it('property: previous + difference = next, per ledger key and per person-month', () => {
    fc.assert(
      fc.property(arbInput, arbInput, (a, b) => {
        const prev = ok({ period: Q3, distributed: [], ...a });
        const next = ok({ period: Q3, distributed: [], ...b });
        const diff = postingDifference(next, prev);
        expect(postingTotal(prev) + postingTotal(diff)).toBe(postingTotal(next));
        const income = (p: Posting) => new Map(p.persons.map((x) => [`${x.fin}|${x.month}`, x.incomeQepik]));
        const sum = new Map(income(prev));
        for (const [k, v] of income(diff)) sum.set(k, (sum.get(k) ?? 0) + v);
        for (const [k, v] of income(next)) expect(sum.get(k) ?? 0).toBe(v);
        expect(postingDifference(next, next)).toEqual({ ledger: [], persons: [] });
      }),
      { seed: 20_260_602, numRuns: 200 },
    );
  });
});

describe('diffPersonMonths (issue 6 §11)', () => {
  it('names added, removed and changed months, in FIN and month order', () => {
    const row = (fin: string, month: string, income: number) => ({ fin, month, incomeQepik: income, employerQepik: income * 0.22, employeeQepik: income * 0.03 });
    const changes = diffPersonMonths(
      [row('BBBBBBB', '2025-07', 1000), row('AAAAAAA', '2025-08', 2000), row('CCCCCCC', '2025-07', 100)],
      [row('CCCCCCC', '2025-07', 100), row('AAAAAAA', '2025-08', 2500), row('DDDDDDD', '2025-09', 300)],
    );
    expect(changes.map((c) => [c.fin, c.month, c.kind, c.incomeBeforeQepik, c.incomeAfterQepik])).toEqual([
      ['AAAAAAA', '2025-08', 'CHANGED', 2000, 2500],
      ['BBBBBBB', '2025-07', 'REMOVED', 1000, 0],
      ['DDDDDDD', '2025-09', 'ADDED', 0, 300],
    ]);
  });
});
