import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  calculatePenalty,
  DEFAULT_PENALTY_PARAMETERS,
  type PenaltyParameters,
  type PenaltyPayment,
} from '@/lib/domain';

const penalty = (
  obligations: { id: string; dueDate: string; amountQepik: number }[],
  payments: PenaltyPayment[],
  asOf: string,
  parameters: readonly PenaltyParameters[] = DEFAULT_PENALTY_PARAMETERS,
) => calculatePenalty({ obligations, payments, asOf, parameters });

describe('penalty: 0.1 % per day after the due date (DOMAIN.md §4)', () => {
  it('counts from the day after the due date up to and including asOf', () => {
    // 18 Feb … 19 Mar 2025 = 11 + 19 = 30 days; 1 000 AZN × 30 / 1000 = 30 AZN
    const result = penalty(
      [{ id: 'M1', dueDate: '2025-02-17', amountQepik: 100_000 }],
      [],
      '2025-03-19',
    );
    expect(result).toEqual({
      ok: true,
      value: {
        totalQepik: 3000,
        obligations: [
          {
            obligationId: 'M1',
            dueDate: '2025-02-17',
            chargedFrom: '2025-02-18',
            days: 30,
            totalDays: 30,
            penaltyQepik: 3000,
            intervals: [
              {
                obligationId: 'M1',
                from: '2025-02-18',
                to: '2025-03-19',
                days: 30,
                overdueQepik: 100_000,
                dailyRate: { num: 1, den: 1000 },
                penaltyQepik: 3000,
              },
            ],
          },
        ],
      },
    });
  });

  it('is zero on the due date itself and one day later it starts', () => {
    const o = [{ id: 'M1', dueDate: '2025-01-15', amountQepik: 100_000 }];
    expect(penalty(o, [], '2025-01-15')).toMatchObject({ ok: true, value: { totalQepik: 0 } });
    expect(penalty(o, [], '2025-01-16')).toMatchObject({ ok: true, value: { totalQepik: 100 } });
  });

  it('a payment on day D still accrues on D and reduces the balance from D+1', () => {
    const result = penalty(
      [{ id: 'M1', dueDate: '2025-01-15', amountQepik: 100_000 }],
      [{ obligationId: 'M1', date: '2025-01-25', amountQepik: 40_000 }],
      '2025-02-04',
    );
    expect(result.ok && result.value.obligations[0]?.intervals).toEqual([
      expect.objectContaining({
        from: '2025-01-16',
        to: '2025-01-25',
        days: 10,
        overdueQepik: 100_000,
        penaltyQepik: 1000,
      }),
      expect.objectContaining({
        from: '2025-01-26',
        to: '2025-02-04',
        days: 10,
        overdueQepik: 60_000,
        penaltyQepik: 600,
      }),
    ]);
    expect(result).toMatchObject({ ok: true, value: { totalQepik: 1600 } });
  });

  it('stops once the obligation is paid in full; payments on or before the due date avoid it', () => {
    const o = [{ id: 'M1', dueDate: '2025-01-15', amountQepik: 100_000 }];
    const paidLate = penalty(
      o,
      [{ obligationId: 'M1', date: '2025-01-20', amountQepik: 100_000 }],
      '2025-12-31',
    );
    expect(paidLate).toMatchObject({ ok: true, value: { totalQepik: 500 } });
    const paidOnTime = penalty(
      o,
      [{ obligationId: 'M1', date: '2025-01-15', amountQepik: 100_000 }],
      '2025-12-31',
    );
    expect(paidOnTime).toMatchObject({
      ok: true,
      value: { totalQepik: 0, obligations: [{ days: 0, intervals: [] }] },
    });
  });

  it('caps at 365 days, across the 2024 leap year', () => {
    const result = penalty(
      [{ id: 'M1', dueDate: '2024-01-15', amountQepik: 1000 }],
      [],
      '2026-06-30',
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        totalQepik: 365,
        obligations: [{ days: 365, intervals: [{ from: '2024-01-16', to: '2025-01-14' }] }],
      },
    });
  });

  it('counts the leap day 2028-02-29', () => {
    const result = penalty(
      [{ id: 'M1', dueDate: '2028-02-15', amountQepik: 100_000 }],
      [],
      '2028-03-01',
    );
    expect(result).toMatchObject({
      ok: true,
      value: { totalQepik: 1500, obligations: [{ days: 15 }] },
    });
  });

  it('rounds half-up once per obligation, not per interval', () => {
    // day 1: 1 500 × 1/1000 = 1.5; day 2: 500 × 1/1000 = 0.5; exact sum 2.0 → 2 (per-interval would give 3)
    const result = penalty(
      [{ id: 'M1', dueDate: '2025-01-15', amountQepik: 1500 }],
      [{ obligationId: 'M1', date: '2025-01-16', amountQepik: 1000 }],
      '2025-01-17',
    );
    expect(result).toMatchObject({ ok: true, value: { totalQepik: 2 } });
    const intervals = result.ok ? result.value.obligations[0]!.intervals : [];
    expect(intervals.map((i) => i.penaltyQepik)).toEqual([2, 0]);
    const half = penalty([{ id: 'M1', dueDate: '2025-01-15', amountQepik: 500 }], [], '2025-01-16');
    expect(half).toMatchObject({ ok: true, value: { totalQepik: 1 } });
    const below = penalty(
      [{ id: 'M1', dueDate: '2025-01-15', amountQepik: 499 }],
      [],
      '2025-01-16',
    );
    expect(below).toMatchObject({ ok: true, value: { totalQepik: 0 } });
  });

  it('splits an interval where the rate changes', () => {
    const parameters: PenaltyParameters[] = [
      {
        id: 'OLD',
        validFrom: '2000-01-01',
        validTo: '2025-01-31',
        dailyRate: { num: 1, den: 1000 },
        capDays: 365,
        startOffsetDays: 1,
      },
      {
        id: 'NEW',
        validFrom: '2025-02-01',
        validTo: null,
        dailyRate: { num: 2, den: 1000 },
        capDays: 365,
        startOffsetDays: 1,
      },
    ];
    const result = penalty(
      [{ id: 'M1', dueDate: '2025-01-15', amountQepik: 100_000 }],
      [],
      '2025-02-10',
      parameters,
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        totalQepik: 1600 + 2000,
        obligations: [
          {
            intervals: [
              { to: '2025-01-31', days: 16, penaltyQepik: 1600 },
              { from: '2025-02-01', days: 10, penaltyQepik: 2000 },
            ],
          },
        ],
      },
    });
  });

  it('adds up several obligations', () => {
    const result = penalty(
      [
        { id: 'JUL', dueDate: '2025-08-15', amountQepik: 50_000 },
        { id: 'AUG', dueDate: '2025-09-15', amountQepik: 50_000 },
      ],
      [],
      '2025-09-25',
    );
    // JUL: 16 Aug … 25 Sep = 41 days → 2 050; AUG: 10 days → 500
    expect(result).toMatchObject({ ok: true, value: { totalQepik: 2550 } });
  });

  it.each([
    [[{ id: 'A', dueDate: '1999-12-31', amountQepik: 1 }], [], '2025-01-01', 'RATES_NOT_FOUND'],
    [[{ id: 'A', dueDate: '2025-02-30', amountQepik: 1 }], [], '2025-03-01', 'INVALID_DATE'],
    [[{ id: 'A', dueDate: '2025-01-15', amountQepik: 1 }], [], '2025-13-01', 'INVALID_DATE'],
    [[{ id: 'A', dueDate: '2025-01-15', amountQepik: -1 }], [], '2025-03-01', 'AMOUNT_NEGATIVE'],
    [
      [{ id: 'A', dueDate: '2025-01-15', amountQepik: 1.5 }],
      [],
      '2025-03-01',
      'AMOUNT_NOT_INTEGER_QEPIK',
    ],
    [
      [
        { id: 'A', dueDate: '2025-01-15', amountQepik: 1 },
        { id: 'A', dueDate: '2025-02-15', amountQepik: 1 },
      ],
      [],
      '2025-03-01',
      'DUPLICATE_OBLIGATION',
    ],
    [
      [{ id: 'A', dueDate: '2025-01-15', amountQepik: 1 }],
      [{ obligationId: 'B', date: '2025-01-20', amountQepik: 1 }],
      '2025-03-01',
      'UNKNOWN_OBLIGATION',
    ],
    [
      [{ id: 'A', dueDate: '2025-01-15', amountQepik: 1 }],
      [{ obligationId: 'A', date: '2025-01-20', amountQepik: 2 }],
      '2025-03-01',
      'PAYMENT_EXCEEDS_OBLIGATION',
    ],
  ])('bad input %# → %s', (obligations, payments, asOf, code) => {
    expect(penalty(obligations, payments, asOf)).toMatchObject({ ok: false, code });
  });

  it('refuses invalid parameters', () => {
    const bad = [{ ...DEFAULT_PENALTY_PARAMETERS[0]!, capDays: -1 }];
    expect(penalty([], [], '2025-01-01', bad)).toMatchObject({
      ok: false,
      code: 'INVALID_PENALTY_PARAMETERS',
    });
  });
});

