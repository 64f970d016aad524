import 'server-only';
import type { MonthKey } from '@/lib/domain';
import type { Grid } from './grid';
import {
  classifyHeader,
  FIN_COLUMN,
  NAME_COLUMN,
  rejectedCell,
  SURNAME_COLUMN,
  type PersonRowInput,
  type RejectedCell,
} from './person-rows';
import { MAX_FILE_BYTES } from './limits';
import { readGrid } from './read-grid';
import { AppError } from '../../errors';

export { MAX_FILE_BYTES };

export type ParsedPersonFile = {
  format: 'csv' | 'xlsx';
  rows: PersonRowInput[];
  /** Cells refused while reading (formula cells); their rows are not in `rows`. */
  rejected: RejectedCell[];
};

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // 'PK\x03\x04': XLSX is a zip
// An OLE compound file: an old .xls, or how Excel stores a password-protected workbook — then
// it holds an 'EncryptionInfo' stream (MS-OFFCRYPTO §2.3.4), named in UTF-16.
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

/** A file no reader takes: an encrypted workbook is told so, anything else is the wrong type. */
function refuseCompoundFile(data: Uint8Array): never {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  throw new AppError(bytes.includes(ENCRYPTION_INFO) ? 'FILE_ENCRYPTED' : 'FILE_TYPE');
}

/** Where each needed column is; missing ones are refused by name, months outside the quarter too. */
function mapColumns(header: string[], months: readonly MonthKey[]) {
  const found = { fin: -1, surname: -1, name: -1, months: months.map(() => -1) };
  header.forEach((text, index) => {
    const kind = classifyHeader(text);
    if (kind.kind === 'month') {
      const m = months.indexOf(kind.month);
      if (m === -1)
        throw new AppError('COLUMN_MONTH_OUTSIDE_QUARTER', {
          column: text,
          params: { column: text },
        });
      if (found.months[m] === -1) found.months[m] = index;
    } else if (kind.kind !== 'other' && found[kind.kind] === -1) {
      found[kind.kind] = index;
    }
  });
  const missing = [
    ...(found.fin === -1 ? [FIN_COLUMN] : []),
    ...(found.surname === -1 ? [SURNAME_COLUMN] : []),
    ...(found.name === -1 ? [NAME_COLUMN] : []),
    ...months.filter((_, i) => found.months[i] === -1),
  ];
  if (missing.length > 0)
    throw new AppError('COLUMNS_MISSING', { params: { columns: missing.join(', ') } });
  return found;
}

/**
 * Reads an uploaded persons table (issue 5 §8): CSV (',' or ';', UTF-8 with or without BOM) or
 * XLSX, told apart by content, not by name. Columns FIN, Soyad/Surname, Ad/Name and one income
 * column per month of the quarter ('2025-07', 'İyul 2025', 'July 2025'); others are ignored.
 * File-level problems throw AppError; formula cells are refused per cell. The file is read in a
 * worker within the bounds of limits.ts (issue 12 §5).
 */
export async function parsePersonFile(
  data: Uint8Array,
  months: readonly MonthKey[],
): Promise<ParsedPersonFile> {
  if (data.byteLength === 0) throw new AppError('FILE_EMPTY');
  if (data.byteLength > MAX_FILE_BYTES)
    throw new AppError('FILE_TOO_LARGE', { params: { maxMb: MAX_FILE_BYTES / 1024 / 1024 } });
  if (CFB_MAGIC.every((byte, i) => data[i] === byte)) refuseCompoundFile(data);
  const isZip = ZIP_MAGIC.every((byte, i) => data[i] === byte);
  const grid: Grid = await readGrid(data, isZip ? 'xlsx' : 'csv');
  const columns = mapColumns(grid.header, months);
  const names = [FIN_COLUMN, SURNAME_COLUMN, NAME_COLUMN, ...months];
  const indexes = [columns.fin, columns.surname, columns.name, ...columns.months];
  const rows: PersonRowInput[] = [];
  const rejected: RejectedCell[] = [];
  for (const row of grid.rows) {
    const cell = (index: number) => (row.cells[index] ?? '').trim();
    const formulas = indexes.flatMap((index, k) => (row.formulaColumns.includes(index) ? [k] : []));
    if (formulas.length > 0) {
      for (const k of formulas)
        rejected.push(rejectedCell(row.line, names[k]!, 'FORMULA_NOT_ALLOWED', cell(indexes[k]!)));
      continue;
    }
    if (indexes.every((index) => cell(index) === '')) continue; // a row of other columns only
    rows.push({
      line: row.line,
      fin: cell(columns.fin),
      surname: cell(columns.surname),
      name: cell(columns.name),
      incomes: columns.months.map((index) => cell(index)),
    });
  }
  return { format: isZip ? 'xlsx' : 'csv', rows, rejected };
}
