import { describe, expect, it } from 'vitest';
import { reconcileMonths, type PersonIncome } from '@/lib/domain';

const MONTHS = ['2025-07', '2025-08', '2025-09'];
const each = (qepik: number) => Object.fromEntries(MONTHS.map((m) => [m, qepik]));
const threePersons: PersonIncome[] = ['AAAAAA1', 'BBBBBB2', 'CCCCCC3'].map((fin) => ({
  fin,
  incomeQepikByMonth: each(100_000),
}));

describe('per-month reconciliation (DOMAIN.md §6, SPEC F23)', () => {
  it('is silent when every month agrees', () => {
    const result = reconcileMonths({
      months: MONTHS,
      persons: threePersons,
      labourPaymentsQepikByMonth: each(300_000),
      nonLiableIncome: [],
    });
    expect(result).toEqual({ ok: true, value: [] });
  });

  it('names non-liable income when persons exceed by no more than it (F8)', () => {
    const result = reconcileMonths({
      months: MONTHS,
      persons: threePersons,
      labourPaymentsQepikByMonth: each(300_000),
      nonLiableIncome: [{ month: '2025-08', amountQepik: 50_000 }],
    });
    expect(result).toEqual({
      ok: true,
      value: [
        {
          code: 'RECONCILIATION_NON_LIABLE_INCOME',
          month: '2025-08',
          differenceQepik: 50_000,
          personsQepik: 300_000,
          expectedQepik: 250_000,
          nonLiableQepik: 50_000,
          cause: 'NON_LIABLE_INCOME',
          fixStep: 'F8',
        },
      ],
    });
  });

  it('names labour payments when persons exceed them beyond any non-liable income (F7)', () => {
    const result = reconcileMonths({
      months: MONTHS,
      persons: threePersons,
      labourPaymentsQepikByMonth: { ...each(300_000), '2025-09': 200_000 },
      nonLiableIncome: [{ month: '2025-09', amountQepik: 1 }],
    });
    expect(result).toMatchObject({
      ok: true,
      value: [
        {
          code: 'RECONCILIATION_LABOUR_PAYMENTS',
          month: '2025-09',
          differenceQepik: 100_001,
          cause: 'LABOUR_PAYMENTS',
          fixStep: 'F7',
        },
      ],
    });
  });

  it('reports money not distributed to persons (F20), including a month with no labour payments entry', () => {
    const result = reconcileMonths({
      months: MONTHS,
      persons: [{ fin: 'AAAAAA1', incomeQepikByMonth: { '2025-07': 100_000 } }],
      labourPaymentsQepikByMonth: { '2025-07': 150_000 },
      nonLiableIncome: [],
    });
    expect(result).toMatchObject({
      ok: true,
      value: [
        {
          code: 'RECONCILIATION_UNDISTRIBUTED',
          month: '2025-07',
          differenceQepik: 50_000,
          cause: 'PERSONS_INCOME',
          fixStep: 'F20',
        },
      ],
    });
  });

  it.each([
    [{ months: ['2025-13'] }, 'UNKNOWN_MONTH'],
    [{ nonLiableIncome: [{ month: '2025-10', amountQepik: 1 }] }, 'UNKNOWN_MONTH'],
    [{ nonLiableIncome: [{ month: '2025-07', amountQepik: -1 }] }, 'AMOUNT_NEGATIVE'],
    [{ labourPaymentsQepikByMonth: { '2025-07': 0.5 } }, 'AMOUNT_NOT_INTEGER_QEPIK'],
    [{ persons: [{ fin: 'X', incomeQepikByMonth: { '2025-07': -3 } }] }, 'AMOUNT_NEGATIVE'],
  ])('bad input %o → %s', (override, code) => {
    const result = reconcileMonths({
      months: MONTHS,
      persons: [],
      labourPaymentsQepikByMonth: {},
      nonLiableIncome: [],
      ...override,
    });
    expect(result).toMatchObject({ ok: false, code });
  });
});
