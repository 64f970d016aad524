import { describe, expect, it } from 'vitest';
import {
  addDays,
  checkYearQuarter,
  contributionDueDate,
  isIsoDate,
  isWorkingDay,
  nextWorkingDay,
  quarterMonths,
  quarterOfMonth,
  reportDueDate,
} from '@/lib/domain';

const NOVRUZ_2025 = ['2025-03-20', '2025-03-21', '2025-03-24'];

describe('quarters (SPEC F2)', () => {
  it.each([
    [1, ['2025-01', '2025-02', '2025-03']],
    [3, ['2025-07', '2025-08', '2025-09']],
    [4, ['2025-10', '2025-11', '2025-12']],
  ] as const)('Q%i 2025 has months %o', (quarter, months) => {
    expect(quarterMonths({ year: 2025, quarter })).toEqual(months);
  });

  it('finds the quarter of a month and rejects unknown ones', () => {
    expect(quarterOfMonth('2025-08')).toEqual({ ok: true, value: { year: 2025, quarter: 3 } });
    expect(quarterOfMonth('2025-12')).toEqual({ ok: true, value: { year: 2025, quarter: 4 } });
    expect(quarterOfMonth('2025-00')).toMatchObject({ ok: false, code: 'UNKNOWN_MONTH' });
    expect(quarterOfMonth('August')).toMatchObject({ ok: false, code: 'UNKNOWN_MONTH' });
    expect(checkYearQuarter(2025, 5)).toMatchObject({ ok: false, code: 'INVALID_QUARTER' });
    expect(checkYearQuarter(2025, 2)).toEqual({ ok: true, value: { year: 2025, quarter: 2 } });
  });
});

describe('contribution due date: 15th of M+1 on a working day (DOMAIN.md §3)', () => {
  it.each([
    ['2025-04', [], '2025-05-15'], // Thursday
    ['2025-01', [], '2025-02-17'], // 15th is a Saturday
    ['2025-05', [], '2025-06-16'], // 15th is a Sunday
    ['2025-12', [], '2026-01-15'], // year end
    ['2025-07', ['2025-08-15'], '2025-08-18'], // holiday on a Friday, before a weekend
    ['2025-07', ['2025-08-15', '2025-08-18'], '2025-08-19'], // holiday chain over the weekend
    ['2025-12', ['2026-01-15', '2026-01-16'], '2026-01-19'],
  ])('%s with holidays %o → %s', (month, holidays, expected) => {
    expect(contributionDueDate(month, holidays)).toEqual({ ok: true, value: expected });
  });

  it('rejects unknown months and bad holiday dates', () => {
    expect(contributionDueDate('2025-13', [])).toMatchObject({ ok: false, code: 'UNKNOWN_MONTH' });
    expect(contributionDueDate('2025-01', ['2025-02-30'])).toMatchObject({
      ok: false,
      code: 'INVALID_DATE',
    });
  });
});

describe('report due date: 20th of the month after the quarter (DOMAIN.md §3)', () => {
  it.each([
    [2025, 1, [], '2025-04-21'], // 20 April 2025 is a Sunday
    [2025, 3, [], '2025-10-20'],
    [2025, 4, [], '2026-01-20'], // year end
    [2025, 4, ['2026-01-20'], '2026-01-21'],
    [2024, 4, ['2025-01-20'], '2025-01-21'],
  ] as const)('%i Q%i with holidays %o → %s', (year, quarter, holidays, expected) => {
    expect(reportDueDate({ year, quarter }, holidays)).toEqual({ ok: true, value: expected });
  });
});

describe('working days', () => {
  it('walks over a holiday chain that spans a weekend (Novruz 2025)', () => {
    expect(nextWorkingDay('2025-03-20', NOVRUZ_2025)).toEqual({ ok: true, value: '2025-03-25' });
    expect(nextWorkingDay('2025-03-20', new Set(NOVRUZ_2025))).toEqual({
      ok: true,
      value: '2025-03-25',
    });
    expect(isWorkingDay('2025-03-21', NOVRUZ_2025)).toEqual({ ok: true, value: false });
    expect(isWorkingDay('2025-03-25', NOVRUZ_2025)).toEqual({ ok: true, value: true });
  });

  it('handles the leap day 2028-02-29', () => {
    expect(nextWorkingDay('2028-02-26', ['2028-02-28'])).toEqual({ ok: true, value: '2028-02-29' });
    expect(addDays('2028-02-28', 1)).toEqual({ ok: true, value: '2028-02-29' });
    expect(addDays('2028-02-29', 1)).toEqual({ ok: true, value: '2028-03-01' });
    expect(addDays('2027-02-28', 1)).toEqual({ ok: true, value: '2027-03-01' });
    expect(addDays('2025-12-31', 1)).toEqual({ ok: true, value: '2026-01-01' });
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-4-1')).toBe(false);
  });
});
