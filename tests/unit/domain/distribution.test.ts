import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributePayment, splitEqually, type PersonDebt } from '@/lib/domain';
import { shuffle } from './shuffle';

/** DOMAIN.md §7 read literally, one round at a time: the reference the fast version must match. */
function naiveSplit(paid: number, persons: readonly PersonDebt[]): Map<string, number> {
  const share = new Map(persons.map((p) => [p.fin, 0]));
  let remaining = paid;
  let open = persons.filter((p) => p.debtQepik > 0);
  while (open.length > 0 && remaining >= open.length) {
    const step = Math.floor(remaining / open.length);
    for (const p of open) {
      const give = Math.min(step, p.debtQepik - share.get(p.fin)!);
      share.set(p.fin, share.get(p.fin)! + give);
      remaining -= give;
    }
    open = open.filter((p) => share.get(p.fin)! < p.debtQepik);
  }
  for (const p of [...open].sort((a, b) => (a.fin < b.fin ? -1 : 1))) {
    if (remaining === 0) break;
    share.set(p.fin, share.get(p.fin)! + 1);
    remaining -= 1;
  }
  return share;
}

describe('equal split among persons in debt (DOMAIN.md §7)', () => {
  it('water-fills: the small debt is paid, the rest share equally', () => {
    const result = splitEqually(1000, [
      { fin: 'CCCCCC3', debtQepik: 1000 },
      { fin: 'AAAAAA1', debtQepik: 100 },
      { fin: 'BBBBBB2', debtQepik: 500 },
    ]);
    expect(result).toEqual({
      ok: true,
      value: {
        shares: [
          { fin: 'AAAAAA1', debtQepik: 100, shareQepik: 100 },
          { fin: 'BBBBBB2', debtQepik: 500, shareQepik: 450 },
          { fin: 'CCCCCC3', debtQepik: 1000, shareQepik: 450 },
        ],
        distributedQepik: 1000,
        undistributedQepik: 0,
      },
    });
  });

  it('gives the remainder one qəpik at a time in FIN order', () => {
    const result = splitEqually(10, [
      { fin: 'ZZZZZZ9', debtQepik: 100 },
      { fin: 'AAAAAA1', debtQepik: 100 },
      { fin: 'MMMMMM5', debtQepik: 100 },
    ]);
    expect(result.ok && result.value.shares.map((s) => [s.fin, s.shareQepik])).toEqual([
      ['AAAAAA1', 4],
      ['MMMMMM5', 3],
      ['ZZZZZZ9', 3],
    ]);
  });

  it('leaves what exceeds all debts undistributed, and skips persons without debt', () => {
    const result = splitEqually(500, [
      { fin: 'AAAAAA1', debtQepik: 100 },
      { fin: 'BBBBBB2', debtQepik: 200 },
      { fin: 'CCCCCC3', debtQepik: 0 },
    ]);
    expect(result).toMatchObject({
      ok: true,
      value: {
        shares: [{ shareQepik: 100 }, { shareQepik: 200 }, { shareQepik: 0 }],
        distributedQepik: 300,
        undistributedQepik: 200,
      },
    });
    expect(splitEqually(0, [])).toEqual({
      ok: true,
      value: { shares: [], distributedQepik: 0, undistributedQepik: 0 },
    });
  });

  it.each([
    [-1, [], 'AMOUNT_NEGATIVE'],
    [1.5, [], 'AMOUNT_NOT_INTEGER_QEPIK'],
    [1, [{ fin: 'A', debtQepik: -1 }], 'AMOUNT_NEGATIVE'],
    [
      1,
      [
        { fin: 'A', debtQepik: 1 },
        { fin: 'A', debtQepik: 2 },
      ],
      'DUPLICATE_FIN',
    ],
  ])('bad input %#: %s', (paid, persons, code) => {
    expect(splitEqually(paid, persons)).toMatchObject({ ok: false, code });
  });

  const people = fc
    .uniqueArray(fc.stringMatching(/^[0-9A-HJ-NP-Z]{7}$/), { maxLength: 40 })
    .chain((fins) =>
      fc.tuple(
        ...fins.map((fin) =>
          fc.record({
            fin: fc.constant(fin),
            debtQepik: fc.oneof(
              fc.integer({ min: 0, max: 50 }),
              fc.integer({ min: 0, max: 10_000_000 }),
            ),
          }),
        ),
      ),
    );

  it('shares sum to min(P, Σ debts), none exceeds its debt, order does not matter, matches the literal rule', () => {
    fc.assert(
      fc.property(
        people,
        fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 500_000_000 })),
        fc.integer(),
        (persons, paid, seed) => {
          const result = splitEqually(paid, persons);
          if (!result.ok) throw new Error(result.code);
          const totalDebt = persons.reduce((s, p) => s + p.debtQepik, 0);
          const sum = result.value.shares.reduce((s, p) => s + p.shareQepik, 0);
          expect(sum).toBe(Math.min(paid, totalDebt));
          expect(result.value.distributedQepik + result.value.undistributedQepik).toBe(paid);
          for (const s of result.value.shares)
            expect(s.shareQepik).toBeLessThanOrEqual(s.debtQepik);
          expect(splitEqually(paid, shuffle(persons, seed))).toEqual(result);
          const reference = naiveSplit(paid, persons);
          for (const s of result.value.shares) expect(s.shareQepik).toBe(reference.get(s.fin));
        },
      ),
    );
  });
});

