import 'server-only';
import { parse } from 'csv-parse/sync';
import { PersonError } from '../persons/person-errors';
import type { Grid } from './grid';

/** ',' or ';', whichever the header line has more of outside quotes (Excel in az/ru locales writes ';'). */
function detectDelimiter(text: string): ',' | ';' {
  const end = text.indexOf('\n');
  const header = (end === -1 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  const count = (c: string) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** Decodes UTF-8 (with or without BOM) strictly: a wrong encoding is refused, never mangled. */
function decode(data: Uint8Array): string {
  const head = data.subarray(0, 8192);
  if (head.includes(0)) throw new PersonError('FILE_TYPE'); // binary, not text
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    throw new PersonError('FILE_ENCODING');
  }
}

/** A CSV file as a grid of cell texts with line numbers (issue 5 §8). */
export function readCsv(data: Uint8Array): Grid {
  const text = decode(data);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new PersonError('FILE_UNREADABLE', {
      params: { detail: typeof code === 'string' ? code : 'CSV' },
    });
  }
  const [header, ...rows] = records;
  if (!header) throw new PersonError('FILE_EMPTY');
  return {
    header: header.record,
    rows: rows.map((r) => ({ line: r.info.lines, cells: r.record, formulaColumns: [] })),
  };
}
