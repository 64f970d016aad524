import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '@/lib/i18n/format-date';

describe('formatDate / formatDateTime (issue 10 §11: one formatter, Baku time)', () => {
  it.each([
    // A UTC instant late in the evening is already the next day in Baku (UTC+4).
    [new Date('2026-03-31T21:30:00Z'), '01.04.2026', '01.04.2026 01:30'],
    [new Date('2026-03-31T19:59:59Z'), '31.03.2026', '31.03.2026 23:59'],
    [new Date('2026-03-31T20:00:00Z'), '01.04.2026', '01.04.2026 00:00'],
    // New Year's Eve in UTC is New Year's morning in Baku.
    [new Date('2025-12-31T22:15:00Z'), '01.01.2026', '01.01.2026 02:15'],
    ['2026-07-14T09:30:12Z', '14.07.2026', '14.07.2026 13:30'],
    ['2026-07-14T09:30:12+04:00', '14.07.2026', '14.07.2026 09:30'],
    [Date.UTC(2026, 0, 5, 8, 0), '05.01.2026', '05.01.2026 12:00'],
  ])('%s → %s / %s', (value, date, dateTime) => {
    expect(formatDate(value, 'az')).toBe(date);
    expect(formatDate(value, 'en')).toBe(date);
    expect(formatDateTime(value, 'az')).toBe(dateTime);
    expect(formatDateTime(value, 'en')).toBe(dateTime);
  });

  it('prints seconds when asked (the receipt’s filing time)', () => {
    expect(formatDateTime(new Date('2026-07-14T09:30:12Z'), 'az', { seconds: true })).toBe(
      '14.07.2026 13:30:12',
    );
  });

  it('never shifts a calendar date, whatever the process time zone', () => {
    expect(formatDate('2026-03-31', 'az')).toBe('31.03.2026');
    expect(formatDate('2026-01-01', 'en')).toBe('01.01.2026');
    expect(formatDateTime('2025-12-31', 'az')).toBe('31.12.2025');
    expect(formatDate(' 2024-02-29 ')).toBe('29.02.2024');
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2019-01-01T00:00:00Z'),
          max: new Date('2100-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          expect(formatDate(iso)).toBe(iso.split('-').reverse().join('.'));
        },
      ),
    );
  });

  it('an instant’s day is its Baku day: UTC + 4 hours', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2019-01-01T00:00:00Z'),
          max: new Date('2100-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const baku = new Date(d.getTime() + 4 * 3_600_000).toISOString();
          expect(formatDate(d)).toBe(baku.slice(0, 10).split('-').reverse().join('.'));
          expect(formatDateTime(d)).toBe(`${formatDate(d)} ${baku.slice(11, 16)}`);
        },
      ),
    );
  });

  it('is empty for nothing and shows unparseable text as it came', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDateTime(null)).toBe('');
    expect(formatDate(new Date(Number.NaN))).toBe('');
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatDate('2026-13-99T00:00:00Z')).toBe('2026-13-99T00:00:00Z');
  });
});
