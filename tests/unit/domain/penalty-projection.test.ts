import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PENALTY_PARAMETERS,
  projectPenalty,
  replayAccount,
  type AccountEntry,
  type IsoDate,
} from '@/lib/domain';

// Issue 13 §10: "if you pay X on D" — the penalty up to D and what a payment on D settles, from
// the domain's penalty timeline (DOMAIN §4) and allocation order (DOMAIN §5).

const P = DEFAULT_PENALTY_PARAMETERS;

function account(entries: AccountEntry[]) {
  const state = replayAccount(entries);
  if (!state.ok) throw new Error(state.code);
  return state.value;
}

const mdss = (id: string, month: string, side: 'EMPLOYER' | 'EMPLOYEE', q: number, date: string) =>
  ({ id, date, amountQepik: q, target: { category: 'MDSS', side, month } }) as AccountEntry;

function project(
  entries: AccountEntry[],
  options: {
    today: IsoDate;
    payOn: IsoDate;
    pay: number | null;
    dueDates: Record<string, IsoDate>;
    chargedThrough?: Record<string, IsoDate>;
  },
) {
  const result = projectPenalty({
    account: account(entries),
    dueDates: options.dueDates,
    chargedThrough: options.chargedThrough ?? {},
    parameters: P,
    today: options.today,
    payOn: options.payOn,
    paymentQepik: options.pay,
  });
  if (!result.ok) throw new Error(result.code);
  return result.value;
}

