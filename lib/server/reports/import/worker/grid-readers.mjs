// The readers the parse worker runs (issue 5 §8, issue 12 §5). Plain JavaScript because a
// worker thread loads its file with Node at run time, outside the Next.js bundle (next dev,
// next start and vitest alike); types are in grid-readers.d.mts. No 'server-only' here: that
// package throws outside the bundler's server condition, and nothing in the browser bundle can
// reach this file (it is only ever named by path, never imported by app code).
import { inflateRawSync } from 'node:zlib';

// The parsers are imported when a file needs them, not when the worker starts: a bomb refused
// while its parts are inflated never pays for loading exceljs (~0.3 s of CPU a worker).
const loadCsvParse = async () => (await import('csv-parse/sync')).parse;
const loadExcelJs = async () => (await import('exceljs')).default;

/** A refusal with one of our AppError codes; read-grid.ts rethrows it as an AppError. */
export class GridRefusal extends Error {
  /** @param {string} code @param {Record<string, string | number>} [params] */
  constructor(code, params = {}) {
    super(code);
    this.code = code;
    this.params = params;
  }
}

// --- bounds -----------------------------------------------------------------------------------

/** @param {{ maxRows: number }} limits @param {number} rows data rows (header excluded) */
function checkRowCount(rows, limits) {
  if (rows > limits.maxRows) throw new GridRefusal('FILE_TOO_MANY_ROWS', { max: limits.maxRows });
}

/** @param {string[]} cells @param {number} line @param {{ maxColumns: number, maxCellChars: number }} limits */
function checkCells(cells, line, limits) {
  if (cells.length > limits.maxColumns)
    throw new GridRefusal('FILE_TOO_MANY_COLUMNS', { max: limits.maxColumns });
  for (const cell of cells)
    if (cell.length > limits.maxCellChars)
      throw new GridRefusal('FILE_CELL_TOO_LONG', { line, max: limits.maxCellChars });
}

// --- CSV --------------------------------------------------------------------------------------

/** ',' or ';', whichever the header line has more of outside quotes (Excel in az/ru locales writes ';'). */
function detectDelimiter(text) {
  const end = text.indexOf('\n');
  const header = (end === -1 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  const count = (c) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** Decodes UTF-8 (with or without BOM) strictly: a wrong encoding is refused, never mangled. */
function decode(data) {
  const head = data.subarray(0, 8192);
  if (head.includes(0)) throw new GridRefusal('FILE_TYPE'); // binary, not text
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    throw new GridRefusal('FILE_ENCODING');
  }
}

/**
 * Payroll exports rarely quote anything; without a quote character a CSV is just lines and
 * delimiters, and splitting it directly is several times faster than the general parser
 * (a 50 000-person file is the case that matters). Same result: physical line numbers,
 * blank lines skipped, cells untrimmed.
 */
function readUnquoted(text, delimiter, limits) {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split('\n');
  const records = [];
  for (let i = 0; i < lines.length; i += 1) {
    const raw = lines[i];
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') continue;
    const cells = line.split(delimiter);
    checkCells(cells, i + 1, limits);
    records.push({ line: i + 1, cells });
    checkRowCount(records.length - 1, limits);
  }
  const [header, ...rows] = records;
  if (!header) throw new GridRefusal('FILE_EMPTY');
  return { header: header.cells, rows: rows.map((r) => ({ ...r, formulaColumns: [] })) };
}

/** csv-parse's codes for a quote out of place (its README, "Errors"). */
const QUOTE_ERRORS = new Set([
  'CSV_INVALID_CLOSING_QUOTE',
  'CSV_QUOTE_NOT_CLOSED',
  'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE',
  'INVALID_OPENING_QUOTE',
]);

/** A csv-parse failure in our words: its codes are for developers, never shown (issue 12 §6). */
function csvRefusal(error, limits) {
  const code = typeof error?.code === 'string' ? error.code : '';
  const line = typeof error?.lines === 'number' && error.lines > 0 ? error.lines : null;
  if (code === 'CSV_MAX_RECORD_SIZE')
    return new GridRefusal('FILE_CELL_TOO_LONG', { line: line ?? 1, max: limits.maxCellChars });
  if (QUOTE_ERRORS.has(code) && line !== null) return new GridRefusal('FILE_CSV_QUOTE', { line });
  return line === null
    ? new GridRefusal('FILE_UNREADABLE')
    : new GridRefusal('FILE_UNREADABLE_AT_LINE', { line });
}

/** A CSV file as a grid of cell texts with line numbers (issue 5 §8), within the limits. */
export async function readCsv(data, limits) {
  const text = decode(data);
  const delimiter = detectDelimiter(text);
  if (!text.includes('"')) return readUnquoted(text, delimiter, limits);
  const parse = await loadCsvParse();
  let records;
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
      // One record may not hold more than every column at its longest; parsing stops one
      // record past the row limit so a huge file is not read to its end to be refused.
      max_record_size: limits.maxColumns * (limits.maxCellChars + 3),
      to: limits.maxRows + 2,
    });
  } catch (error) {
    throw csvRefusal(error, limits);
  }
  const [header, ...rows] = records;
  if (!header) throw new GridRefusal('FILE_EMPTY');
  checkRowCount(rows.length, limits);
  for (const r of records) checkCells(r.record, r.info.lines, limits);
  return {
    header: header.record,
    rows: rows.map((r) => ({ line: r.info.lines, cells: r.record, formulaColumns: [] })),
  };
}

