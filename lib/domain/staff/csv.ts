// CSV for spreadsheets (issue 14 §12): RFC 4180 quoting with ';' (Excel in az/ru locales), a
// UTF-8 byte-order mark so Excel reads Azerbaijani letters, and formula injection defused: a
// cell starting with = + - @ (or a tab / carriage return) is prefixed with a quote.

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(CSV_SEPARATOR)}\r\n`;
}
