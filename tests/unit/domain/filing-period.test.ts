import { describe, expect, it } from 'vitest';
import {
  earliestUnfiledQuarter,
  hasQuarterEnded,
  lastEndedQuarter,
  nextQuarter,
  previousQuarter,
  quarterLastDay,
} from '@/lib/domain/filing-period';

describe('filing periods (SPEC F1–F2)', () => {
  it.each([
    [{ year: 2026, quarter: 1 }, '2026-03-31'],
    [{ year: 2026, quarter: 2 }, '2026-06-30'],
    [{ year: 2026, quarter: 3 }, '2026-09-30'],
    [{ year: 2026, quarter: 4 }, '2026-12-31'],
  ] as const)('the last day of %o is %s', (period, day) => {
    expect(quarterLastDay(period)).toBe(day);
  });

  it('a quarter has ended only after its last day', () => {
    const q3 = { year: 2026, quarter: 3 } as const;
    expect(hasQuarterEnded(q3, '2026-09-29')).toBe(false);
    expect(hasQuarterEnded(q3, '2026-09-30')).toBe(false);
    expect(hasQuarterEnded(q3, '2026-10-01')).toBe(true);
    expect(hasQuarterEnded({ year: 2026, quarter: 4 }, '2026-12-01')).toBe(false);
  });

  it('steps over the year boundary both ways', () => {
    expect(previousQuarter({ year: 2026, quarter: 1 })).toEqual({ year: 2025, quarter: 4 });
    expect(nextQuarter({ year: 2025, quarter: 4 })).toEqual({ year: 2026, quarter: 1 });
    expect(lastEndedQuarter('2026-01-01')).toEqual({ ok: true, value: { year: 2025, quarter: 4 } });
    expect(lastEndedQuarter('2026-12-31')).toEqual({ ok: true, value: { year: 2026, quarter: 3 } });
    expect(lastEndedQuarter('not a day')).toMatchObject({ ok: false });
  });

  it('starts a new report on the earliest ended quarter not filed', () => {
    const filed = [
      { year: 2025, quarter: 1 },
      { year: 2025, quarter: 2 },
      { year: 2025, quarter: 3 },
      { year: 2025, quarter: 4 },
      { year: 2026, quarter: 1 },
      { year: 2026, quarter: 2 },
    ] as const;
    const from = { year: 2025, quarter: 1 } as const;
    // The demo: 2025 Q1 – 2026 Q2 filed, so on 1 December 2026 it is 2026 Q3.
    expect(earliestUnfiledQuarter({ from, today: '2026-12-01', filed })).toEqual({
      ok: true,
      value: { year: 2026, quarter: 3 },
    });
    // A gap is found before the latest quarters.
    expect(
      earliestUnfiledQuarter({
        from,
        today: '2026-12-01',
        filed: filed.filter((q) => q.quarter !== 3),
      }),
    ).toEqual({ ok: true, value: { year: 2025, quarter: 3 } });
    // Everything ended is filed: the latest ended quarter (never one still running).
    expect(earliestUnfiledQuarter({ from, today: '2026-09-30', filed })).toEqual({
      ok: true,
      value: { year: 2026, quarter: 2 },
    });
    // No history yet: the latest ended quarter.
    expect(
      earliestUnfiledQuarter({ from: { year: 2027, quarter: 1 }, today: '2026-12-01', filed: [] }),
    ).toEqual({ ok: true, value: { year: 2026, quarter: 3 } });
  });
});
