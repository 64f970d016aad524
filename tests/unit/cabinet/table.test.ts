import { describe, expect, it } from 'vitest';
import { cabinetTable, tableTotals, type CabinetColumn } from '@/lib/cabinet/table';

const COLUMNS: CabinetColumn[] = [
  { key: 'month', label: 'x.month', kind: 'month' },
  { key: 'amount', label: 'x.amount', kind: 'money', total: true },
  { key: 'days', label: 'x.days', kind: 'integer', total: true },
];

describe('cabinet tables (issue 13 §3, §12)', () => {
  it('sums the total columns exactly, beyond 2^53 in the parts', () => {
    const rows = [
      { key: 'a', cells: { month: '2025-01', amount: 4_503_599_627_370_495, days: 1 } },
      { key: 'b', cells: { month: '2025-02', amount: 1, days: null } },
      { key: 'c', cells: { month: '2025-03', amount: -4_503_599_627_370_496, days: 30 } },
    ];
    expect(tableTotals(COLUMNS, rows)).toEqual({ amount: 0, days: 31 });
  });

  it('refuses a total that a number cannot hold exactly', () => {
    const big = Number.MAX_SAFE_INTEGER;
    const rows = [
      { key: 'a', cells: { amount: big } },
      { key: 'b', cells: { amount: big } },
    ];
    expect(() => tableTotals(COLUMNS, rows)).toThrow(RangeError);
  });

  it('has no foot when nothing is summed', () => {
    const table = cabinetTable({
      id: 't',
      title: 'x.t',
      columns: [{ key: 'name', label: 'x.name', kind: 'text' }],
      rows: [{ key: '1', cells: { name: 'A' } }],
    });
    expect(table.totals).toBeNull();
  });
});
