import 'server-only';
import ExcelJS from 'exceljs';
import type { CabinetCell, CabinetColumn, CabinetTable } from '@/lib/cabinet/table';
import { formatDate } from '@/lib/i18n/format-date';

export type CabinetExportFormat = 'csv' | 'xlsx';
export type CabinetExport = { data: Buffer; filename: string; contentType: string };

/** What the download needs to write labels: the column and table texts in the user's language. */
export interface ExportLabels {
  readonly column: (key: string) => string;
  readonly table: (key: string) => string;
  readonly total: string;
  /** "Made on dd.mm.yyyy for <employer>, code …" — the heading a statement carries. */
  readonly heading: readonly string[];
}

/** CSV money as Excel reads it with a decimal comma, the way the import template is written. */
function csvMoney(qepik: number): string {
  const negative = qepik < 0;
  const abs = Math.abs(qepik);
  const text = `${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

function csvCell(column: CabinetColumn, value: CabinetCell): string {
  if (value === null) return '';
  if (column.kind === 'money' && typeof value === 'number') return csvMoney(value);
  if (column.kind === 'date' && typeof value === 'string') return formatDate(value);
  return String(value);
}

/** RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula. */
function quote(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csv(tables: readonly CabinetTable[], labels: ExportLabels): Buffer {
  const lines: string[] = labels.heading.map((h) => quote(h));
  for (const table of tables) {
    lines.push('', quote(labels.table(table.title)));
    if (table.caption) lines.push(quote(table.caption));
    lines.push(table.columns.map((c) => quote(labels.column(c.label))).join(';'));
    for (const row of table.rows) {
      lines.push(table.columns.map((c) => quote(csvCell(c, row.cells[c.key] ?? null))).join(';'));
    }
    if (table.totals) {
      lines.push(
        table.columns
          .map((c, i) => {
            const total = table.totals?.[c.key];
            if (total !== undefined) return quote(csvCell(c, total));
            return i === 0 ? quote(labels.total) : '';
          })
          .join(';'),
      );
    }
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

function xlsxValue(column: CabinetColumn, value: CabinetCell): string | number | null {
  if (value === null) return null;
  if (column.kind === 'money' && typeof value === 'number') return value / 100;
  if (column.kind === 'date' && typeof value === 'string') return formatDate(value);
  return value;
}

async function xlsx(tables: readonly CabinetTable[], labels: ExportLabels): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const used = new Set<string>();
  for (const table of tables) {
    // Sheet names: at most 31 characters, unique, none of : \ / ? * [ ].
    let name = labels
      .table(table.title)
      .replace(/[:\\/?*[\]]/g, ' ')
      .slice(0, 28);
    while (used.has(name)) name = `${name.slice(0, 26)}_${used.size}`;
    used.add(name);
    const sheet = workbook.addWorksheet(name);
    for (const h of labels.heading) sheet.addRow([h]);
    if (table.caption) sheet.addRow([table.caption]);
    sheet.addRow([]);
    const header = sheet.addRow(table.columns.map((c) => labels.column(c.label)));
    header.font = { bold: true };
    for (const row of table.rows) {
      sheet.addRow(table.columns.map((c) => xlsxValue(c, row.cells[c.key] ?? null)));
    }
    if (table.totals) {
      const foot = sheet.addRow(
        table.columns.map((c, i) => {
          const total = table.totals?.[c.key];
          if (total !== undefined) return xlsxValue(c, total);
          return i === 0 ? labels.total : null;
        }),
      );
      foot.font = { bold: true };
    }
    table.columns.forEach((c, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = c.kind === 'text' ? 32 : 16;
      // Text columns stay text: a FIN's leading zero or '2025-07' must not become a number/date.
      if (c.kind === 'money') column.numFmt = '#,##0.00';
      else if (c.kind !== 'integer') column.numFmt = '@';
    });
    sheet.views = [
      { state: 'frozen', ySplit: labels.heading.length + (table.caption ? 1 : 0) + 2 },
    ];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A view's tables as a download with the screen's columns, rows and totals. */
export async function exportCabinetTables(
  tables: readonly CabinetTable[],
  format: CabinetExportFormat,
  labels: ExportLabels,
  basename: string,
): Promise<CabinetExport> {
  const filename = `${basename.replace(/[^0-9A-Za-z._-]/g, '-')}.${format}`;
  if (format === 'csv') {
    return { data: csv(tables, labels), filename, contentType: 'text/csv; charset=utf-8' };
  }
  return {
    data: await xlsx(tables, labels),
    filename,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}
