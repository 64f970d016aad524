import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributePayment, splitBetweenSides, splitEqually, type PersonDebt } from '@/lib/domain';
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

describe('employer and employee sides (DOMAIN.md §7)', () => {
  it.each([
    [{ paidQepik: 1000, employerDueQepik: 2200, employeeDueQepik: 300 }, 880, 120, 0],
    [{ paidQepik: 1001, employerDueQepik: 2200, employeeDueQepik: 300 }, 881, 120, 0], // 120.12 → remainder to employer
    [{ paidQepik: 1, employerDueQepik: 1, employeeDueQepik: 1 }, 1, 0, 0],
    [{ paidQepik: 7, employerDueQepik: 1, employeeDueQepik: 1 }, 1, 1, 5],
    [{ paidQepik: 5, employerDueQepik: 0, employeeDueQepik: 0 }, 0, 0, 5],
    [{ paidQepik: 2500, employerDueQepik: 2200, employeeDueQepik: 300 }, 2200, 300, 0],
  ])('%o → employer %i, employee %i, excess %i', (input, employer, employee, excess) => {
    expect(splitBetweenSides(input)).toEqual({
      ok: true,
      value: { employerQepik: employer, employeeQepik: employee, excessQepik: excess },
    });
  });

  it('never exceeds either due and conserves the paid amount', () => {
    fc.assert(
      fc.property(fc.nat(1e12), fc.nat(1e12), fc.nat(1e12), (paid, employerDue, employeeDue) => {
        const r = splitBetweenSides({
          paidQepik: paid,
          employerDueQepik: employerDue,
          employeeDueQepik: employeeDue,
        });
        if (!r.ok) throw new Error(r.code);
        expect(r.value.employerQepik + r.value.employeeQepik + r.value.excessQepik).toBe(paid);
        expect(r.value.employerQepik).toBeLessThanOrEqual(employerDue);
        expect(r.value.employeeQepik).toBeLessThanOrEqual(employeeDue);
      }),
    );
  });

  it('rejects negative dues', () => {
    expect(
      splitBetweenSides({ paidQepik: 1, employerDueQepik: -1, employeeDueQepik: 0 }),
    ).toMatchObject({ code: 'AMOUNT_NEGATIVE' });
  });
});

describe('distributePayment over persons, months and sides', () => {
  it('covers months oldest first within each person share', () => {
    const result = distributePayment(30_000, [
      { fin: 'BBBBBB2', month: '2025-08', employerQepik: 22_000, employeeQepik: 3_000 },
      { fin: 'BBBBBB2', month: '2025-07', employerQepik: 2_200, employeeQepik: 300 },
      { fin: 'AAAAAA1', month: '2025-07', employerQepik: 2_200, employeeQepik: 300 },
    ]);
    // A owes 2 500 (fully paid); B gets 27 500: July 2 500, August 25 000
    expect(result).toEqual({
      ok: true,
      value: {
        rows: [
          { fin: 'AAAAAA1', month: '2025-07', employerQepik: 2200, employeeQepik: 300 },
          { fin: 'BBBBBB2', month: '2025-07', employerQepik: 2200, employeeQepik: 300 },
          { fin: 'BBBBBB2', month: '2025-08', employerQepik: 22_000, employeeQepik: 3000 },
        ],
        distributedQepik: 30_000,
        undistributedQepik: 0,
      },
    });
  });
});

describe('distributePayment invariants', () => {
  const dueRows = fc
    .uniqueArray(fc.stringMatching(/^[0-9A-Z]{5,7}$/), { minLength: 1, maxLength: 15 })
    .chain((fins) =>
      fc.tuple(
        ...fins.flatMap((fin) =>
          ['2025-07', '2025-08', '2025-09'].map((month) =>
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

  it('conserves the payment, never exceeds a due, and ignores input order', () => {
    fc.assert(
      fc.property(dueRows, fc.nat(3_000_000), fc.integer(), (dues, paid, seed) => {
        const result = distributePayment(paid, dues);
        if (!result.ok) throw new Error(result.code);
        const total = result.value.rows.reduce((s, r) => s + r.employerQepik + r.employeeQepik, 0);
        expect(total).toBe(result.value.distributedQepik);
        expect(total + result.value.undistributedQepik).toBe(paid);
        for (const row of result.value.rows) {
          const due = dues.find((d) => d.fin === row.fin && d.month === row.month)!;
          expect(row.employerQepik).toBeLessThanOrEqual(due.employerQepik);
          expect(row.employeeQepik).toBeLessThanOrEqual(due.employeeQepik);
        }
        expect(distributePayment(paid, shuffle(dues, seed))).toEqual(result);
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
