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
