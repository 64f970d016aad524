'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import type { ImportCell } from '@/lib/server/reports/import/import-from-form';
import type { MonthColumn } from './persons-types';

/** Every refused cell of an import: line, column and message, linking to the cell to fix. */
export function ImportErrors({ cells, months }: { cells: ImportCell[]; months: MonthColumn[] }) {
  const t = useTranslations('wizardPersons');
  const columnLabel = (column: string) =>
    column === 'FIN'
      ? t('fin')
      : column === 'Soyad'
        ? t('surname')
        : column === 'Ad'
          ? t('name')
          : (months.find((m) => m.month === column)?.label ?? column);
  return (
    <div
      className="mb-4 relative overflow-x-auto"
      role="region"
      aria-label={t('importErrors')}
      tabIndex={0}
    >
      <table className="w-full min-w-[32rem] text-left text-sm" data-testid="import-errors">
        <caption className="mb-2 text-left font-semibold text-danger">
          {t('importErrorsCount', { count: cells.length })}
        </caption>
        <thead>
          <tr className="border-b-2 border-ink/70">
            <th scope="col" className="p-2">
              {t('line')}
            </th>
            <th scope="col" className="p-2">
              {t('column')}
            </th>
            <th scope="col" className="p-2">
              {t('value')}
            </th>
            <th scope="col" className="p-2">
              {t('message')}
            </th>
          </tr>
        </thead>
        <tbody>
          {cells.map((c) => (
            <tr
              key={`${c.line}-${c.column}-${c.message}`}
              className="border-b border-line"
              data-testid="import-error"
            >
              <th scope="row" className="p-2">
                {c.line}
              </th>
              <td className="p-2">{columnLabel(c.column)}</td>
              <td className="p-2 font-mono">{c.value}</td>
              <td className="p-2">
                <a href={`#fix-${c.line}-${c.column}`}>{c.message}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
