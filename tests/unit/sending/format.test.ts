import { describe, expect, it } from 'vitest';
import {
  changeOf,
  defaultSendQuarter,
  formatBakuDateTime,
  formatCountdown,
  formatDayDate,
  pinDigits,
  previousQuarter,
  secondsUntil,
  sendYears,
} from '@/components/sending/format';

describe('sending format helpers', () => {
  it.each([
    ['2025-10-15T08:00:00Z', '15.10.2025 12:00'],
    ['2025-12-31T21:30:00Z', '01.01.2026 01:30'],
  ])('%s in Baku time is %s', (iso, expected) => {
    expect(formatBakuDateTime(new Date(iso))).toBe(expected);
  });

  it('writes a calendar date day first', () => {
    expect(formatDayDate('2026-04-15')).toBe('15.04.2026');
  });

  it.each([
    [120_000, 120],
    [1_500, 2],
    [0, 0],
    [-5_000, 0],
  ])('%i ms before the deadline leaves %i s', (ms, seconds) => {
    const at = Date.parse('2026-01-01T00:00:00Z');
    expect(secondsUntil(new Date(at + ms).toISOString(), at)).toBe(seconds);
  });

  it('an unreadable deadline leaves no time', () => {
    expect(secondsUntil('soon', 0)).toBe(0);
  });

  it.each([
    [120, '2:00'],
    [95, '1:35'],
    [5, '0:05'],
    [-1, '0:00'],
  ])('%i s counts down as %s', (s, text) => {
    expect(formatCountdown(s)).toBe(text);
  });

  it('the change is after minus before', () => {
    expect(changeOf(100, 250)).toBe(150);
    expect(changeOf(250, 100)).toBe(-150);
  });

  it.each([
    ['2026-01-10', { year: 2025, quarter: 4 }],
    ['2026-03-31', { year: 2025, quarter: 4 }],
    ['2026-04-01', { year: 2026, quarter: 1 }],
    ['2026-12-31', { year: 2026, quarter: 3 }],
  ])('the quarter before %s', (today, expected) => {
    expect(previousQuarter(today)).toEqual(expected);
  });

  it('starts on the latest quarter with drafts, else the previous quarter', () => {
    expect(defaultSendQuarter([], '2026-08-01')).toEqual({ year: 2026, quarter: 2 });
    expect(
      defaultSendQuarter(
        [
          { year: 2025, quarter: 4 },
          { year: 2026, quarter: 3 },
          { year: 2026, quarter: 1 },
        ],
        '2026-08-01',
      ),
    ).toEqual({ year: 2026, quarter: 3 });
  });

  it('offers the years from the current one back to 2019', () => {
    expect(sendYears(2021)).toEqual([2021, 2020, 2019]);
    expect(sendYears(2019)).toEqual([2019]);
  });

  it('keeps only up to n digits of a PIN', () => {
    expect(pinDigits('12a34 567', 5)).toBe('12345');
  });
});
