import 'server-only';

/** A table read from a file: header texts and the data rows with their line numbers. */
export type Grid = {
  header: string[];
  rows: {
    line: number;
    cells: string[];
    /** 0-based columns that hold a formula (XLSX). */ formulaColumns: number[];
  }[];
};

/** A grid as the parse worker sends it back (worker/grid-readers.mjs, packGrid). */
export type PackedGrid = {
  header: string[];
  text: string;
  offsets: Uint32Array;
  rowStarts: Uint32Array;
  lines: Uint32Array;
  formulas: [row: number, columns: number[]][];
};

/** Rows unpacked between two turns of the event loop: a few milliseconds of work. */
const SLICE_ROWS = 2_000;

/**
 * The grid again, unpacked a slice at a time with a turn of the event loop in between, so a
 * 100 000-row file never holds the server's thread for more than a few milliseconds at once.
 */
export async function unpackGrid(packed: PackedGrid): Promise<Grid> {
  const { text, offsets, rowStarts, lines } = packed;
  const formulas = new Map(packed.formulas);
  const rows: Grid['rows'] = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (i > 0 && i % SLICE_ROWS === 0) await new Promise((go) => setImmediate(go));
    const cells: string[] = [];
    for (let k = rowStarts[i]!; k < rowStarts[i + 1]!; k += 1)
      cells.push(text.slice(offsets[k]!, offsets[k + 1]!));
    rows.push({ line: lines[i]!, cells, formulaColumns: formulas.get(i) ?? [] });
  }
  return { header: packed.header, rows };
}
