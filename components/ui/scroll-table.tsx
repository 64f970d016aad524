import type { ReactNode } from 'react';

export type ScrollTableColumn = { label: string; align?: 'left' | 'right'; srOnly?: boolean };

type Props = {
  /** Names the table for screen readers (caption) and its scroll region. */
  label: string;
  columns: readonly ScrollTableColumn[];
  /** The rows (<tr>…); the table owns only its frame and header. */
  children: ReactNode;
  /** Total rows, if any (<tr>…), shown under the body. */
  footer?: ReactNode;
  /** Tailwind min-width class: below it the table scrolls inside its box, not the page. */
  minWidth?: string;
  testId?: string;
  className?: string;
};

/**
 * A data table that scrolls sideways inside a focusable region on narrow screens, with a caption
 * and column headers: the one frame every list in the wizard uses.
 */
export function ScrollTable({
  label,
  columns,
  children,
  footer,
  minWidth = 'min-w-[40rem]',
  testId,
  className = 'mb-4',
}: Props) {
  return (
    <div
      className={`relative overflow-x-auto ${className}`}
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      <table className={`w-full ${minWidth} text-left`} data-testid={testId}>
        <caption className="sr-only">{label}</caption>
        <thead className="border-b-2 border-line">
          <tr>
            {columns.map((c, i) => (
              <th
                key={`${i}-${c.label}`}
                scope="col"
                className={`p-3 ${c.align === 'right' ? 'text-right' : ''}`}
              >
                {c.srOnly ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {footer ? <tfoot className="border-t-2 border-line font-semibold">{footer}</tfoot> : null}
      </table>
    </div>
  );
}
