import { describe, expect, it } from 'vitest';
import {
  canSend,
  checkHeadcount,
  checkPaymentUse,
  checkReportBalance,
  computeReportBalance,
  findDuplicateFins,
  reconciliationResults,
  reconcileMonths,
} from '@/lib/domain';

describe('report balance (DOMAIN.md §6, SPEC F17)', () => {
  const lines = [
    { category: 'MDSS_EMPLOYER' as const, accruedQepik: 66_000, paidQepik: 50_000 },
    { category: 'MDSS_EMPLOYEE' as const, accruedQepik: 9_000, paidQepik: 9_000 },
    { category: 'PENALTY' as const, accruedQepik: 1_234, paidQepik: 0 },
    { category: 'FINE' as const, accruedQepik: 4_400, paidQepik: 4_400 },
  ];

  it('debt_end = debt_start + Σ accrued − Σ paid − write-offs', () => {
    const result = computeReportBalance({ debtStartQepik: 10_000, lines, writeOffsQepik: 500 });
    expect(result).toEqual({
      ok: true,
      value: {
        debtStartQepik: 10_000,
        accruedQepik: 80_634,
        paidQepik: 63_400,
        writeOffsQepik: 500,
        debtEndQepik: 26_734,
      },
    });
  });

  it('allows an overpayment at start and end', () => {
    const result = computeReportBalance({
      debtStartQepik: -20_000,
      lines: lines.slice(0, 1),
      writeOffsQepik: 0,
    });
    expect(result).toMatchObject({ ok: true, value: { debtEndQepik: -4_000 } });
  });

  it('flags an end debt that does not re-derive', () => {
    const balance = computeReportBalance({ debtStartQepik: 0, lines, writeOffsQepik: 0 });
    if (!balance.ok) throw new Error(balance.code);
    expect(checkReportBalance(balance.value, 17_234)).toEqual([]);
    expect(checkReportBalance(balance.value, 17_233)).toEqual([
      expect.objectContaining({ severity: 'blocking', code: 'BALANCE_MISMATCH', step: 'F17' }),
    ]);
  });

  it.each([
    [{ writeOffsQepik: -1 }, 'AMOUNT_NEGATIVE'],
    [
      { lines: [{ category: 'OTHER_ACCRUALS' as const, accruedQepik: 1.5, paidQepik: 0 }] },
      'AMOUNT_NOT_INTEGER_QEPIK',
    ],
    [
      {
        debtStartQepik: Number.MAX_SAFE_INTEGER,
        lines: [{ category: 'FINE' as const, accruedQepik: 1, paidQepik: 0 }],
      },
      'AMOUNT_TOO_LARGE',
    ],
  ])('bad input %o → %s', (override, code) => {
    expect(
      computeReportBalance({ debtStartQepik: 0, lines: [], writeOffsQepik: 0, ...override }),
    ).toMatchObject({ ok: false, code });
  });
});

describe('report checks', () => {
  const persons = [
    { fin: 'AAAAAA1', incomeQepikByMonth: { '2025-07': 100_000, '2025-08': 100_000 } },
    { fin: 'BBBBBB2', incomeQepikByMonth: { '2025-07': 100_000, '2025-08': 0 } },
  ];

  it('compares persons per month with the headcount (F21)', () => {
    const results = checkHeadcount({
      months: ['2025-07', '2025-08', '2025-09'],
      headcountByMonth: { '2025-07': 2, '2025-08': 2 },
      persons,
    });
    expect(results).toEqual([
      {
        severity: 'blocking',
        code: 'HEADCOUNT_MISMATCH',
        step: 'F21',
        month: '2025-08',
        params: { month: { kind: 'month', month: '2025-08' }, headcount: 2, persons: 1 },
      },
    ]);
    expect(canSend(results)).toBe(false);
  });

  it('uses a payment by at most its remainder across reports (F6)', () => {
    const payments = [
      { paymentId: 'P1', amountQepik: 10_000, usedElsewhereQepik: 4_000 },
      { paymentId: 'P2', amountQepik: 5_000, usedElsewhereQepik: 0 },
    ];
    expect(
      checkPaymentUse({
        payments,
        uses: [
          { paymentId: 'P1', usedQepik: 6_000 },
          { paymentId: 'P2', usedQepik: 5_000 },
        ],
      }),
    ).toEqual([]);
    const over = checkPaymentUse({
      payments,
      uses: [
        { paymentId: 'P1', usedQepik: 3_000 },
        { paymentId: 'P1', usedQepik: 3_001 },
        { paymentId: 'P9', usedQepik: 1 },
      ],
    });
    expect(over).toEqual([
      expect.objectContaining({
        code: 'PAYMENT_OVERUSED',
        severity: 'blocking',
        step: 'F6',
        params: expect.objectContaining({ paymentId: 'P1' }),
      }),
      expect.objectContaining({ code: 'PAYMENT_UNKNOWN', severity: 'blocking', step: 'F6' }),
    ]);
  });

  it('finds duplicate FINs (F20)', () => {
    expect(findDuplicateFins([{ fin: 'AAAAAA1' }, { fin: 'BBBBBB2' }, { fin: 'AAAAAA1' }])).toEqual(
      [
        {
          severity: 'blocking',
          code: 'DUPLICATE_FIN',
          step: 'F20',
          fin: 'AAAAAA1',
          params: { fin: 'AAAAAA1', count: 2 },
        },
      ],
    );
    expect(findDuplicateFins([{ fin: 'AAAAAA1' }])).toEqual([]);
  });

  it('turns reconciliation differences into warnings that do not block sending', () => {
    const warnings = reconcileMonths({
      months: ['2025-07'],
      persons,
      labourPaymentsQepikByMonth: { '2025-07': 150_000 },
      nonLiableIncome: [],
    });
    if (!warnings.ok) throw new Error(warnings.code);
    const results = reconciliationResults(warnings.value);
    expect(results).toMatchObject([
      { severity: 'warning', code: 'RECONCILIATION_LABOUR_PAYMENTS', step: 'F7', month: '2025-07' },
    ]);
    expect(canSend(results)).toBe(true);
  });
});
