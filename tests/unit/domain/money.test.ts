import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyRate,
  formatAmount,
  MAX_AMOUNT_QEPIK,
  parseAmount,
  splitEvenly,
  sumQepik,
  toQepik,
} from '@/lib/domain';

describe('parseAmount (DOMAIN.md §1)', () => {
  it.each([
    ['1234.56', 123456],
    ['1234,56', 123456],
    ['1 234,56', 123456],
    ['1\u00A0234,56', 123456],
    ['1\u202F234,56', 123456],
    ['1 234 567,89', 123456789],
    ['  12,5 ', 1250],
    ['0', 0],
    ['0,01', 1],
    ['1 234,56 ₼', 123456],
    ['AZN 1,234.56', 123456],
    ['1000000000.00', MAX_AMOUNT_QEPIK],
    ['1 000 000 000,00 ₼', MAX_AMOUNT_QEPIK],
  ])('reads %j as %i qəpik', (text, expected) => {
    expect(parseAmount(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'AMOUNT_EMPTY'],
    ['   ', 'AMOUNT_EMPTY'],
    ['₼', 'AMOUNT_EMPTY'],
    ['abc', 'AMOUNT_NOT_A_NUMBER'],
    ['12a', 'AMOUNT_NOT_A_NUMBER'],
    ['1e5', 'AMOUNT_NOT_A_NUMBER'],
    ['1.234,56', 'AMOUNT_NOT_A_NUMBER'],
    ['1,234.56', 'AMOUNT_NOT_A_NUMBER'],
    ['12 34,56', 'AMOUNT_NOT_A_NUMBER'],
    ['1234.', 'AMOUNT_NOT_A_NUMBER'],
    ['.5', 'AMOUNT_NOT_A_NUMBER'],
    ['+5', 'AMOUNT_NOT_A_NUMBER'],
    ['NaN', 'AMOUNT_NOT_A_NUMBER'],
    ['1,234', 'AMOUNT_TOO_MANY_DECIMALS'],
    ['0.001', 'AMOUNT_TOO_MANY_DECIMALS'],
    ['-5', 'AMOUNT_NEGATIVE'],
    ['-1 234,56 ₼', 'AMOUNT_NEGATIVE'],
    ['1000000000.01', 'AMOUNT_TOO_LARGE'],
    ['90071992547409.91', 'AMOUNT_TOO_LARGE'],
    ['90071992547409.92', 'AMOUNT_TOO_LARGE'],
    ['99999999999999999999', 'AMOUNT_TOO_LARGE'],
  ])('rejects %j with %s', (text, code) => {
    expect(parseAmount(text)).toMatchObject({ ok: false, code });
  });

  it('accepts negatives only when allowed', () => {
    expect(parseAmount('-12,30', { allowNegative: true })).toEqual({ ok: true, value: -1230 });
    expect(parseAmount('-AZN 1,000.00', { allowNegative: true })).toEqual({
      ok: true,
      value: -100000,
    });
  });
});

describe('formatAmount (DOMAIN.md §1)', () => {
  it.each([
    [123456, '1 234,56 ₼', 'AZN 1,234.56'],
    [0, '0,00 ₼', 'AZN 0.00'],
    [5, '0,05 ₼', 'AZN 0.05'],
    [100000000, '1 000 000,00 ₼', 'AZN 1,000,000.00'],
    [-123456, '-1 234,56 ₼', '-AZN 1,234.56'],
    [Number.MAX_SAFE_INTEGER, '90 071 992 547 409,91 ₼', 'AZN 90,071,992,547,409.91'],
  ])('writes %i qəpik', (qepik, az, en) => {
    expect(formatAmount(qepik, 'az')).toBe(az);
    expect(formatAmount(qepik, 'en')).toBe(en);
  });

  it('parse∘format is the identity on amounts within the bound, in both locales', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -MAX_AMOUNT_QEPIK, max: MAX_AMOUNT_QEPIK }),
        fc.constantFrom('az' as const, 'en' as const),
        (qepik, locale) => {
          const parsed = parseAmount(formatAmount(qepik, locale), { allowNegative: true });
          expect(parsed).toEqual({ ok: true, value: qepik === 0 ? 0 : qepik });
        },
      ),
    );
  });
});

describe('applyRate: one half-up rounding (DOMAIN.md §1)', () => {
  it.each([
    [15000, { num: 3, den: 100 }, 450],
    [50, { num: 1, den: 100 }, 1], // 0.5 rounds up
    [49, { num: 1, den: 100 }, 0],
    [-50, { num: 1, den: 100 }, -1], // mirrors the positive case
    [133_33, { num: 15, den: 100 }, 2000], // 1999.95
    [Number.MAX_SAFE_INTEGER, { num: 22, den: 100 }, 1981583836043018], // 198158383604301802 / 100, needs BigInt
  ])('%i × %o = %i', (amount, rate, expected) => {
    expect(applyRate(amount, rate)).toEqual({ ok: true, value: expected });
  });

  it('rejects bad rates and fractional amounts', () => {
    expect(applyRate(100, { num: 1, den: 0 })).toMatchObject({ code: 'INVALID_RATE' });
    expect(applyRate(100, { num: 0.5, den: 100 })).toMatchObject({ code: 'INVALID_RATE' });
    expect(applyRate(1.5, { num: 1, den: 100 })).toMatchObject({
      code: 'AMOUNT_NOT_INTEGER_QEPIK',
    });
  });
});

describe('sums, conversions and even splits', () => {
  it('sums exactly and refuses overflow', () => {
    expect(sumQepik([1, 2, 3])).toEqual({ ok: true, value: 6 });
    expect(sumQepik([Number.MAX_SAFE_INTEGER, 1])).toMatchObject({ code: 'TOTAL_TOO_LARGE' });
    expect(sumQepik([0.5])).toMatchObject({ code: 'AMOUNT_NOT_INTEGER_QEPIK' });
  });

  it('toQepik checks integer, range and sign', () => {
    expect(toQepik(12)).toEqual({ ok: true, value: 12 });
    expect(toQepik(-1)).toMatchObject({ code: 'AMOUNT_NEGATIVE' });
    expect(toQepik(-1, { allowNegative: true })).toEqual({ ok: true, value: -1 });
    expect(toQepik(0.1 + 0.2)).toMatchObject({ code: 'AMOUNT_NOT_INTEGER_QEPIK' });
    expect(toQepik(2 ** 53)).toMatchObject({ code: 'AMOUNT_TOO_LARGE' });
    expect(toQepik(Number.NaN)).toMatchObject({ code: 'AMOUNT_NOT_INTEGER_QEPIK' });
  });

  it('splitEvenly gives the extra qəpik to the first parts', () => {
    expect(splitEvenly(100, 3)).toEqual({ ok: true, value: [34, 33, 33] });
    expect(splitEvenly(2, 3)).toEqual({ ok: true, value: [1, 1, 0] });
    expect(splitEvenly(5, 0)).toMatchObject({ code: 'INVALID_PART_COUNT' });
  });

  it('splitEvenly parts add back exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 1, max: 200 }),
        (amount, n) => {
          const parts = splitEvenly(amount, n);
          if (!parts.ok) throw new Error(parts.code);
          expect(parts.value.reduce((a, b) => a + b, 0)).toBe(amount);
          expect(Math.max(...parts.value) - Math.min(...parts.value)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
