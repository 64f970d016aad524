import { describe, expect, it } from 'vitest';
import { APP_ERROR_CODES, AppError } from '@/lib/server/errors';
import { errorMessage, errorTemplate } from '@/lib/server/error-messages';

describe('report error messages', () => {
  it('has az and en text for every code', () => {
    for (const code of APP_ERROR_CODES) {
      expect(errorTemplate(code, 'az')?.length, code).toBeGreaterThan(0);
      expect(errorTemplate(code, 'en')?.length, code).toBeGreaterThan(0);
    }
  });

  it('fills params and shows …Qepik params as money', () => {
    expect(errorMessage('PAYMENT_EXCEEDS_REMAINDER', { remainderQepik: 123_456 }, 'az')).toBe(
      'Məbləğ ödənişin qalığından (1 234,56 ₼) çox ola bilməz',
    );
    expect(errorMessage('PAYMENT_EXCEEDS_REMAINDER', { remainderQepik: 300 }, 'en')).toContain(
      'AZN 3.00',
    );
    // The reason is explained in words, never shown as its code (issue 10 §5).
    expect(errorMessage('CALCULATION_FAILED', { reason: 'RATES_NOT_FOUND' }, 'en')).toBe(
      'The calculation could not be made: no rates are in force for this period',
    );
  });

  it('classifies refusals as conflicts or validation errors', () => {
    expect(new AppError('REPORT_EXISTS', { params: { reportId: 'x' } }).kind).toBe('CONFLICT');
    expect(new AppError('MONTH_OUTSIDE_QUARTER', { field: 'month' }).kind).toBe('VALIDATION');
  });
});