describe('penalty projection: hand-worked cases', () => {
  // 100,00 ₼ MDSS of 2026-01 (employer side), due 2026-02-16, nothing paid, no report charged it.
  // Accrual starts the day after the due date: 2026-02-17.
  const one = [mdss('m1', '2026-01', 'EMPLOYER', 10_000, '2026-01-31')];
  const dueDates = { '2026-01': '2026-02-16' };

  it('pending up to today, projected after today, whole debt paid by default', () => {
    const p = project(one, { today: '2026-03-01', payOn: '2026-03-11', pay: null, dueDates });
    // Pending: 02-17 … 02-28 (12 days) + 03-01 = 13 days × 10 000 × 0,1 % = 130 qəpik.
    expect(p.pendingPenaltyQepik).toBe(130);
    // Projected: 03-02 … 03-11 = 10 days × 10 000 / 1000 = 100 qəpik.
    expect(p.projectedPenaltyQepik).toBe(100);
    expect(p.obligations).toEqual([
      {
        month: '2026-01',
        side: 'EMPLOYER',
        openQepik: 10_000,
        pendingQepik: 130,
        projectedDays: 10,
        projectedQepik: 100,
        totalDays: 23,
      },
    ]);
    // X = the whole debt on D: 10 000 + 130 + 100 = 10 230; MDSS first, then penalty.
    expect(p.paymentQepik).toBe(10_230);
    expect(p.paymentGiven).toBe(false);
    expect(p.debtTodayQepik).toBe(10_000);
    expect(p.debtOnDateQepik).toBe(10_230);
    expect(p.allocations).toEqual([
      { category: 'MDSS', month: '2026-01', side: 'EMPLOYER', amountQepik: 10_000 },
      { category: 'PENALTY', amountQepik: 230 },
    ]);
    expect(p.debtAfterQepik).toBe(0);
    expect(p.overpaymentQepik).toBe(0);
  });

  it('a partial payment settles MDSS before the penalty', () => {
    const p = project(one, { today: '2026-03-01', payOn: '2026-03-11', pay: 5_000, dueDates });
    // 5 000 to MDSS (rank 1); 5 000 MDSS and 230 penalty are left.
    expect(p.lines.MDSS).toEqual({
      todayQepik: 10_000,
      onDateQepik: 10_000,
      paidQepik: 5_000,
      afterQepik: 5_000,
    });
    expect(p.lines.PENALTY).toEqual({
      todayQepik: 0,
      onDateQepik: 230,
      paidQepik: 0,
      afterQepik: 230,
    });
    expect(p.debtAfterQepik).toBe(5_230);
  });

  it('a later date adds the days between: 10 more days, 100 qəpik more', () => {
    const a = project(one, { today: '2026-03-01', payOn: '2026-03-11', pay: 0, dueDates });
    const b = project(one, { today: '2026-03-01', payOn: '2026-03-21', pay: 0, dueDates });
    expect(b.projectedPenaltyQepik - a.projectedPenaltyQepik).toBe(100);
  });

  it('respects days already charged and the 365-day cap', () => {
    // 2024-01 MDSS, due 2024-02-15: accrual 2024-02-16 … 2025-02-14 at most (365 days, 2024 is
    // a leap year). A report charged through 2025-01-31 and posted 35,00 ₼ of penalty.
    const entries: AccountEntry[] = [
      mdss('m1', '2024-01', 'EMPLOYER', 10_000, '2024-01-31'),
      { id: 'pen', date: '2025-01-31', amountQepik: 3_500, target: { category: 'PENALTY' } },
    ];
    const p = project(entries, {
      today: '2025-02-01',
      payOn: '2025-03-01',
      pay: 0,
      dueDates: { '2024-01': '2024-02-15' },
      chargedThrough: { 'MDSS:EMPLOYER:2024-01': '2025-01-31' },
    });
    // Pending: 2025-02-01 only = 1 day × 10 = 10. Projected: 02-02 … 02-14 = 13 days = 130; the
    // days from 02-15 on are past the cap.
    expect(p.pendingPenaltyQepik).toBe(10);
    expect(p.projectedPenaltyQepik).toBe(130);
    expect(p.obligations[0]?.totalDays).toBe(365);
    // Penalty on D: 3 500 posted + 10 + 130.
    expect(p.lines.PENALTY.onDateQepik).toBe(3_640);
    expect(p.debtOnDateQepik).toBe(13_640);
  });

  it('allocates in the DOMAIN §5 order across sides, penalty and fines', () => {
    // Employer 100,00 and employee 20,00 of 2026-01 (due 2026-02-16), a fine of 50,00 on 02-10,
    // a payment of 30,00 to "MDSS" on 02-20 (settles the oldest: the employer side).
    const entries: AccountEntry[] = [
      mdss('e', '2026-01', 'EMPLOYER', 10_000, '2026-01-31'),
      mdss('w', '2026-01', 'EMPLOYEE', 2_000, '2026-01-31'),
      { id: 'f', date: '2026-02-10', amountQepik: 5_000, target: { category: 'FINE' } },
      {
        id: 'pay',
        date: '2026-02-20',
        amountQepik: -3_000,
        target: { category: 'MDSS', side: null, month: null },
      },
    ];
    const base = { today: '2026-03-01', payOn: '2026-03-01', dueDates };
    const none = project(entries, { ...base, pay: 0 });
    // Employer: 02-17 … 02-20 = 4 days × 10 000 = 40 000 → 40; 02-21 … 03-01 = 9 days × 7 000
    // = 63 000 → 63; 103. Employee: 13 days × 2 000 = 26 000 → 26. Pending = 129.
    expect(none.pendingPenaltyQepik).toBe(129);
    expect(none.projectedPenaltyQepik).toBe(0);
    expect(none.debtTodayQepik).toBe(14_000);
    expect(none.debtAfterQepik).toBe(14_129);
    const paid = project(entries, { ...base, pay: 12_000 });
    // 12 000: employer 7 000, employee 2 000, penalty 129, fines 2 871; fines 2 129 are left.
    expect(paid.allocations).toEqual([
      { category: 'MDSS', month: '2026-01', side: 'EMPLOYER', amountQepik: 7_000 },
      { category: 'MDSS', month: '2026-01', side: 'EMPLOYEE', amountQepik: 2_000 },
      { category: 'PENALTY', amountQepik: 129 },
      { category: 'FINES', amountQepik: 2_871 },
    ]);
    expect(paid.lines.FINES.afterQepik).toBe(2_129);
    expect(paid.debtAfterQepik).toBe(2_129);
  });

  it('money beyond the debt is an overpayment; credit on the account joins the payment', () => {
    const entries: AccountEntry[] = [
      mdss('m1', '2026-01', 'EMPLOYER', 10_000, '2026-01-31'),
      // Paid 120,00 on 02-10 (before the due date): 20,00 is left as credit.
      { id: 'p', date: '2026-02-10', amountQepik: -12_000, target: { category: 'CREDIT' } },
    ];
    const p = project(entries, { today: '2026-03-01', payOn: '2026-03-01', pay: 500, dueDates });
    expect(p.creditQepik).toBe(2_000);
    expect(p.debtTodayQepik).toBe(-2_000);
    expect(p.pendingPenaltyQepik).toBe(0);
    expect(p.overpaymentQepik).toBe(2_500);
    expect(p.debtAfterQepik).toBe(0);
  });

  it('refuses a date before today', () => {
    const r = projectPenalty({
      account: account(one),
      dueDates,
      chargedThrough: {},
      parameters: P,
      today: '2026-03-01',
      payOn: '2026-02-28',
      paymentQepik: 0,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('PAY_DATE_BEFORE_TODAY');
  });
});

describe('penalty projection: properties', () => {
  const MONTHS = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
  const due = Object.fromEntries(MONTHS.map((m, i) => [m, `2025-0${i + 2}-15`]));
  const entriesArb = fc
    .record({
      amounts: fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 6, maxLength: 6 }),
      paid: fc.integer({ min: 0, max: 3_000_000 }),
      fine: fc.integer({ min: 0, max: 100_000 }),
    })
    .map(({ amounts, paid, fine }) => {
      const entries: AccountEntry[] = MONTHS.flatMap((m, i) =>
        (amounts[i] ?? 0) > 0 ? [mdss(`m${i}`, m, 'EMPLOYER', amounts[i] ?? 0, `${m}-28`)] : [],
      );
      if (fine > 0)
        entries.push({
          id: 'f',
          date: '2025-04-01',
          amountQepik: fine,
          target: { category: 'FINE' },
        });
      if (paid > 0)
        entries.push({
          id: 'p',
          date: '2025-05-05',
          amountQepik: -paid,
          target: { category: 'CREDIT' },
        });
      return entries;
    });
  const dayArb = fc.integer({ min: 0, max: 900 });
  const dateAfter = (base: string, days: number) =>
    new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  it('paying more never leaves more debt; a later date never projects less penalty', () => {
    fc.assert(
      fc.property(
        entriesArb,
        dayArb,
        dayArb,
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (entries, d1, d2, x1, x2) => {
          const today = dateAfter('2025-06-01', d1);
          const payOn = dateAfter(today, d2);
          const o = { today, payOn, dueDates: due };
          const low = project(entries, { ...o, pay: Math.min(x1, x2) });
          const high = project(entries, { ...o, pay: Math.max(x1, x2) });
          expect(high.debtAfterQepik).toBeLessThanOrEqual(low.debtAfterQepik);
          const later = project(entries, { ...o, payOn: dateAfter(payOn, 30), pay: 0 });
          expect(later.projectedPenaltyQepik).toBeGreaterThanOrEqual(low.projectedPenaltyQepik);
          // Paid + left = owed on D, in every category.
          for (const line of Object.values(high.lines))
            expect(line.paidQepik + line.afterQepik).toBe(line.onDateQepik);
        },
      ),
    );
  });

  it('D = today and X = 0 adds no penalty and leaves today’s debt with the pending penalty', () => {
    fc.assert(
      fc.property(entriesArb, dayArb, (entries, d) => {
        const today = dateAfter('2025-06-01', d);
        const p = project(entries, { today, payOn: today, pay: 0, dueDates: due });
        expect(p.projectedPenaltyQepik).toBe(0);
        expect(p.debtOnDateQepik).toBe(p.debtTodayQepik + p.pendingPenaltyQepik);
        expect(p.debtAfterQepik - p.overpaymentQepik).toBe(p.debtOnDateQepik);
      }),
    );
  });

  it('the penalty never exceeds the 365-day cap per obligation', () => {
    fc.assert(
      fc.property(entriesArb, dayArb, dayArb, (entries, d1, d2) => {
        const today = dateAfter('2025-06-01', d1);
        const payOn = dateAfter(today, d2);
        const p = project(entries, { today, payOn, pay: 0, dueDates: due });
        for (const o of p.obligations) expect(o.totalDays).toBeLessThanOrEqual(365);
        const accrued = entries
          .filter((e) => e.target.category === 'MDSS')
          .reduce((s, e) => s + e.amountQepik, 0);
        // 365 days × 0,1 % of everything that accrued, plus one qəpik of rounding per month.
        expect(p.pendingPenaltyQepik + p.projectedPenaltyQepik).toBeLessThanOrEqual(
          Math.ceil((accrued * 365) / 1000) + MONTHS.length,
        );
      }),
    );
  });
});
