// A cabinet table as data: the screen, the CSV and the XLSX download and the print stylesheet all
// render the same value, so a download always has the columns and filters of the screen
// (issue 13 §12). Pure. Money is integer qəpik; sums are exact (BigInt).

export const CABINET_COLUMN_KINDS = ['text', 'money', 'date', 'month', 'integer', 'code'] as const;
export type CabinetColumnKind = (typeof CABINET_COLUMN_KINDS)[number];

export interface CabinetColumn {
  /** The row field this column shows. */
  readonly key: string;
  /** i18n key under the 'cabinetColumns' namespace. */
  readonly label: string;
  readonly kind: CabinetColumnKind;
  /** Summed at the foot (money and integer columns). */
  readonly total?: boolean;
}

/** text: as is · money: qəpik · date: 'YYYY-MM-DD' · month: 'YYYY-MM' · integer · code: as is. */
export type CabinetCell = string | number | null;

export interface CabinetRow {
  readonly cells: Readonly<Record<string, CabinetCell>>;
  /** Where the row leads (view 5's code line → view 7, a person → their page). */
  readonly href?: string;
  /** A stable key for React and tests. */
  readonly key: string;
}

export interface CabinetTable {
  /** Stable id: the file name of its download and the test id on screen. */
  readonly id: string;
  /** i18n key under the 'cabinetTables' namespace. */
  readonly title: string;
  /** Words of the data itself under the title (a person's FIN and name), shown and exported. */
  readonly caption?: string;
  readonly columns: readonly CabinetColumn[];
  readonly rows: readonly CabinetRow[];
  /** The foot: exact sums of the `total` columns over every row (not only the page shown). */
  readonly totals: Readonly<Record<string, number>> | null;
  /** Paging of a long list: rows are one page of `totalRows`. */
  readonly paging?: {
    readonly page: number;
    readonly pageSize: number;
    readonly totalRows: number;
    /** Links to the neighbouring pages with the view's filters kept (null at either end). */
    readonly previousHref: string | null;
    readonly nextHref: string | null;
  };
}

/** Exact sums of the `total` columns over `rows`; null when no column is summed. */
export function tableTotals(
  columns: readonly CabinetColumn[],
  rows: readonly CabinetRow[],
): Record<string, number> | null {
  const summed = columns.filter((c) => c.total);
  if (summed.length === 0) return null;
  const totals: Record<string, number> = {};
  for (const column of summed) {
    let sum = 0n;
    for (const row of rows) {
      const value = row.cells[column.key];
      if (typeof value === 'number') sum += BigInt(value);
    }
    if (sum > BigInt(Number.MAX_SAFE_INTEGER) || sum < -BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new RangeError(`cabinet total of ${column.key} is not exact as a number`);
    }
    totals[column.key] = Number(sum);
  }
  return totals;
}

/** A table with its totals computed from its rows (for tables shown whole). */
export function cabinetTable(
  table: Omit<CabinetTable, 'totals'> & { totals?: CabinetTable['totals'] },
): CabinetTable {
  return { ...table, totals: table.totals ?? tableTotals(table.columns, table.rows) };
}
