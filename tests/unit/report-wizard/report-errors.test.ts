import { describe, expect, it } from 'vitest';
import {
  REPORT_ERROR_CODES,
  REPORT_ERROR_MESSAGES,
  ReportError,
  reportErrorMessage,
} from '@/lib/server/reports/report-errors';

describe('report error messages', () => {
  it('has az and en text for every code', () => {
    for (const code of REPORT_ERROR_CODES) {
      expect(REPORT_ERROR_MESSAGES[code].az.length).toBeGreaterThan(0);
      expect(REPORT_ERROR_MESSAGES[code].en.length).toBeGreaterThan(0);
    }
  });

  it('fills params and shows …Qepik params as money', () => {
    expect(reportErrorMessage('PAYMENT_EXCEEDS_REMAINDER', { remainderQepik: 123_456 }, 'az')).toBe(
      'Məbləğ ödənişin qalığından (1 234,56 ₼) çox ola bilməz',
    );
    expect(
      reportErrorMessage('PAYMENT_EXCEEDS_REMAINDER', { remainderQepik: 300 }, 'en'),
    ).toContain('AZN 3.00');
    // The reason is explained in words, never shown as its code (issue 10 §5).
    expect(reportErrorMessage('CALCULATION_FAILED', { reason: 'RATES_NOT_FOUND' }, 'en')).toBe(
      'The calculation could not be made: no rates are in force for this period',
    );
  });

  it('classifies refusals as conflicts or validation errors', () => {
    expect(new ReportError('REPORT_EXISTS', { params: { reportId: 'x' } }).kind).toBe('CONFLICT');
    expect(new ReportError('MONTH_OUTSIDE_QUARTER', { field: 'month' }).kind).toBe('VALIDATION');
  });
});
