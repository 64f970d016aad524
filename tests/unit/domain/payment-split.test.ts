import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPaymentSplit, proposeSplit } from '@/lib/domain/distribution/payment-split';
import { MAX_AMOUNT_QEPIK } from '@/lib/domain/money';

const targets = ['121111', '121211'];

describe('checkPaymentSplit (SPEC E3–E5)', () => {
  it('accepts lines that add up exactly to what is split, within the remainder', () => {
    const split = checkPaymentSplit({
      remainderQepik: 100_000,
      amountQepik: 100_000,
      lines: [
        { target: '121111', amountQepik: 88_000 },
        { target: '121211', amountQepik: 12_000 },
      ],
      allowedTargets: targets,
    });
    expect(split).toEqual({
      ok: true,
      amountQepik: 100_000,
      parts: [
        { target: '121111', amountQepik: 88_000 },
        { target: '121211', amountQepik: 12_000 },
      ],
    });
  });

  it('drops zero lines and may split part of the remainder', () => {
    const split = checkPaymentSplit({
      remainderQepik: 100_000,
      amountQepik: 40_000,
      lines: [
        { target: '121111', amountQepik: 0 },
        { target: '121211', amountQepik: 40_000 },
      ],
      allowedTargets: targets,
    });
    expect(split.ok && split.parts).toEqual([{ target: '121211', amountQepik: 40_000 }]);
  });

  it.each([
    ['more than the remainder', 100_001, 100_001, 'amount', 'SPLIT_EXCEEDS_REMAINDER'],
    ['nothing', 0, 0, 'amount', 'SPLIT_EMPTY'],
    ['a fraction of a qəpik', 10.5, 10.5, 'amount', 'AMOUNT_NOT_INTEGER_QEPIK'],
    ['a negative amount', -1, -1, 'amount', 'AMOUNT_NEGATIVE'],
    ['over the entered bound', MAX_AMOUNT_QEPIK + 1, 0, 'amount', 'AMOUNT_TOO_LARGE'],
  ])('refuses splitting %s', (_name, amount, line, field, code) => {
    const split = checkPaymentSplit({
      remainderQepik: 100_000,
      amountQepik: amount,
      lines: [{ target: '121111', amountQepik: line }],
      allowedTargets: targets,
    });
    expect(split.ok).toBe(false);
    if (!split.ok) expect(split.problems).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('refuses a sum that does not match, naming both figures', () => {
    const split = checkPaymentSplit({
      remainderQepik: 100_000,
      amountQepik: 100_000,
      lines: [
        { target: '121111', amountQepik: 50_000 },
        { target: '121211', amountQepik: 49_999 },
      ],
      allowedTargets: targets,
    });
    expect(split).toEqual({
      ok: false,
      problems: [
        {
          field: 'lines',
          code: 'SPLIT_SUM_MISMATCH',
          params: { totalQepik: 99_999, amountQepik: 100_000 },
        },
      ],
    });
  });

  it('refuses a target outside the allowed ones and a target named twice, at the line', () => {
    const split = checkPaymentSplit({
      remainderQepik: 100_000,
      amountQepik: 100,
      lines: [
        { target: '121111', amountQepik: 50 },
        { target: '999999', amountQepik: 25 },
        { target: '121111', amountQepik: 25 },
      ],
      allowedTargets: targets,
    });
    expect(split.ok).toBe(false);
    if (!split.ok)
      expect(split.problems).toEqual([
        { field: 1, code: 'SPLIT_TARGET_NOT_ALLOWED' },
        { field: 2, code: 'SPLIT_TARGET_DUPLICATE' },
      ]);
  });

  it('property: accepted parts add up exactly to what is split and never exceed the remainder', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 2 }),
        (remainder, amounts) => {
          const total = amounts.reduce((a, b) => a + b, 0);
          const split = checkPaymentSplit({
            remainderQepik: remainder,
            amountQepik: total,
            lines: amounts.map((amountQepik, i) => ({ target: targets[i]!, amountQepik })),
            allowedTargets: targets,
          });
          if (total === 0 || total > remainder) return !split.ok;
          return (
            split.ok &&
            split.parts.reduce((a, p) => a + p.amountQepik, 0) === total &&
            split.parts.every((p) => p.amountQepik > 0)
          );
        },
      ),
    );
  });
});

describe('proposeSplit', () => {
  it('splits in proportion to the weights, largest remainder first', () => {
    // 100,00 ₼ over debts 22 : 3 → 88,00 and 12,00 exactly.
    expect(
      proposeSplit(10_000, [
        { target: 'a', weight: 22 },
        { target: 'b', weight: 3 },
      ]),
    ).toEqual([
      { target: 'a', amountQepik: 8_800 },
      { target: 'b', amountQepik: 1_200 },
    ]);
    // 1 qəpik over 1 : 1 goes to the earlier target; 10 over 1:1:1 → 4, 3, 3.
    expect(
      proposeSplit(1, [
        { target: 'a', weight: 1 },
        { target: 'b', weight: 1 },
      ]).map((p) => p.amountQepik),
    ).toEqual([1, 0]);
    expect(
      proposeSplit(10, [
        { target: 'a', weight: 1 },
        { target: 'b', weight: 1 },
        { target: 'c', weight: 1 },
      ]).map((p) => p.amountQepik),
    ).toEqual([4, 3, 3]);
  });

  it('puts everything on the first target when no weight is positive', () => {
    expect(
      proposeSplit(500, [
        { target: 'a', weight: 0 },
        { target: 'b', weight: -4 },
      ]),
    ).toEqual([
      { target: 'a', amountQepik: 500 },
      { target: 'b', amountQepik: 0 },
    ]);
  });

  it('property: the parts add up exactly and follow the weights within one qəpik', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_AMOUNT_QEPIK }),
        fc.array(fc.integer({ min: 1, max: MAX_AMOUNT_QEPIK }), { minLength: 1, maxLength: 5 }),
        (amount, weights) => {
          const parts = proposeSplit(
            amount,
            weights.map((weight, i) => ({ target: String(i), weight })),
          );
          const sum = weights.reduce((a, b) => a + b, 0);
          return (
            parts.reduce((a, p) => a + p.amountQepik, 0) === amount &&
            parts.every((p, i) => Math.abs(p.amountQepik - (amount * weights[i]!) / sum) < 1.0001)
          );
        },
      ),
    );
  });
});

describe('formatAmountInput', () => {
  it('writes what parseAmount reads back, in both languages', async () => {
    const { formatAmountInput, parseAmount } = await import('@/lib/domain/money-format');
    expect(formatAmountInput(123_456, 'az')).toBe('1234,56');
    expect(formatAmountInput(123_456, 'en')).toBe('1234.56');
    expect(formatAmountInput(5, 'az')).toBe('0,05');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_AMOUNT_QEPIK }),
        fc.constantFrom('az', 'en' as const),
        (q, locale) => {
          const back = parseAmount(formatAmountInput(q, locale as 'az' | 'en'));
          return back.ok && back.value === q;
        },
      ),
    );
  });
});