describe('distributePayment: per month and side (DOMAIN.md §5, §7)', () => {
  it('splits what was applied to each month and side among the persons who owe it', () => {
    const result = distributePayment(
      [
        { month: '2025-07', employerQepik: 4_000, employeeQepik: 600 },
        { month: '2025-08', employerQepik: 1_000, employeeQepik: 0 },
      ],
      [
        { fin: 'BBBBBB2', month: '2025-08', employerQepik: 22_000, employeeQepik: 3_000 },
        { fin: 'BBBBBB2', month: '2025-07', employerQepik: 2_200, employeeQepik: 300 },
        { fin: 'AAAAAA1', month: '2025-07', employerQepik: 2_200, employeeQepik: 300 },
      ],
    );
    // July employer: 4 000 over two dues of 2 200 → 2 000 each; employee 600 → 300 each.
    expect(result).toEqual({
      ok: true,
      value: {
        rows: [
          { fin: 'AAAAAA1', month: '2025-07', employerQepik: 2000, employeeQepik: 300 },
          { fin: 'BBBBBB2', month: '2025-07', employerQepik: 2000, employeeQepik: 300 },
          { fin: 'BBBBBB2', month: '2025-08', employerQepik: 1000, employeeQepik: 0 },
        ],
        distributedQepik: 5_600,
        undistributedQepik: 0,
      },
    });
  });

  it('water-fills inside a bucket: the small due is paid, the last qəpik goes in FIN order', () => {
    const result = distributePayment(
      [{ month: '2025-07', employerQepik: 1_001, employeeQepik: 0 }],
      [
        { fin: 'CCCCCC3', month: '2025-07', employerQepik: 1_000, employeeQepik: 0 },
        { fin: 'AAAAAA1', month: '2025-07', employerQepik: 100, employeeQepik: 0 },
        { fin: 'BBBBBB2', month: '2025-07', employerQepik: 500, employeeQepik: 0 },
      ],
    );
    expect(result.ok && result.value.rows.map((r) => [r.fin, r.employerQepik])).toEqual([
      ['AAAAAA1', 100],
      ['BBBBBB2', 451],
      ['CCCCCC3', 450],
    ]);
  });

  it('keeps what exceeds a bucket undistributed, and refuses a FIN twice in a month', () => {
    const over = distributePayment(
      [{ month: '2025-07', employerQepik: 0, employeeQepik: 900 }],
      [{ fin: 'AAAAAA1', month: '2025-07', employerQepik: 2_200, employeeQepik: 300 }],
    );
    expect(over).toMatchObject({
      ok: true,
      value: { distributedQepik: 300, undistributedQepik: 600 },
    });
    const twice = distributePayment(
      [],
      [
        { fin: 'AAAAAA1', month: '2025-07', employerQepik: 1, employeeQepik: 1 },
        { fin: 'AAAAAA1', month: '2025-07', employerQepik: 1, employeeQepik: 1 },
      ],
    );
    expect(twice).toMatchObject({ ok: false, code: 'DUPLICATE_FIN' });
    expect(
      distributePayment([{ month: '2025-07', employerQepik: -1, employeeQepik: 0 }], []),
    ).toMatchObject({ ok: false, code: 'AMOUNT_NEGATIVE' });
  });
});

