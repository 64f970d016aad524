import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calculateQuarterContributions,
  calculationFailureReason,
  checkAmountBounds,
  checkEnteredAmount,
  DEFAULT_CONTRIBUTION_SCHEDULE,
  DOMAIN_CODES,
  formatMessage,
  MAX_AMOUNT_QEPIK,
  parseAmount,
  qepikFromDecimalText,
  reconcileMonths,
  sumQepik,
  type PersonIncome,
} from '@/lib/domain';

// Issue 10 §5: one bound for a single entered amount, exact totals.

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

describe('the bound of one entered amount', () => {
  it('is one billion manat', () => {
    expect(MAX_AMOUNT_QEPIK).toBe(100_000_000_000);
  });

  it('parseAmount takes the bound itself and refuses one qəpik more, with the limit', () => {
    expect(parseAmount('1000000000.00')).toEqual({ ok: true, value: MAX_AMOUNT_QEPIK });
    expect(parseAmount('1000000000.01')).toEqual({
      ok: false,
      code: 'AMOUNT_TOO_LARGE',
      params: { maxQepik: MAX_AMOUNT_QEPIK },
    });
    // The amount: 90 071 992 547 409,91 ₼ a month.
    expect(parseAmount('90 071 992 547 409,91')).toMatchObject({ code: 'AMOUNT_TOO_LARGE' });
    expect(parseAmount('-1000000000.00', { allowNegative: true })).toEqual({
      ok: true,
      value: -MAX_AMOUNT_QEPIK,
    });
    expect(parseAmount('-1000000000.01', { allowNegative: true })).toMatchObject({
      code: 'AMOUNT_TOO_LARGE',
    });
    // A negative amount where none is allowed says so, however large.
    expect(parseAmount('-5000000000')).toMatchObject({ code: 'AMOUNT_NEGATIVE' });
  });

  it('parseAmount refuses every amount above the bound', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: BigInt(MAX_AMOUNT_QEPIK) + 1n, max: 10n ** 30n }), (qepik) => {
        const text = `${qepik / 100n}.${String(qepik % 100n).padStart(2, '0')}`;
        expect(parseAmount(text)).toMatchObject({ ok: false, code: 'AMOUNT_TOO_LARGE' });
      }),
    );
  });

  it('says the maximum in both languages', () => {
    expect(formatMessage('AMOUNT_TOO_LARGE', {}, 'az')).toBe(
      'Məbləğ 1 000 000 000,00 ₼-dan çox ola bilməz',
    );
    expect(formatMessage('AMOUNT_TOO_LARGE', {}, 'en')).toBe(
      'The amount cannot exceed AZN 1,000,000,000.00',
    );
  });

  it.each([
    [0, { ok: true, value: 0 }],
    [MAX_AMOUNT_QEPIK, { ok: true, value: MAX_AMOUNT_QEPIK }],
    [MAX_AMOUNT_QEPIK + 1, { ok: false, code: 'AMOUNT_TOO_LARGE' }],
    [MAX_SAFE, { ok: false, code: 'AMOUNT_TOO_LARGE' }],
    [2 ** 60, { ok: false, code: 'AMOUNT_TOO_LARGE' }],
    [-1, { ok: false, code: 'AMOUNT_NEGATIVE' }],
    [1.5, { ok: false, code: 'AMOUNT_NOT_INTEGER_QEPIK' }],
    [Number.NaN, { ok: false, code: 'AMOUNT_NOT_INTEGER_QEPIK' }],
    ['100', { ok: false, code: 'AMOUNT_NOT_INTEGER_QEPIK' }],
    [null, { ok: false, code: 'AMOUNT_NOT_INTEGER_QEPIK' }],
  ])('checkEnteredAmount(%j)', (value, expected) => {
    expect(checkEnteredAmount(value)).toMatchObject(expected);
  });

  it('checkAmountBounds makes a blocking error of each stored figure above it, at its place', () => {
    expect(
      checkAmountBounds([
        { step: 'F7', month: '2025-07', amountQepik: MAX_SAFE },
        { step: 'F7', month: '2025-08', amountQepik: MAX_AMOUNT_QEPIK },
        { step: 'F20', month: '2025-09', fin: 'AAAAAA1', amountQepik: MAX_AMOUNT_QEPIK + 1 },
        { step: 'F8', month: '2025-09', amountQepik: 5 },
        { step: 'F13', amountQepik: 2 ** 60 },
      ]),
    ).toEqual([
      {
        severity: 'blocking',
        code: 'AMOUNT_TOO_LARGE',
        step: 'F7',
        month: '2025-07',
        params: { maxQepik: MAX_AMOUNT_QEPIK },
      },
      {
        severity: 'blocking',
        code: 'AMOUNT_TOO_LARGE',
        step: 'F20',
        month: '2025-09',
        fin: 'AAAAAA1',
        params: { maxQepik: MAX_AMOUNT_QEPIK },
      },
      {
        severity: 'blocking',
        code: 'AMOUNT_TOO_LARGE',
        step: 'F13',
        params: { maxQepik: MAX_AMOUNT_QEPIK },
      },
    ]);
  });
});

