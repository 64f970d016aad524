import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cabinetTable } from '@/lib/cabinet/table';
import { exportCabinetTables } from '@/lib/server/cabinet/export-tables';

const TABLE = cabinetTable({
  id: 'payments',
  title: 't.payments',
  columns: [
    { key: 'date', label: 'c.date', kind: 'date' },
    { key: 'memo', label: 'c.memo', kind: 'text' },
    { key: 'fin', label: 'c.fin', kind: 'code' },
    { key: 'amount', label: 'c.amount', kind: 'money', total: true },
  ],
  rows: [
    {
      key: '1',
      cells: { date: '2025-04-15', memo: 'Aprel; "MDSS"', fin: '0AB12C3', amount: 123456 },
    },
    { key: '2', cells: { date: '2025-05-15', memo: '=HYPERLINK("x")', fin: null, amount: -5 } },
  ],
});
const LABELS = {
  column: (k: string) => `[${k}]`,
  table: (k: string) => `{${k}}`,
  total: 'Cəmi',
  heading: ['Xəzər MMC · 17. Sığortaedənin ödənişləri'],
};

describe('cabinet downloads (issue 13 §12)', () => {
  it('writes CSV as the screen shows it: BOM, ";", decimal comma, dd.mm.yyyy, the total', async () => {
    const file = await exportCabinetTables([TABLE], 'csv', LABELS, 'kabinet-17');
    const text = file.data.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toEqual([
      'Xəzər MMC · 17. Sığortaedənin ödənişləri',
      '',
      '{t.payments}',
      '[c.date];[c.memo];[c.fin];[c.amount]',
      '15.04.2025;"Aprel; ""MDSS""";0AB12C3;1234,56',
      `15.05.2025;"'=HYPERLINK(""x"")";;-0,05`,
      'Cəmi;;;1234,51',
      '',
    ]);
    expect(file.filename).toBe('kabinet-17.csv');
  });

  it('writes XLSX with numbers for money and text for a FIN', async () => {
    const file = await exportCabinetTables([TABLE], 'xlsx', LABELS, 'kabinet 17/../x');
    expect(file.filename).toBe('kabinet-17-..-x.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.data as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '[c.date]',
      '[c.memo]',
      '[c.fin]',
      '[c.amount]',
    ]);
    expect(sheet.getRow(4).getCell(4).value).toBe(1234.56);
    expect(sheet.getRow(4).getCell(3).value).toBe('0AB12C3');
    expect(sheet.getRow(6).getCell(1).value).toBe('Cəmi');
    expect(sheet.getRow(6).getCell(4).value).toBe(1234.51);
  });
});
