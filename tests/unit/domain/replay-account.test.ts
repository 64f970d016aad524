import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemKey, replayAccount, type AccountEntry, type AccountState } from '@/lib/domain';
import { shuffle } from './shuffle';

const mdss = (side: 'EMPLOYER' | 'EMPLOYEE' | null, month: string | null) =>
  ({ category: 'MDSS', side, month }) as const;

let n = 0;
const entry = (
  date: string,
  amountQepik: number,
  target: AccountEntry['target'],
): AccountEntry => ({
  id: `e${String((n += 1)).padStart(4, '0')}`,
  date,
  amountQepik,
  target,
});

const replay = (entries: AccountEntry[]): AccountState => {
  const r = replayAccount(entries);
  if (!r.ok) throw new Error(r.code);
  return r.value;
};
const open = (s: AccountState, key: string) => s.items.find((i) => i.key === key)?.openQepik ?? 0;

describe('replayAccount (DOMAIN.md §4–§5)', () => {
  it('keeps each MDSS month and side apart, with the dated amounts that settled it', () => {
    const s = replay([
      entry('2025-07-31', 22_000, mdss('EMPLOYER', '2025-07')),
      entry('2025-07-31', 3_000, mdss('EMPLOYEE', '2025-07')),
      entry('2025-08-12', -10_000, mdss('EMPLOYER', '2025-07')),
    ]);
    expect(open(s, itemKey('MDSS', 'EMPLOYER', '2025-07'))).toBe(12_000);
    expect(open(s, itemKey('MDSS', 'EMPLOYEE', '2025-07'))).toBe(3_000);
    expect(s.items[0]?.reductions).toEqual([{ date: '2025-08-12', amountQepik: 10_000 }]);
    expect(s.balanceQepik).toBe(15_000);
  });

  it('a credit naming no month settles the oldest MDSS first, employer side before employee side', () => {
    const s = replay([
      entry('2025-08-31', 5_000, mdss('EMPLOYER', '2025-08')),
      entry('2025-01-01', 1_000, mdss('EMPLOYEE', '2024-12')),
      entry('2025-01-01', 2_000, mdss('EMPLOYER', '2024-12')),
      entry('2025-06-30', -2_500, mdss(null, null)),
    ]);
    expect(open(s, itemKey('MDSS', 'EMPLOYER', '2024-12'))).toBe(0);
    expect(open(s, itemKey('MDSS', 'EMPLOYEE', '2024-12'))).toBe(500);
    expect(open(s, itemKey('MDSS', 'EMPLOYER', '2025-08'))).toBe(5_000);
  });

  it('an overpayment is credit: it settles a later debt from the day that debt arises', () => {
    const s = replay([
      entry('2025-06-30', 10_000, mdss('EMPLOYER', '2025-06')),
      entry('2025-07-12', -14_000, mdss('EMPLOYER', '2025-06')),
      entry('2025-07-31', 3_000, mdss('EMPLOYEE', '2025-07')),
    ]);
    const july = s.items.find((i) => i.key === itemKey('MDSS', 'EMPLOYEE', '2025-07'));
    expect(july?.openQepik).toBe(0);
    expect(july?.reductions).toEqual([{ date: '2025-07-31', amountQepik: 3_000 }]);
    expect(s.credits).toEqual([{ date: '2025-07-12', amountQepik: 1_000 }]);
    expect(s.balanceQepik).toBe(-1_000);
  });

  it('a lowered overpayment takes back the latest credit; beyond it, it is a debt', () => {
    const s = replay([
      entry('2025-07-12', -3_000, { category: 'CREDIT' }),
      entry('2025-10-15', 5_000, { category: 'CREDIT' }),
    ]);
    expect(s.credits).toEqual([]);
    expect(open(s, 'OTHER')).toBe(2_000);
    expect(s.balanceQepik).toBe(2_000);
  });

  it('refuses an accrued MDSS amount without a month, and amounts that are not whole qəpik', () => {
    expect(replayAccount([entry('2025-07-31', 1, mdss('EMPLOYER', null))])).toMatchObject({
      ok: false,
      code: 'DEBIT_WITHOUT_MONTH',
    });
    expect(replayAccount([entry('2025-07-31', 1.5, { category: 'FINE' })])).toMatchObject({
      ok: false,
      code: 'AMOUNT_NOT_INTEGER_QEPIK',
    });
  });

  const months = ['2024-12', '2025-01', '2025-02', '2025-03'];
  const target = fc.oneof(
    fc.record({
      category: fc.constant('MDSS' as const),
      side: fc.constantFrom('EMPLOYER' as const, 'EMPLOYEE' as const, null),
      month: fc.constantFrom(...months, null),
    }),
    fc.record({
      category: fc.constantFrom(
        'PENALTY' as const,
        'FINE' as const,
        'OTHER' as const,
        'CREDIT' as const,
      ),
    }),
  );
  const entries = fc
    .array(
      fc.record({
        day: fc.integer({ min: 1, max: 28 }),
        month: fc.constantFrom('2025-01', '2025-02', '2025-03', '2025-04'),
        amountQepik: fc.integer({ min: -50_000, max: 50_000 }).filter((a) => a !== 0),
        target,
      }),
      { maxLength: 25 },
    )
    .map((rows) =>
      rows
        // An accrual always names its month (the ledger writes it so).
        .filter(
          (r) => !(r.amountQepik > 0 && r.target.category === 'MDSS' && r.target.month === null),
        )
        .map((r, i) => ({
          id: `e${String(i).padStart(3, '0')}`,
          date: `${r.month}-${String(r.day).padStart(2, '0')}`,
          amountQepik: r.amountQepik,
          target: r.target,
        })),
    );

  it('property: Σ open − Σ credit = Σ amounts; nothing settles beyond what accrued; input order does not matter', () => {
    fc.assert(
      fc.property(entries, fc.integer(), (list, seed) => {
        const s = replay(list);
        expect(s.balanceQepik).toBe(list.reduce((t, e) => t + e.amountQepik, 0));
        for (const item of s.items) {
          const settled = item.reductions.reduce((t, r) => t + r.amountQepik, 0);
          expect(item.openQepik).toBeGreaterThanOrEqual(0);
          expect(settled + item.openQepik).toBe(item.amountQepik);
          for (const r of item.reductions) expect(r.date >= item.arisesOn).toBe(true);
        }
        // Open debts and unused credit never stand side by side.
        if (s.credits.length > 0) expect(s.items.every((i) => i.openQepik === 0)).toBe(true);
        expect(replay(shuffle(list, seed))).toEqual(s);
      }),
      { seed: 20_261_201, numRuns: 400 },
    );
  });
});
