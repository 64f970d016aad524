import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderReceiptPdf } from '@/lib/server/submissions/receipt/render-receipt-pdf';
import { SAMPLE_VIEW } from './sample-view';

describe('renderReceiptPdf', () => {
  it.each(['az', 'en'] as const)(
    'renders a one-page A4 receipt in %s with title and hash metadata',
    async (locale) => {
      const bytes = await renderReceiptPdf(
        SAMPLE_VIEW,
        locale,
        'https://hesabat.example.az/verify',
      );
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      const pdf = await PDFDocument.load(bytes);
      expect(pdf.getTitle()).toBe('Qəbz 1000042');
      expect(pdf.getSubject()).toBe(SAMPLE_VIEW.documentHash);
      expect(pdf.getPageCount()).toBe(1);
      const { width, height } = pdf.getPage(0).getSize();
      expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    },
  );

  it('encodes every Azerbaijani letter, in a batch receipt with long reasons too', async () => {
    const view = {
      ...SAMPLE_VIEW,
      batchId: '0b8e7c1a-3f55-4a5d-8a55-2f6a7f1b0c22',
      employer: { ...SAMPLE_VIEW.employer, name: 'əƏ şŞ ğĞ ıI iİ çÇ öÖ üÜ — '.repeat(6) },
      returnReasons: Array.from({ length: 4 }, (_, i) => ({
        code: `R${i}`,
        step: 'F7',
        text: {
          az: 'Əmək haqqı fondu göstərilən ödənişlərlə üst-üstə düşmür',
          en: 'Payroll does not match',
        },
      })),
    };
    const pdf = await PDFDocument.load(
      await renderReceiptPdf(view, 'az', 'http://localhost:3000/verify'),
    );
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
  });

  it('the same receipt yields the same bytes', async () => {
    const a = await renderReceiptPdf(SAMPLE_VIEW, 'az', 'http://x/verify');
    const b = await renderReceiptPdf(SAMPLE_VIEW, 'az', 'http://x/verify');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
