// Types of grid-readers.mjs (plain JavaScript: the parse worker loads it at run time).
import type { Grid, PackedGrid } from '../grid';
import type { ZipEntry } from '../zip-directory';

export type GridLimits = {
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
  maxXlsxCells: number;
};

/** The AppError codes a reader refuses with. */
export type GridRefusalCode =
  | 'FILE_EMPTY'
  | 'FILE_TYPE'
  | 'FILE_ENCODING'
  | 'FILE_DAMAGED'
  | 'FILE_UNREADABLE'
  | 'FILE_UNREADABLE_AT_LINE'
  | 'FILE_CSV_QUOTE'
  | 'FILE_TOO_COMPLEX'
  | 'FILE_TOO_MANY_ROWS'
  | 'FILE_TOO_MANY_COLUMNS'
  | 'FILE_TOO_MANY_CELLS'
  | 'FILE_CELL_TOO_LONG';

export class GridRefusal extends Error {
  constructor(code: GridRefusalCode, params?: Record<string, string | number>);
  readonly code: GridRefusalCode;
  readonly params: Record<string, string | number>;
}

export function readCsv(data: Uint8Array, limits: GridLimits): Promise<Grid>;
export function readXlsx(
  data: Uint8Array,
  entries: readonly ZipEntry[],
  limits: GridLimits,
): Promise<Grid>;
export function verifyZip(data: Uint8Array, entries: readonly ZipEntry[], limits: GridLimits): void;
export function packGrid(grid: Grid): PackedGrid;