describe('distributePayment invariants', () => {
  const months = ['2025-07', '2025-08', '2025-09'];
  const dueRows = fc
    .uniqueArray(fc.stringMatching(/^[0-9A-Z]{5,7}$/), { minLength: 1, maxLength: 15 })
    .chain((fins) =>
      fc.tuple(
        ...fins.flatMap((fin) =>
          months.map((month) =>
            fc.record({
              fin: fc.constant(fin),
              month: fc.constant(month),
              employerQepik: fc.nat(100_000),
              employeeQepik: fc.nat(20_000),
            }),
          ),
        ),
      ),
    );
  const paidRows = fc.tuple(
    ...months.map((month) =>
      fc.record({
        month: fc.constant(month),
        employerQepik: fc.nat(1_500_000),
        employeeQepik: fc.nat(300_000),
      }),
    ),
  );

  it('per month and side: shares sum to min(paid, Σ dues), none exceeds its due, order does not matter', () => {
    fc.assert(
      fc.property(dueRows, paidRows, fc.integer(), (dues, paid, seed) => {
        const result = distributePayment(paid, dues);
        if (!result.ok) throw new Error(result.code);
        for (const p of paid) {
          for (const side of ['employerQepik', 'employeeQepik'] as const) {
            const due = dues.filter((d) => d.month === p.month).reduce((t, d) => t + d[side], 0);
            const got = result.value.rows
              .filter((r) => r.month === p.month)
              .reduce((t, r) => t + r[side], 0);
            expect(got).toBe(Math.min(p[side], due));
          }
        }
        const total = result.value.rows.reduce((s, r) => s + r.employerQepik + r.employeeQepik, 0);
        expect(total).toBe(result.value.distributedQepik);
        const paidTotal = paid.reduce((t, p) => t + p.employerQepik + p.employeeQepik, 0);
        expect(total + result.value.undistributedQepik).toBe(paidTotal);
        for (const row of result.value.rows) {
          const due = dues.find((d) => d.fin === row.fin && d.month === row.month)!;
          expect(row.employerQepik).toBeLessThanOrEqual(due.employerQepik);
          expect(row.employeeQepik).toBeLessThanOrEqual(due.employeeQepik);
        }
        expect(distributePayment(shuffle(paid, seed), shuffle(dues, seed))).toEqual(result);
      }),
    );
  });

  it('orders FINs of different lengths and non-FIN strings like plain string comparison', () => {
    const fins = ['ABCDF', 'ABCDE1', 'ABCDE', '9ZZZZZZ', 'A0000', 'lower', 'ÇƏ12345', 'ABCDEFGHIJ'];
    const result = splitEqually(
      8,
      fins.map((fin) => ({ fin, debtQepik: 5 })),
    );
    expect(result.ok && result.value.shares.map((s) => s.fin)).toEqual([...fins].sort());
    const valid = fins.slice(0, 5);
    const packed = splitEqually(
      3,
      valid.map((fin) => ({ fin, debtQepik: 5 })),
    );
    expect(packed.ok && packed.value.shares.map((s) => [s.fin, s.shareQepik])).toEqual([
      ['9ZZZZZZ', 1],
      ['A0000', 1],
      ['ABCDE', 1],
      ['ABCDE1', 0],
      ['ABCDF', 0],
    ]);
  });
});
