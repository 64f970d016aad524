import { describe, expect, it } from 'vitest';
import {
  canReturnReport,
  DEFAULT_RETURN_WINDOW_DAYS,
  lastReturnDay,
} from '@/lib/domain/staff/report-return-rules';

describe('report return window (issue 14 §9)', () => {
  it('defaults to 30 days from acceptance', () => {
    expect(DEFAULT_RETURN_WINDOW_DAYS).toBe(30);
    expect(lastReturnDay('2025-10-15')).toBe('2025-11-14');
    expect(lastReturnDay('2025-12-20')).toBe('2026-01-19');
  });

  it('allows a return on the last day and refuses the day after', () => {
    expect(
      canReturnReport({ status: 'ACCEPTED', acceptedOn: '2025-10-15', today: '2025-10-15' }).ok,
    ).toBe(true);
    expect(
      canReturnReport({ status: 'ACCEPTED', acceptedOn: '2025-10-15', today: '2025-11-14' }).ok,
    ).toBe(true);
    const late = canReturnReport({
      status: 'ACCEPTED',
      acceptedOn: '2025-10-15',
      today: '2025-11-15',
    });
    expect(late.ok).toBe(false);
    if (!late.ok) {
      expect(late.code).toBe('RETURN_WINDOW_CLOSED');
      expect(late.params).toEqual({ lastDay: '2025-11-14' });
    }
  });

  it('takes the window as a parameter', () => {
    expect(
      canReturnReport({
        status: 'ACCEPTED',
        acceptedOn: '2025-10-15',
        today: '2025-10-20',
        windowDays: 3,
      }).ok,
    ).toBe(false);
    expect(
      canReturnReport({
        status: 'ACCEPTED',
        acceptedOn: '2025-10-15',
        today: '2025-10-18',
        windowDays: 3,
      }).ok,
    ).toBe(true);
    expect(() => lastReturnDay('2025-10-15', -1)).toThrow();
  });

  it('returns only accepted reports', () => {
    for (const status of ['SENT', 'RETURNED', 'REPLACED', 'DRAFT']) {
      const r = canReturnReport({ status, acceptedOn: '2025-10-15', today: '2025-10-16' });
      expect(r.ok ? null : r.code).toBe('REPORT_NOT_ACCEPTED');
    }
    const none = canReturnReport({ status: 'ACCEPTED', acceptedOn: null, today: '2025-10-16' });
    expect(none.ok).toBe(false);
  });
});