describe('exact totals', () => {
  it('sumQepik is exact with mixed signs and refuses a total past 2^53', () => {
    expect(sumQepik([MAX_SAFE, 1, -2])).toEqual({ ok: true, value: MAX_SAFE - 1 });
    expect(sumQepik([MAX_SAFE, MAX_SAFE])).toEqual({ ok: false, code: 'TOTAL_TOO_LARGE' });
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -MAX_SAFE, max: MAX_SAFE }), { maxLength: 20 }),
        (amounts) => {
          const exact = amounts.reduce((t, a) => t + BigInt(a), 0n);
          const safe = exact <= BigInt(MAX_SAFE) && exact >= -BigInt(MAX_SAFE);
          expect(sumQepik(amounts)).toEqual(
            safe ? { ok: true, value: Number(exact) } : { ok: false, code: 'TOTAL_TOO_LARGE' },
          );
        },
      ),
    );
  });

  it.each([
    ['9007199254740991', { ok: true, value: MAX_SAFE }],
    ['9007199254740993', { ok: false, code: 'TOTAL_TOO_LARGE' }],
    ['-9007199254740993', { ok: false, code: 'TOTAL_TOO_LARGE' }],
    ['-1230', { ok: true, value: -1230 }],
    ['1230.00', { ok: true, value: 1230 }],
    ['12.5', { ok: false, code: 'AMOUNT_NOT_INTEGER_QEPIK' }],
    [null, { ok: true, value: 0 }],
    [42, { ok: true, value: 42 }],
    [2 ** 53, { ok: false, code: 'TOTAL_TOO_LARGE' }],
    [2n ** 53n, { ok: false, code: 'TOTAL_TOO_LARGE' }],
  ])('qepikFromDecimalText(%s) reads a database total exactly', (text, expected) => {
    expect(qepikFromDecimalText(text)).toEqual(expected);
  });

  const MONTHS = ['2025-07', '2025-08', '2025-09'];
  const persons = (count: number, incomeQepik: number): PersonIncome[] =>
    Array.from({ length: count }, (_, i) => ({
      fin: `P${String(i).padStart(6, '0')}`,
      incomeQepikByMonth: Object.fromEntries(MONTHS.map((m) => [m, incomeQepik])),
    }));

  it('MDSS totals refuse a month whose income total passes 2^53 instead of rounding it', () => {
    // Three incomes of 2^53 / 3 in a month: the contributions stay safe, the income total not.
    const result = calculateQuarterContributions({
      schedule: DEFAULT_CONTRIBUTION_SCHEDULE,
      sector: 'STATE_OR_OIL',
      months: MONTHS,
      persons: persons(3, 3_002_399_751_580_331),
    });
    expect(result).toEqual({ ok: false, code: 'TOTAL_TOO_LARGE', params: { month: '2025-07' } });
    // One such person in every month: each month's total is safe (the quarter's need not be).
    const one = calculateQuarterContributions({
      schedule: DEFAULT_CONTRIBUTION_SCHEDULE,
      sector: 'STATE_OR_OIL',
      months: MONTHS,
      persons: persons(1, 3_002_399_751_580_331),
    });
    expect(one.ok && one.value.incomeQepikByMonth['2025-09']).toBe(3_002_399_751_580_331);
  });

  it('MDSS income and contribution totals are the exact sums of the rows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: MAX_AMOUNT_QEPIK }), { minLength: 1, maxLength: 30 }),
        (incomes) => {
          const result = calculateQuarterContributions({
            schedule: DEFAULT_CONTRIBUTION_SCHEDULE,
            sector: 'NON_OIL_NON_STATE',
            months: MONTHS,
            persons: incomes.map((income, i) => ({
              fin: `P${i}`,
              incomeQepikByMonth: { [MONTHS[i % 3]!]: income },
            })),
          });
          if (!result.ok) throw new Error(result.code);
          const { rows, ...totals } = result.value;
          const exact = (pick: (r: (typeof rows)[number]) => number) =>
            Number(rows.reduce((t, r) => t + BigInt(pick(r)), 0n));
          for (const month of MONTHS) {
            expect(totals.incomeQepikByMonth[month]).toBe(
              exact((r) => (r.month === month ? r.incomeQepik : 0)),
            );
          }
          expect(totals.employeeTotalQepik).toBe(exact((r) => r.employeeQepik));
          expect(totals.employerTotalQepik).toBe(exact((r) => r.employerQepik));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('the reconciliation refuses a month whose persons total passes 2^53', () => {
    const result = reconcileMonths({
      months: MONTHS,
      persons: persons(3, 3_002_399_751_580_331),
      labourPaymentsQepikByMonth: {},
      nonLiableIncome: [],
    });
    expect(result).toEqual({ ok: false, code: 'TOTAL_TOO_LARGE', params: { month: '2025-07' } });
  });
});

describe('CALCULATION_FAILED reasons in words', () => {
  it('explain every domain code (and none) without a code or a placeholder', () => {
    for (const locale of ['az', 'en'] as const) {
      for (const reason of [...DOMAIN_CODES, undefined, 'SOMETHING_NEW', 'constructor']) {
        const text = calculationFailureReason(reason, locale);
        expect(text).not.toMatch(/[{}]/);
        expect(text).not.toMatch(/[A-Z]{2,}_[A-Z_]+/);
        expect(text.length).toBeGreaterThan(0);
      }
    }
    expect(calculationFailureReason('AMOUNT_TOO_LARGE', 'az')).toBe('məbləğ çox böyükdür');
    expect(calculationFailureReason('TOTAL_TOO_LARGE', 'en')).toBe('an amount is too large');
  });
});