// --- XLSX -------------------------------------------------------------------------------------

const LOCAL_SIGNATURE = 0x04034b50;
const ROW_TAG = Buffer.from('<row');
const CELL_TAG = Buffer.from('<c');
const AFTER_NAME = new Set([0x20, 0x3e, 0x2f, 0x09, 0x0a, 0x0d]); // space > / tab LF CR

/** Elements named `tag` in XML, counted without parsing it: '<row ' opens one, '<rowBreaks' not. */
function countTags(xml, tag) {
  let count = 0;
  for (let at = xml.indexOf(tag); at !== -1; at = xml.indexOf(tag, at + tag.length))
    if (AFTER_NAME.has(xml[at + tag.length])) count += 1;
  return count;
}

/**
 * Inflates every part with its declared size as the cap, before the spreadsheet library does:
 * the central directory was judged on the main thread, and a part that unpacks to more than it
 * declared is a bomb that lied there. Worksheets are counted for rows and cells on the way:
 * exceljs keeps an object per cell (~500 bytes), so the cell count is what its heap follows.
 */
export function verifyZip(data, entries, limits) {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  for (const entry of entries) {
    const at = entry.localHeaderOffset;
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_SIGNATURE)
      throw new GridRefusal('FILE_DAMAGED');
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const stored = bytes.subarray(start, start + entry.compressedSize);
    if (stored.length !== entry.compressedSize) throw new GridRefusal('FILE_DAMAGED');
    let content = stored;
    if (entry.method === 8) {
      try {
        content = inflateRawSync(stored, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
      } catch (error) {
        if (error?.code === 'ERR_BUFFER_TOO_LARGE') throw new GridRefusal('FILE_TOO_COMPLEX');
        throw new GridRefusal('FILE_DAMAGED');
      }
    }
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue;
    checkRowCount(countTags(content, ROW_TAG) - 1, limits);
    if (countTags(content, CELL_TAG) > limits.maxXlsxCells)
      throw new GridRefusal('FILE_TOO_MANY_CELLS', { max: limits.maxXlsxCells });
  }
}

/**
 * A cell as the user sees it. Numbers are amounts in AZN: binary floating point may store
 * 1234.56 as 1234.5599999999999, so a value within a millionth of a whole qəpik is written
 * with two decimals; anything else keeps its digits and the amount check refuses it.
 */
function cellText(cell) {
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

function isFormula(cell, ExcelJS) {
  if (cell.type === ExcelJS.ValueType.Formula) return true;
  const value = cell.value;
  return (
    typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value)
  );
}

/** The first worksheet of an XLSX file as a grid; formula cells are marked, never evaluated. */
export async function readXlsx(data, entries, limits) {
  verifyZip(data, entries, limits);
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  } catch {
    throw new GridRefusal('FILE_TYPE'); // a zip, but not a workbook
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw new GridRefusal('FILE_EMPTY');
  checkRowCount(sheet.actualRowCount - 1, limits);
  const width = sheet.columnCount;
  if (width > limits.maxColumns)
    throw new GridRefusal('FILE_TOO_MANY_COLUMNS', { max: limits.maxColumns });
  const grid = { header: [], rows: [] };
  let headerSeen = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = [];
    const formulaColumns = [];
    for (let c = 1; c <= width; c += 1) {
      const cell = row.getCell(c);
      if (isFormula(cell, ExcelJS)) formulaColumns.push(c - 1);
      cells.push(cellText(cell).trim());
    }
    checkCells(cells, rowNumber, limits);
    if (!headerSeen) {
      grid.header = cells;
      headerSeen = true;
    } else if (cells.some((c) => c !== '') || formulaColumns.length > 0) {
      grid.rows.push({ line: rowNumber, cells, formulaColumns });
    }
  });
  return grid;
}

// --- the answer ---------------------------------------------------------------------------------

/**
 * A grid as a few flat values for the trip back to the server's thread: structured-cloning
 * 100 000 row objects costs that thread ~0.3 s of deserializing, one string and three typed
 * arrays (transferred, not copied) cost it nothing; read-grid.ts unpacks it in slices.
 * `text` holds every cell in order; cell k is text[offsets[k], offsets[k + 1]); row i's cells
 * are k in [rowStarts[i], rowStarts[i + 1]).
 */
export function packGrid(grid) {
  const counts = grid.rows.map((row) => row.cells.length);
  const total = counts.reduce((a, b) => a + b, 0);
  const offsets = new Uint32Array(total + 1);
  const rowStarts = new Uint32Array(grid.rows.length + 1);
  const lines = new Uint32Array(grid.rows.length);
  const parts = [];
  let k = 0;
  let at = 0;
  grid.rows.forEach((row, i) => {
    lines[i] = row.line;
    rowStarts[i] = k;
    for (const cell of row.cells) {
      offsets[k] = at;
      at += cell.length;
      k += 1;
      parts.push(cell);
    }
  });
  offsets[k] = at;
  rowStarts[grid.rows.length] = k;
  const formulas = grid.rows.flatMap((row, i) =>
    row.formulaColumns.length > 0 ? [[i, row.formulaColumns]] : [],
  );
  return { header: grid.header, text: parts.join(''), offsets, rowStarts, lines, formulas };
}
