import { describe, expect, it } from 'vitest';
import {
  readReceiptDocument,
  readReturnReasons,
} from '@/lib/server/submissions/receipt/receipt-view';
import { formatDateTime } from '@/lib/i18n/format-date';
import { receiptSections } from '@/lib/server/submissions/receipt/receipt-rows';
import { SAMPLE_VIEW } from './sample-view';

describe('readReceiptDocument', () => {
  it('reads the receipt fields of a report document', () => {
    const parts = readReceiptDocument(
      JSON.stringify({
        reportType: 'CORRECTIVE',
        employer: { id: 'x', name: 'Xəzər MMC', voen: '1', dsmfRegNumber: '2' },
        activity: { code: '01', nameAz: 'Əsas', nameEn: 'Main', sector: 'PRIVATE' },
        period: { year: 2026, quarter: 2, months: ['2026-04', '2026-05', '2026-06'] },
        totals: {
          mdssEmployerQepik: 5,
          mdssEmployeeQepik: 6,
          paymentsUsedQepik: 7,
          accruedQepik: 8,
          paidQepik: 9,
          debtEndQepik: 10,
          persons: 3,
        },
        signatories: [
          {
            role: 'HEAD',
            fin: '5ZXK7M2',
            surname: 'Əliyev',
            name: 'Rəşad',
            patronymic: 'Şahin oğlu',
          },
        ],
      }),
    );
    expect(parts).toMatchObject({
      reportType: 'CORRECTIVE',
      employer: { name: 'Xəzər MMC', voen: '1', dsmfRegNumber: '2' },
      period: { year: 2026, quarter: 2 },
      totals: { accruedQepik: 8, persons: 3 },
      signatories: [{ fin: '5ZXK7M2', surname: 'Əliyev' }],
    });
  });

  it('reads a broken or partial document as empty fields, never throws', () => {
    expect(readReceiptDocument('{').employer.name).toBe('');
    expect(readReceiptDocument('[]').totals.paidQepik).toBe(0);
    expect(readReceiptDocument('{"totals":{"paidQepik":"5"}}').totals.paidQepik).toBe(0);
  });
});

describe('readReturnReasons', () => {
  it('keeps texts and falls back to the code', () => {
    expect(
      readReturnReasons([
        { code: 'A', step: 'F7', text: { az: 'az', en: 'en' } },
        { code: 'B', step: 'F8', params: {} },
      ]),
    ).toEqual([
      { code: 'A', step: 'F7', text: { az: 'az', en: 'en' } },
      { code: 'B', step: 'F8', text: { az: 'B', en: 'B' } },
    ]);
    expect(readReturnReasons(null)).toEqual([]);
  });
});

describe('receiptSections', () => {
  it('shows Baku time, money in the locale format and the hash', () => {
    expect(formatDateTime(new Date('2026-07-14T20:30:12Z'), 'az', { seconds: true })).toBe(
      '15.07.2026 00:30:12',
    );
    const az = receiptSections(SAMPLE_VIEW, 'az').flatMap((s) => s.rows);
    expect(az.find((r) => r.label === 'Daxil olma vaxtı')?.value).toBe('14.07.2026 13:30:12');
    expect(az.some((r) => r.value === '123 456,78 ₼')).toBe(true);
    expect(az.find((r) => r.kind === 'hash')?.value).toBe(SAMPLE_VIEW.documentHash);
    const en = receiptSections(SAMPLE_VIEW, 'en').flatMap((s) => s.rows);
    expect(en.some((r) => r.value === 'AZN 123,456.78')).toBe(true);
    expect(en.find((r) => r.label === 'Status')?.value).toBe('Returned');
  });
});
