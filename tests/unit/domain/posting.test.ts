import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applicationGapQepik,
  buildPosting,
  diffPersonMonths,
  distributedToPersonsQepik,
  itemKey,
  postingDifference,
  postingTotal,
  type Posting,
  type PostingInput,
} from '@/lib/domain';

const Q3 = { year: 2025, quarter: 3 as const };
const MONTHS = ['2025-07', '2025-08', '2025-09'];

function input(over: Partial<PostingInput> = {}): PostingInput {
  return {
    period: Q3,
    account: { items: [], credits: [] },
    contributions: [
      {
        fin: 'AAAAAAA',
        month: '2025-07',
        incomeQepik: 100_000,
        employerQepik: 22_000,
        employeeQepik: 3_000,
      },
      {
        fin: 'AAAAAAA',
        month: '2025-08',
        incomeQepik: 100_000,
        employerQepik: 22_000,
        employeeQepik: 3_000,
      },
      {
        fin: 'BBBBBBB',
        month: '2025-07',
        incomeQepik: 50_000,
        employerQepik: 11_000,
        employeeQepik: 1_500,
      },
    ],
    payments: [
      { paymentId: 'p1', paymentDate: '2025-08-12', side: 'EMPLOYER', amountQepik: 25_000 },
    ],
    lines: [],
    ...over,
  };
}

const ok = (i: PostingInput): Posting => {
  const r = buildPosting(i);
  if (!r.ok) throw new Error(r.code);
  return r.value;
};

const older = (side: 'EMPLOYER' | 'EMPLOYEE', month: string, openQepik: number) => ({
  key: itemKey('MDSS', side, month),
  category: 'MDSS' as const,
  side,
  month,
  arisesOn: `${month}-28`,
  openQepik,
});

const payments = (p: Posting) =>
  p.ledger
    .filter((e) => e.kind === 'PAYMENT')
    .map((e) => [e.month, e.paymentId, e.target, e.amountQepik]);

