import type { ReceiptView } from '@/lib/server/submissions/receipt/receipt-view';

// A receipt with every Azerbaijani letter that the standard PDF fonts cannot encode.
export const SAMPLE_VIEW: ReceiptView = {
  submissionId: '7d0c8a52-0c51-4c5e-9a0e-1f1f3e0f6a11',
  receiptNumber: '1000042',
  receivedAt: new Date('2026-07-14T09:30:12Z'),
  status: 'RETURNED',
  decidedAt: new Date('2026-07-16T11:00:00Z'),
  returnReasons: [
    {
      code: 'HEADCOUNT',
      step: 'F21',
      text: { az: 'İşçilərin sayı düzgün deyil', en: 'Headcount is wrong' },
    },
  ],
  late: false,
  dueDate: '2026-07-20',
  employer: {
    name: 'Xəzər Şüşə Ğ İstehsalı ÇÖÜ MMC',
    voen: '1234567891',
    dsmfRegNumber: '1234567890',
  },
  activity: { code: '01', nameAz: 'Əsas fəaliyyət növü', nameEn: 'Main activity' },
  period: { year: 2026, quarter: 2 },
  reportType: 'INITIAL',
  totals: {
    mdssEmployerQepik: 12_345_678,
    mdssEmployeeQepik: 1_234_567,
    paymentsUsedQepik: 10_000_000,
    accruedQepik: 13_580_245,
    paidQepik: 10_000_000,
    debtEndQepik: 3_580_245,
    persons: 17,
  },
  application: {
    paidQepik: 10_000_000,
    paidEmployerQepik: 8_765_433,
    paidEmployeeQepik: 1_234_567,
    creditBroughtQepik: 0,
    toQuarterMdssEmployerQepik: 8_765_433,
    toQuarterMdssEmployeeQepik: 1_234_567,
    toOlderMdssQepik: 0,
    toPenaltyQepik: 0,
    toFinesQepik: 0,
    toOtherQepik: 0,
    overpaymentQepik: 0,
  },
  documentHash: 'ab'.repeat(32),
  signer: { fin: '5ZXK7M2', surname: 'Əliyev', name: 'Rəşad', patronymic: 'Şahin oğlu' },
  certificateSerial: 'CARD-AZ1234567',
  signedAt: new Date('2026-07-14T09:30:10Z'),
  batchId: null,
};
