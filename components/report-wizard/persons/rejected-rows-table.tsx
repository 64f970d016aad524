'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import type { ImportCell, ImportRow } from '@/lib/server/reports/import/import-from-form';
import type { MonthColumn } from './persons-types';

export type EditableRow = ImportRow & { skip: boolean };

type Props = {
  rows: EditableRow[];
  cells: ImportCell[];
  months: MonthColumn[];
  onChange: (rows: EditableRow[]) => void;
};

/** The refused rows of an import, editable in place; each refused cell shows its message. */
export function RejectedRowsTable({ rows, cells, months, onChange }: Props) {
  const t = useTranslations('wizardPersons');
  const messageAt = (line: number, column: string) =>
    cells
      .filter((c) => c.line === line && c.column === column)
      .map((c) => c.message)
      .join(' ');
  const set = (index: number, patch: Partial<EditableRow>) =>
    onChange(rows.map((r, k) => (k === index ? { ...r, ...patch } : r)));
  const columns: {
    key: string;
    label: string;
    value: (r: EditableRow) => string;
    patch: (r: EditableRow, v: string) => Partial<EditableRow>;
  }[] = [
    { key: 'FIN', label: t('fin'), value: (r) => r.fin, patch: (_, v) => ({ fin: v }) },
    {
      key: 'Soyad',
      label: t('surname'),
      value: (r) => r.surname,
      patch: (_, v) => ({ surname: v }),
    },
    { key: 'Ad', label: t('name'), value: (r) => r.name, patch: (_, v) => ({ name: v }) },
    ...months.map((m, i) => ({
      key: m.month,
      label: m.label,
      value: (r: EditableRow) => r.incomes[i] ?? '',
      patch: (r: EditableRow, v: string) => ({
        incomes: r.incomes.map((x, k) => (k === i ? v : x)),
      }),
    })),
  ];
  return (
    <div
      className="relative overflow-x-auto"
      role="region"
      aria-label={t('rejectedRows')}
      tabIndex={0}
    >
      <table className="w-full min-w-[56rem] text-left text-sm" data-testid="rejected-rows">
        <caption className="mb-2 text-left font-semibold">{t('rejectedRows')}</caption>
        <thead>
          <tr className="border-b-2 border-ink/70">
            <th scope="col" className="p-2">
              {t('line')}
            </th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="p-2">
                {c.label}
              </th>
            ))}
            <th scope="col" className="p-2">
              {t('skipRow')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr
              key={row.line}
              className={`border-b border-line ${row.skip ? 'opacity-60' : ''}`}
              data-testid="rejected-row"
              data-line={row.line}
            >
              <th scope="row" className="p-2 align-top">
                {row.line}
              </th>
              {columns.map((c) => {
                const message = messageAt(row.line, c.key);
                const id = `fix-${row.line}-${c.key}`;
                return (
                  <td key={c.key} className="p-2 align-top">
                    <label htmlFor={id} className="sr-only">
                      {t('cellLabel', { line: row.line, column: c.label })}
                    </label>
                    <input
                      id={id}
                      value={c.value(row)}
                      disabled={row.skip}
                      autoComplete="off"
                      onChange={(e) => set(index, c.patch(row, e.target.value))}
                      aria-invalid={message ? true : undefined}
                      aria-describedby={message ? `${id}-error` : undefined}
                      className={`min-h-11 w-full min-w-24 rounded-md border-2 px-2 ${message ? 'border-danger' : 'border-ink/70'}`}
                    />
                    {message ? (
                      <p id={`${id}-error`} className="mt-1 font-semibold text-danger">
                        {message}
                      </p>
                    ) : null}
                  </td>
                );
              })}
              <td className="p-2 align-top">
                <label className="inline-flex min-h-11 items-center gap-2">
                  <input
                    type="checkbox"
                    className="h-5 w-5"
                    checked={row.skip}
                    onChange={(e) => set(index, { skip: e.target.checked })}
                  />
                  <span className="sr-only">{t('skipRowOf', { line: row.line })}</span>
                </label>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
