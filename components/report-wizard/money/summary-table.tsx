import type { ReactNode } from 'react';
import { CELL, NUM } from './display';

export type SummaryColumn = { label: string; numeric?: boolean };
export type SummaryRow = { key: string; cells: ReactNode[]; testId?: string };

type Props = {
  caption: string;
  columns: SummaryColumn[];
  rows: SummaryRow[];
  footer?: ReactNode[];
  testId?: string;
  /** Minimum width before the table scrolls inside its box (narrow screens). */
  minWidth?: string;
};

/**
 * A read-only table of the money steps: column headers and the first cell of each row as
 * headers (`scope`), numbers right-aligned, scrolling sideways inside its box at 360 px.
 */
export function SummaryTable({
  caption,
  columns,
  rows,
  footer,
  testId,
  minWidth = 'min-w-[32rem]',
}: Props) {
  return (
    <div>
      {/* The visible title stays put while a wide table scrolls under it. */}
      <p className="pb-2 text-lg font-semibold" aria-hidden="true">
        {caption}
      </p>
      <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
        <table className={`w-full ${minWidth} text-left`} data-testid={testId}>
          <caption className="sr-only">{caption}</caption>
          <thead className="border-b-2 border-line">
            <tr>
              {columns.map((c) => (
                <th key={c.label} scope="col" className={c.numeric ? 'p-3 text-right' : 'p-3'}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className="border-b border-line" data-testid={r.testId}>
                {r.cells.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className={`${CELL} font-normal`}>
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className={columns[i]?.numeric ? NUM : CELL}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
          {footer ? (
            <tfoot className="border-t-2 border-line font-semibold">
              <tr>
                {footer.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className={CELL}>
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className={columns[i]?.numeric ? NUM : CELL}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </div>
  );
}
