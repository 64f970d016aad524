import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  computeReportPenalty,
  contributionDueDate,
  DEFAULT_PENALTY_PARAMETERS,
  itemKey,
  replayAccount,
  type AccountEntry,
  type ReportPenalty,
} from '@/lib/domain';

const NO_POSTING = { quarterItems: [], mdssReductions: [] };
const months = ['2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
const dueDates = Object.fromEntries(
  months.map((m) => {
    const due = contributionDueDate(m, []);
    if (!due.ok) throw new Error(due.code);
    return [m, due.value];
  }),
);

function penalty(
  entries: AccountEntry[],
  through: string,
  chargedThrough: Record<string, string> = {},
): ReportPenalty {
  const state = replayAccount(entries);
  if (!state.ok) throw new Error(state.code);
  const result = computeReportPenalty({
    account: state.value,
    posting: NO_POSTING,
    dueDates,
    chargedThrough,
    through,
    parameters: DEFAULT_PENALTY_PARAMETERS,
  });
  if (!result.ok) throw new Error(result.code);
  return result.value;
}

/** What a posted calculation leaves behind: each obligation it charged is charged to `through`. */
function afterPosting(p: ReportPenalty, before: Record<string, string>): Record<string, string> {
  const next = { ...before };
  for (const o of p.obligations) if (o.days > 0) next[itemKey('MDSS', o.side, o.month)] = p.through;
  return next;
}

const accrual = (
  side: 'EMPLOYER' | 'EMPLOYEE',
  month: string,
  amountQepik: number,
  id = `a-${side}-${month}`,
): AccountEntry => ({
  id,
  date: `${month}-28`,
  amountQepik,
  target: { category: 'MDSS', side, month },
});

describe('computeReportPenalty (DOMAIN.md §4, issue 10 §1)', () => {
  it('charges carried debt: an opening balance dated December 2024 accrues from 16 January 2025', () => {
    const p = penalty([accrual('EMPLOYER', '2024-12', 100_000)], '2025-07-25');
    // 16.01 – 25.07.2025 = 191 days × 0,1 % of 1 000 ₼ = 191 ₼
    expect(p.obligations).toEqual([
      expect.objectContaining({
        month: '2024-12',
        side: 'EMPLOYER',
        chargedFrom: '2025-01-16',
        days: 191,
        penaltyQepik: 19_100,
      }),
    ]);
    expect(p.totalQepik).toBe(19_100);
  });

  it('charges only the days after the last posted calculation, and never past the 365-day cap', () => {
    const entries = [accrual('EMPLOYER', '2024-12', 100_000)];
    const first = penalty(entries, '2025-04-15');
    const second = penalty(entries, '2026-04-15', afterPosting(first, {}));
    expect(first.obligations[0]).toMatchObject({ days: 90, totalDays: 90 });
    expect(second.obligations[0]).toMatchObject({
      chargedFrom: '2025-04-16',
      days: 275,
      totalDays: 365,
    });
    expect(first.totalQepik + second.totalQepik).toBe(36_500);
  });

  it('paying on the due date costs nothing; a day later costs one day', () => {
    const pay = (date: string): AccountEntry => ({
      id: `p${date}`,
      date,
      amountQepik: -50_000,
      target: { category: 'MDSS', side: 'EMPLOYEE', month: '2025-02' },
    });
    const onTime = penalty(
      [accrual('EMPLOYEE', '2025-02', 50_000), pay(dueDates['2025-02']!)],
      '2025-06-30',
    );
    expect(onTime.totalQepik).toBe(0);
    const dayAfter = addDays(dueDates['2025-02']!, 1);
    if (!dayAfter.ok) throw new Error(dayAfter.code);
    const late = penalty(
      [accrual('EMPLOYEE', '2025-02', 50_000), pay(dayAfter.value)],
      '2025-06-30',
    );
    expect(late.totalQepik).toBe(50);
  });

  const scenario = fc.record({
    accruals: fc.uniqueArray(
      fc.record({
        side: fc.constantFrom('EMPLOYER' as const, 'EMPLOYEE' as const),
        month: fc.constantFrom(...months),
        amountQepik: fc.integer({ min: 1, max: 5_000_000 }),
      }),
      { selector: (a) => `${a.side}${a.month}`, minLength: 1, maxLength: 8 },
    ),
    payments: fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 700 }),
        side: fc.constantFrom('EMPLOYER' as const, 'EMPLOYEE' as const, null),
        month: fc.constantFrom(...months, null),
        amountQepik: fc.integer({ min: 1, max: 3_000_000 }),
      }),
      { maxLength: 8 },
    ),
    from: fc.integer({ min: 0, max: 400 }),
    split: fc.integer({ min: 0, max: 400 }),
    length: fc.integer({ min: 0, max: 500 }),
  });
  const day = (offset: number) => {
    const d = addDays('2025-01-01', offset);
    if (!d.ok) throw new Error(d.code);
    return d.value;
  };
  type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;
  const entriesOf = (s: Scenario) => [
    ...s.accruals.map((a) => accrual(a.side, a.month, a.amountQepik)),
    ...s.payments.map((p, i): AccountEntry => ({
      id: `p${String(i).padStart(2, '0')}`,
      date: day(p.day),
      amountQepik: -p.amountQepik,
      target: { category: 'MDSS', side: p.side, month: p.month },
    })),
  ];

  it('property: splitting a period at any day into two reports charges the same as one report', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const entries = entriesOf(s);
        const start = day(s.from);
        const end = day(s.from + s.length);
        const cut = day(s.from + Math.min(s.split, s.length));
        const posted = afterPosting(penalty(entries, start), {});
        const whole = penalty(entries, end, posted);
        const first = penalty(entries, cut, posted);
        const second = penalty(entries, end, afterPosting(first, posted));
        expect(first.totalQepik + second.totalQepik).toBe(whole.totalQepik);
      }),
      { seed: 20_261_202, numRuns: 400 },
    );
  });

  it('property: over any number of reports no obligation is charged more than 365 days', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 12 }),
        (s, steps) => {
          const entries = entriesOf(s);
          let charged: Record<string, string> = {};
          const days = new Map<string, number>();
          let offset = 0;
          for (const step of steps) {
            offset += step;
            const p = penalty(entries, day(offset), charged);
            for (const o of p.obligations) {
              const key = itemKey('MDSS', o.side, o.month);
              days.set(key, (days.get(key) ?? 0) + o.days);
              expect(o.totalDays).toBeLessThanOrEqual(365);
            }
            charged = afterPosting(p, charged);
          }
          for (const d of days.values()) expect(d).toBeLessThanOrEqual(365);
        },
      ),
      { seed: 20_261_203, numRuns: 300 },
    );
  });
});