describe('buildPosting (issue 6 §9, issue 10 §1–§3)', () => {
  it('accrues MDSS per month and side, each with its target', () => {
    const p = ok(input());
    expect(
      p.ledger
        .filter((e) => e.kind === 'MDSS_ACCRUAL_EMPLOYER')
        .map((e) => [e.month, e.target, e.amountQepik]),
    ).toEqual([
      ['2025-07', { category: 'MDSS', side: 'EMPLOYER', month: '2025-07' }, 33_000],
      ['2025-08', { category: 'MDSS', side: 'EMPLOYER', month: '2025-08' }, 22_000],
    ]);
    expect(
      p.ledger.filter((e) => e.kind === 'MDSS_ACCRUAL_EMPLOYEE').map((e) => e.amountQepik),
    ).toEqual([4_500, 3_000]);
  });

  it('a payment settles only its own side: this quarter oldest month first, then older months, then the penalty', () => {
    const p = ok(
      input({
        account: {
          items: [older('EMPLOYER', '2025-05', 10_000), older('EMPLOYEE', '2025-05', 7_000)],
          credits: [],
        },
        payments: [
          { paymentId: 'p1', paymentDate: '2025-08-12', side: 'EMPLOYER', amountQepik: 70_000 },
        ],
        lines: [{ category: 'PENALTY', accruedQepik: 2_000, paidQepik: 0 }],
      }),
    );
    expect(payments(p)).toEqual([
      ['2025-07', 'p1', { category: 'MDSS', side: 'EMPLOYER', month: '2025-07' }, -33_000],
      ['2025-08', 'p1', { category: 'MDSS', side: 'EMPLOYER', month: '2025-08' }, -22_000],
      // Older debt names the month it settles; its period stays in the report's quarter.
      ['2025-07', 'p1', { category: 'MDSS', side: 'EMPLOYER', month: '2025-05' }, -10_000],
      ['2025-09', 'p1', { category: 'PENALTY' }, -2_000],
      ['2025-09', 'p1', { category: 'CREDIT' }, -3_000],
    ]);
    expect(p.application).toEqual({
      paidQepik: 70_000,
      paidEmployerQepik: 70_000,
      paidEmployeeQepik: 0,
      creditBroughtQepik: 0,
      toQuarterMdssEmployerQepik: 55_000,
      toQuarterMdssEmployeeQepik: 0,
      toOlderMdssQepik: 10_000,
      toPenaltyQepik: 2_000,
      toFinesQepik: 0,
      toOtherQepik: 0,
      overpaymentQepik: 3_000,
    });
    // The employee side of May stays open: an employer-coded payment never pays it.
    expect(p.mdssReductions.some((r) => r.key === itemKey('MDSS', 'EMPLOYEE', '2025-05'))).toBe(
      false,
    );
  });

  it('credit carried in settles first, of either side, with no new ledger entry; it is dated when the debt arises', () => {
    const p = ok(
      input({
        account: { items: [], credits: [{ date: '2025-06-30', amountQepik: 40_000 }] },
        payments: [
          { paymentId: 'p1', paymentDate: '2025-08-12', side: 'EMPLOYEE', amountQepik: 5_000 },
        ],
      }),
    );
    expect(p.application.creditBroughtQepik).toBe(40_000);
    // Credit: July employer 33 000 + employee 4 500, August employer 2 500. The employee-coded
    // payment then finds July's employee share paid: August's 3 000, and 2 000 is left over.
    expect(
      p.application.toQuarterMdssEmployerQepik + p.application.toQuarterMdssEmployeeQepik,
    ).toBe(43_000);
    expect(p.application.overpaymentQepik).toBe(2_000);
    expect(payments(p).every((row) => row[1] === 'p1')).toBe(true);
    expect(p.mdssReductions[0]).toEqual({
      key: itemKey('MDSS', 'EMPLOYER', '2025-07'),
      date: '2025-07-31',
      amountQepik: 33_000,
    });
    expect(applicationGapQepik(p.application)).toBe(0);
  });

  it('posts declared accruals but never the fund’s own (F12 sanctions, F15 findings), and books lines’ paid amounts', () => {
    const p = ok(
      input({
        payments: [],
        account: {
          items: [{ key: 'FINE', category: 'FINE', arisesOn: '2025-08-10', openQepik: 20_000 }],
          credits: [],
        },
        lines: [
          { category: 'PENALTY', accruedQepik: 1_234, paidQepik: 0 },
          { category: 'SANCTIONS_FINES', accruedQepik: 20_000, paidQepik: 5_000 },
          { category: 'FUND_FOUND', accruedQepik: 7_000, paidQepik: 0 },
          { category: 'SANATORIUM', accruedQepik: 3_000, paidQepik: 3_000 },
        ],
      }),
    );
    expect(p.ledger.filter((e) => e.kind === 'PENALTY').map((e) => e.amountQepik)).toEqual([1_234]);
    expect(
      p.ledger.filter((e) => e.kind === 'OTHER_ACCRUAL').map((e) => [e.target, e.amountQepik]),
    ).toEqual([[{ category: 'OTHER' }, 3_000]]);
    expect(payments(p)).toEqual([
      ['2025-09', null, { category: 'FINE' }, -5_000],
      ['2025-09', null, { category: 'OTHER' }, -3_000],
    ]);
  });

  it('persons receive exactly what was applied to each month and side', () => {
    const p = ok(
      input({
        payments: [
          { paymentId: 'p1', paymentDate: '2025-10-10', side: 'EMPLOYER', amountQepik: 40_000 },
        ],
      }),
    );
    // July employer 33 000 (A 22 000, B 11 000) fully, August employer 7 000 to A.
    expect(p.persons).toEqual([
      {
        fin: 'AAAAAAA',
        month: '2025-07',
        incomeQepik: 100_000,
        employerMdssQepik: 22_000,
        employeeMdssQepik: 3_000,
        paidEmployerQepik: 22_000,
        paidEmployeeQepik: 0,
      },
      {
        fin: 'AAAAAAA',
        month: '2025-08',
        incomeQepik: 100_000,
        employerMdssQepik: 22_000,
        employeeMdssQepik: 3_000,
        paidEmployerQepik: 7_000,
        paidEmployeeQepik: 0,
      },
      {
        fin: 'BBBBBBB',
        month: '2025-07',
        incomeQepik: 50_000,
        employerMdssQepik: 11_000,
        employeeMdssQepik: 1_500,
        paidEmployerQepik: 11_000,
        paidEmployeeQepik: 0,
      },
    ]);
  });

  it('refuses amounts outside the quarter or not in whole qəpik', () => {
    expect(
      buildPosting(
        input({
          contributions: [
            { fin: 'A', month: '2025-10', incomeQepik: 1, employerQepik: 0, employeeQepik: 0 },
          ],
        }),
      ),
    ).toMatchObject({ ok: false, code: 'MONTH_OUTSIDE_QUARTER' });
    expect(
      buildPosting(
        input({
          payments: [
            { paymentId: 'x', paymentDate: '2025-08-01', side: 'EMPLOYER', amountQepik: 1.5 },
          ],
        }),
      ),
    ).toMatchObject({ ok: false, code: 'AMOUNT_NOT_INTEGER_QEPIK' });
  });

  const arbInput = fc.record({
    items: fc.uniqueArray(
      fc.record({
        side: fc.constantFrom('EMPLOYER', 'EMPLOYEE') as fc.Arbitrary<'EMPLOYER' | 'EMPLOYEE'>,
        month: fc.constantFrom('2025-03', '2025-04', '2025-05', '2025-06'),
        openQepik: fc.integer({ min: 1, max: 200_000 }),
      }),
      { selector: (i) => `${i.side}${i.month}`, maxLength: 5 },
    ),
    credit: fc.integer({ min: 0, max: 100_000 }),
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
      fc.record({
        paymentId: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
        paymentDate: fc.constantFrom('2025-08-12', '2025-09-12', '2025-10-12'),
        side: fc.constantFrom('EMPLOYER', 'EMPLOYEE') as fc.Arbitrary<'EMPLOYER' | 'EMPLOYEE'>,
        amountQepik: fc.integer({ min: 0, max: 400_000 }),
      }),
      { selector: (p) => p.paymentId, maxLength: 4 },
    ),
    lines: fc.uniqueArray(
      fc.record({
        category: fc.constantFrom(
          'PENALTY',
          'SANCTIONS_FINES',
          'SANATORIUM',
          'INJURY_REFUND',
          'FUND_FOUND',
          'OTHER',
        ) as fc.Arbitrary<PostingInput['lines'][number]['category']>,
        accruedQepik: fc.integer({ min: 0, max: 50_000 }),
        paidQepik: fc.integer({ min: 0, max: 50_000 }),
      }),
      { selector: (l) => l.category, maxLength: 6 },
    ),
  });
  type Raw = typeof arbInput extends fc.Arbitrary<infer T> ? T : never;
  const toInput = (raw: Raw): PostingInput => ({
    period: Q3,
    account: {
      items: raw.items.map((i) => older(i.side, i.month, i.openQepik)),
      credits: raw.credit > 0 ? [{ date: '2025-06-30', amountQepik: raw.credit }] : [],
    },
    contributions: raw.contributions,
    payments: raw.payments,
    lines: raw.lines,
  });

  it('property: Σ ledger = MDSS + posted accruals − everything paid; the application adds up; persons get what each month and side got', () => {
    fc.assert(
      fc.property(arbInput, (raw) => {
        const p = ok(toInput(raw));
        const mdss = raw.contributions.reduce((t, c) => t + c.employerQepik + c.employeeQepik, 0);
        const posted = raw.lines
          .filter((l) => l.category !== 'SANCTIONS_FINES' && l.category !== 'FUND_FOUND')
          .reduce((t, l) => t + l.accruedQepik, 0);
        const paid =
          raw.payments.reduce((t, x) => t + x.amountQepik, 0) +
          raw.lines.reduce((t, l) => t + l.paidQepik, 0);
        expect(postingTotal(p)).toBe(mdss + posted - paid);
        expect(p.ledger.every((e) => MONTHS.includes(e.month))).toBe(true);
        expect(
          p.ledger.every((e) => (e.kind === 'PAYMENT' ? e.amountQepik < 0 : e.amountQepik > 0)),
        ).toBe(true);
        expect(applicationGapQepik(p.application)).toBe(0);
        // Paid by side is the classification code's side, to the qəpik.
        const bySide = (side: string) =>
          raw.payments.filter((x) => x.side === side).reduce((t, x) => t + x.amountQepik, 0);
        expect(p.application.paidEmployerQepik).toBe(bySide('EMPLOYER'));
        expect(p.application.paidEmployeeQepik).toBe(bySide('EMPLOYEE'));
        // Persons' accounts carry exactly what the quarter's months and sides received.
        const toPersons = p.persons.reduce(
          (t, x) => t + x.paidEmployerQepik + x.paidEmployeeQepik,
          0,
        );
        expect(toPersons).toBe(distributedToPersonsQepik(p.application));
        const employerPersons = p.persons.reduce((t, x) => t + x.paidEmployerQepik, 0);
        expect(employerPersons).toBe(p.application.toQuarterMdssEmployerQepik);
        // An employer-coded payment never settles an employee item, and vice versa.
        for (const e of p.ledger) {
          if (e.kind !== 'PAYMENT' || e.paymentId === null || e.target.category !== 'MDSS')
            continue;
          const side = raw.payments.find((x) => x.paymentId === e.paymentId)?.side;
          expect(e.target.side).toBe(side);
        }
      }),
      { seed: 20_260_601, numRuns: 300 },
    );
  });

  it('property: previous + difference = next, per ledger key and per person-month', () => {
    fc.assert(
      fc.property(arbInput, arbInput, (a, b) => {
        const prev = ok(toInput(a));
        const next = ok(toInput(b));
        const diff = postingDifference(next, prev);
        expect(postingTotal(prev) + postingTotal(diff)).toBe(postingTotal(next));
        const income = (p: Pick<Posting, 'persons'>) =>
          new Map(p.persons.map((x) => [`${x.fin}|${x.month}`, x.incomeQepik]));
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
    const row = (fin: string, month: string, income: number) => ({
      fin,
      month,
      incomeQepik: income,
      employerQepik: income * 0.22,
      employeeQepik: income * 0.03,
    });
    const changes = diffPersonMonths(
      [
        row('BBBBBBB', '2025-07', 1000),
        row('AAAAAAA', '2025-08', 2000),
        row('CCCCCCC', '2025-07', 100),
      ],
      [
        row('CCCCCCC', '2025-07', 100),
        row('AAAAAAA', '2025-08', 2500),
        row('DDDDDDD', '2025-09', 300),
      ],
    );
    expect(
      changes.map((c) => [c.fin, c.month, c.kind, c.incomeBeforeQepik, c.incomeAfterQepik]),
    ).toEqual([
      ['AAAAAAA', '2025-08', 'CHANGED', 2000, 2500],
      ['BBBBBBB', '2025-07', 'REMOVED', 1000, 0],
      ['DDDDDDD', '2025-09', 'ADDED', 0, 300],
    ]);
  });
});
