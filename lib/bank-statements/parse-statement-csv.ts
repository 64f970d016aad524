// Reading the CSV statement export (reference doc bank-statements.md, "CSV") into statement
// lines and coded problems. Never throws on bad input.
//
// Outside lib/domain for the same reason as parse-camt053.ts: it needs csv-parse, and
// lib/domain imports only lib/domain and zod. Pure; the rules are lib/domain's.
import { parse } from 'csv-parse/sync';
import {
  DEFAULT_MAX_STATEMENT_CHARS,
  type StatementFileCode,
} from '@/lib/domain/bank-statements/statement-codes';
import {
  buildStatementLine,
  type StatementLine,
  type StatementParseResult,
  type StatementProblem,
} from '@/lib/domain/bank-statements/statement-line';
import type { MessageParams } from '@/lib/domain/result';

export const STATEMENT_CSV_COLUMNS = [
  'booking_date',
  'value_date',
  'bank_reference',
  'amount',
  'currency',
  'payer_name',
  'payer_voen',
  'payer_iban',
  'remittance',
] as const;
type Column = (typeof STATEMENT_CSV_COLUMNS)[number];

function failed(code: StatementFileCode, params?: MessageParams): StatementParseResult {
  return {
    lines: [],
    problems: [params === undefined ? { index: 0, code } : { index: 0, code, params }],
  };
}

/**
 * The reference doc's format is comma-separated; spreadsheet exports in Azerbaijani locale
 * write semicolons, so the header row decides: more ';' than ',' in it means ';'. Amounts
 * keep a dot either way (the doc's format), so a semicolon file with '4885,28' is flagged.
 */
function delimiterOf(source: string): ',' | ';' {
  const end = source.indexOf('\n');
  const header = end === -1 ? source : source.slice(0, end);
  const count = (mark: string) => header.split(mark).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

interface CsvRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/**
 * Parses the CSV statement: UTF-8 (a leading BOM is dropped), one header row naming the nine
 * columns in any order (case and surrounding spaces ignored; extra columns are ignored). Each
 * problem's index is the file line number of its row (the header is line 1).
 */
export function parseStatementCsv(
  csv: string,
  options: { readonly maxChars?: number } = {},
): StatementParseResult {
  const maxChars = options.maxChars ?? DEFAULT_MAX_STATEMENT_CHARS;
  if (csv.length > maxChars) return failed('STATEMENT_TOO_LARGE', { maxChars });
  const source = csv.startsWith('\uFEFF') ? csv.slice(1) : csv;
  if (source.trim() === '') return failed('STATEMENT_EMPTY');
  let records: CsvRecord[];
  try {
    records = parse(source, {
      delimiter: delimiterOf(source),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as CsvRecord[]; // with `info: true` each record is { record, info }
  } catch (error) {
    const detail = error instanceof Error ? error.message : '';
    const line = (error as { lines?: unknown }).lines;
    return failed('STATEMENT_CSV_INVALID', { line: typeof line === 'number' ? line : 0, detail });
  }
  const [header, ...rows] = records;
  if (header === undefined) return failed('STATEMENT_EMPTY');
  const names = header.record.map((name) => name.trim().toLowerCase());
  const position = new Map<string, number>();
  names.forEach((name, i) => {
    if (!position.has(name)) position.set(name, i);
  });
  const missing = STATEMENT_CSV_COLUMNS.filter((column) => !position.has(column));
  const repeated = names.filter((name, i) => position.get(name) !== i && name !== '');
  if (missing.length > 0 || repeated.length > 0) {
    return failed('STATEMENT_HEADER_INVALID', {
      missing: missing.join(', '),
      repeated: [...new Set(repeated)].join(', '),
    });
  }
  const lines: StatementLine[] = [];
  const problems: StatementProblem[] = [];
  for (const { record, info } of rows) {
    // csv-parse counts lines up to the end of the row: a row with a quoted line break is
    // numbered by its last line.
    const index = info.lines;
    if (record.length !== names.length) {
      problems.push({
        index,
        code: 'LINE_COLUMN_COUNT',
        params: { expected: names.length, actual: record.length },
      });
      continue;
    }
    const cell = (column: Column): string => record[position.get(column) ?? -1] ?? '';
    const built = buildStatementLine({
      index,
      bankReference: cell('bank_reference'),
      bookingDate: cell('booking_date'),
      valueDate: cell('value_date'),
      amount: cell('amount'),
      currency: cell('currency'),
      direction: null,
      payerName: cell('payer_name'),
      payerVoen: cell('payer_voen'),
      payerIban: cell('payer_iban'),
      remittance: cell('remittance'),
      endToEndId: null,
    });
    if (built.ok) lines.push(built.line);
    else problems.push(...built.problems);
  }
  return { lines, problems };
}
