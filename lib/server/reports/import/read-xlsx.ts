import 'server-only';
import ExcelJS from 'exceljs';
import type { Grid } from './grid';
import { AppError } from '../../errors';

/**
 * A cell as the user sees it. Numbers are amounts in AZN: binary floating point may store
 * 1234.56 as 1234.5599999999999, so a value within a millionth of a whole qəpik is written
 * with two decimals; anything else keeps its digits and the amount check refuses it.
 */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    const cents = value * 100;
    return Math.abs(cents - Math.round(cents)) < 1e-6
      ? (Math.round(cents) / 100).toFixed(2)
      : String(value);
  }
  if (value instanceof Date) return value.toISOString().slice(0, 7); // a header Excel turned into a date
  return cell.text ?? '';
}

function isFormula(cell: ExcelJS.Cell): boolean {
  if (cell.type === ExcelJS.ValueType.Formula) return true;
  const value = cell.value as { formula?: unknown; sharedFormula?: unknown } | null;
  return (
    typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value)
  );
}

/** The first worksheet of an XLSX file as a grid; formula cells are marked, never evaluated. */
export async function readXlsx(data: Uint8Array): Promise<Grid> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch {
    throw new AppError('FILE_TYPE'); // a zip, but not a workbook
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw new AppError('FILE_EMPTY');
  const width = sheet.columnCount;
  const grid: Grid = { header: [], rows: [] };
  let headerSeen = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const formulaColumns: number[] = [];
    for (let c = 1; c <= width; c += 1) {
      const cell = row.getCell(c);
      if (isFormula(cell)) formulaColumns.push(c - 1);
      cells.push(cellText(cell).trim());
    }
    if (!headerSeen) {
      grid.header = cells;
      headerSeen = true;
    } else if (cells.some((c) => c !== '') || formulaColumns.length > 0) {
      grid.rows.push({ line: rowNumber, cells, formulaColumns });
    }
  });
  return grid;
}