describe('penalty properties', () => {
  const scenario = fc.record({
    amount: fc.integer({ min: 0, max: 10_000_000_000 }),
    extra: fc.integer({ min: 0, max: 10_000_000 }),
    payments: fc.array(
      fc.record({
        offset: fc.integer({ min: -30, max: 500 }),
        share: fc.integer({ min: 0, max: 100 }),
      }),
      { maxLength: 6 },
    ),
    days: fc.integer({ min: 0, max: 600 }),
    more: fc.integer({ min: 0, max: 100 }),
  });

  it('is monotone in days and in the overdue amount', () => {
    fc.assert(
      fc.property(scenario, ({ amount, extra, payments, days, more }) => {
        let budget = amount;
        const paid: PenaltyPayment[] = payments.map((p) => {
          const part = Math.floor((budget * p.share) / 100);
          budget -= part;
          const date = addDays('2025-01-15', p.offset);
          return { obligationId: 'M', date: date.ok ? date.value : '', amountQepik: part };
        });
        const at = (amountQepik: number, d: number) => {
          const asOf = addDays('2025-01-15', d);
          const result = penalty(
            [{ id: 'M', dueDate: '2025-01-15', amountQepik }],
            paid,
            asOf.ok ? asOf.value : '',
          );
          if (!result.ok) throw new Error(result.code);
          return result.value.totalQepik;
        };
        const base = at(amount, days);
        expect(at(amount, days + more)).toBeGreaterThanOrEqual(base);
        expect(at(amount + extra, days)).toBeGreaterThanOrEqual(base);
        expect(base).toBeLessThanOrEqual(Math.round((amount * 365) / 1000) + 1);
      }),
    );
  });
});
