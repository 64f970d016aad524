import 'server-only';

// The bounds of an uploaded persons file (issue 12 §5, OWASP ASVS V12.1): what a file may hold
// before any parser sees it, so one upload cannot take the server's memory or time. Every limit
// a user can hit has its own message naming it (lib/i18n/messages/*-errors.json).

/** The upload itself; the transport lets 21 MB through (next.config.mjs) so this answers first. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Data rows of one file: the payroll API's cap on persons per report (MAX_PERSONS in
 * lib/server/api/report-payload.ts), the largest employer the service plans for.
 */
export const MAX_ROWS = 100_000;
/** Columns: the template has 3 + 3; payroll exports carry a few dozen more, which are ignored. */
export const MAX_COLUMNS = 200;
/**
 * Cells of an XLSX worksheet, counted in its XML before it is parsed: exceljs holds an object
 * per cell, and a million of them is about its limit in the worker's heap (600 000 — 100 000
 * rows of the template — take ~300 MB). A CSV's cells are plain strings: its rows and columns
 * bound it.
 */
export const MAX_XLSX_CELLS = 1_000_000;
/** Characters in one cell: a FIN is 7, a name a few dozen; a megabyte of text is not a name. */
export const MAX_CELL_CHARS = 1_000;

/** The bounds the parse worker's readers keep (worker/grid-readers.mjs). */
export const GRID_LIMITS = {
  maxRows: MAX_ROWS,
  maxColumns: MAX_COLUMNS,
  maxCellChars: MAX_CELL_CHARS,
  maxXlsxCells: MAX_XLSX_CELLS,
} as const;

/** XLSX is a zip: its central directory is checked against these before it is opened. */
export const ZIP_LIMITS = {
  /** A workbook has a dozen parts; thousands are a file built to be slow to open. */
  maxEntries: 1_000,
  /** Declared uncompressed size of all parts together (a 100 000-row sheet is ~30 MB). */
  maxTotalUncompressedBytes: 100 * 1024 * 1024,
  /** Compression ratio above which a part is a bomb (worksheet XML is ~10:1)… */
  maxRatio: 100,
  /** …counted only for parts whose uncompressed size is over this (tiny parts compress oddly). */
  ratioFromBytes: 1024 * 1024,
} as const;

export type ZipLimits = typeof ZIP_LIMITS;

/**
 * The parse worker (read-grid.ts): killed past this time or heap. A 100 000-row XLSX reads in
 * ~8 s and ~300 MB of heap on the 2-core test machine, 13 s when its cores are shared.
 */
export const PARSE_TIME_LIMIT_MS = 30_000;
export const PARSE_HEAP_LIMIT_MB = 512;
/** Files parsed at once per server process; more wait their turn, so memory stays bounded. */
export const MAX_PARSE_WORKERS = 2;
