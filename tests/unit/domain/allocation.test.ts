import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocatePayment, type OpenItem } from '@/lib/domain';
import { shuffle } from './shuffle';

const Q3_2025 = { year: 2025, quarter: 3 } as const;

const ITEMS: OpenItem[] = [
  { id: 'other', category: 'OTHER', openQepik: 100 },
  { id: 'fine', category: 'FINE', dueDate: '2025-06-01', openQepik: 100 },
  { id: 'sanction', category: 'SANCTION', dueDate: '2025-05-01', openQepik: 100 },
  { id: 'penalty', category: 'PENALTY', openQepik: 100 },
  { id: 'mdss-2025-05', category: 'MDSS', month: '2025-05', openQepik: 100 },
  { id: 'mdss-2025-08', category: 'MDSS', month: '2025-08', openQepik: 100 },
  { id: 'mdss-2024-12', category: 'MDSS', month: '2024-12', openQepik: 100 },
  { id: 'mdss-2025-07', category: 'MDSS', month: '2025-07', openQepik: 100 },
];

describe('payment allocation order (DOMAIN.md §5)', () => {
  it('settles current quarter, older MDSS, penalty, fines and sanctions, other, then overpayment', () => {
    const result = allocatePayment({ paymentQepik: 1000, currentQuarter: Q3_2025, items: ITEMS });
    expect(result).toEqual({
      ok: true,
      value: {
        allocations: [
          'mdss-2025-07',
          'mdss-2025-08',
          'mdss-2024-12',
          'mdss-2025-05',
          'penalty',
          'sanction',
          'fine',
          'other',
        ].map((itemId) => ({ itemId, amountQepik: 100 })),
        overpaymentQepik: 200,
      },
    });
  });

  it('settles the current quarter first even when older debt exists, partly paying the last item', () => {
    const result = allocatePayment({ paymentQepik: 250, currentQuarter: Q3_2025, items: ITEMS });
    expect(result).toEqual({
      ok: true,
      value: {
        allocations: [
          { itemId: 'mdss-2025-07', amountQepik: 100 },
          { itemId: 'mdss-2025-08', amountQepik: 100 },
          { itemId: 'mdss-2024-12', amountQepik: 50 },
        ],
        overpaymentQepik: 0,
      },
    });
  });

  it.each([
    [{ paymentQepik: -1 }, 'AMOUNT_NEGATIVE'],
    [{ paymentQepik: 0.5 }, 'AMOUNT_NOT_INTEGER_QEPIK'],
    [{ items: [{ id: 'x', category: 'MDSS' as const, openQepik: 1 }] }, 'UNKNOWN_MONTH'],
    [
      { items: [{ id: 'x', category: 'MDSS' as const, month: '2025-13', openQepik: 1 }] },
      'UNKNOWN_MONTH',
    ],
    [{ items: [ITEMS[0]!, ITEMS[0]!] }, 'DUPLICATE_ITEM'],
    [{ items: [{ id: 'x', category: 'OTHER' as const, openQepik: -5 }] }, 'AMOUNT_NEGATIVE'],
  ])('bad input %o → %s', (override, code) => {
    const result = allocatePayment({
      paymentQepik: 10,
      currentQuarter: Q3_2025,
      items: [],
      ...override,
    });
    expect(result).toMatchObject({ ok: false, code });
  });

  it('never creates or loses a qəpik, never over-settles an item, ignores input order', () => {
    const item = fc.record({
      category: fc.constantFrom('MDSS', 'PENALTY', 'FINE', 'SANCTION', 'OTHER') as fc.Arbitrary<
        OpenItem['category']
      >,
      month: fc.constantFrom('2024-11', '2025-01', '2025-07', '2025-08', '2025-09'),
      openQepik: fc.integer({ min: 0, max: 1_000_000_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 12 }),
        fc.integer({ min: 0, max: 5_000_000_000 }),
        fc.integer(),
        (raw, payment, seed) => {
          const items = raw.map((r, i) => ({ ...r, id: `i${i}` }));
          const result = allocatePayment({ paymentQepik: payment, currentQuarter: Q3_2025, items });
          if (!result.ok) throw new Error(result.code);
          const allocated = result.value.allocations.reduce((s, a) => s + a.amountQepik, 0);
          expect(allocated + result.value.overpaymentQepik).toBe(payment);
          for (const a of result.value.allocations) {
            expect(a.amountQepik).toBeLessThanOrEqual(
              items.find((i) => i.id === a.itemId)!.openQepik,
            );
          }
          const shuffled = shuffle(items, seed);
          const again = allocatePayment({
            paymentQepik: payment,
            currentQuarter: Q3_2025,
            items: shuffled,
          });
          expect(again).toEqual(result);
        },
      ),
    );
  });
});
