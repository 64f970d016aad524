import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ScrollTable } from '@/components/ui/scroll-table';
import type { CabinetCell, CabinetColumn, CabinetTable } from '@/lib/cabinet/table';
import { formatMonth } from '@/lib/domain/messages/format';
import { formatAmount } from '@/lib/domain/money-format';
import { formatDate } from '@/lib/i18n/format-date';

const RIGHT = new Set<CabinetColumn['kind']>(['money', 'integer']);

function cellText(column: CabinetColumn, value: CabinetCell, locale: 'az' | 'en'): string {
  if (value === null) return '—';
  if (column.kind === 'money' && typeof value === 'number') return formatAmount(value, locale);
  if (column.kind === 'date' && typeof value === 'string') return formatDate(value, locale);
  if (column.kind === 'month' && typeof value === 'string') return formatMonth(value, locale);
  return String(value);
}

/**
 * One cabinet table on screen: caption, column headers, rows (a row with a link opens it from
 * its first cell) and the exact totals at the foot. The download writes the same value.
 */
export async function CabinetTableView({
  table,
  locale,
  minWidth,
}: {
  table: CabinetTable;
  locale: 'az' | 'en';
  minWidth?: string;
}) {
  const t = await getTranslations();
  const tc = await getTranslations('cabinet');
  const title = t(table.title as never);
  return (
    <section className="mb-6" aria-label={title}>
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      {table.caption ? (
        <p className="mb-2 font-semibold" data-testid={`cabinet-table-${table.id}-caption`}>
          {table.caption}
        </p>
      ) : null}
      {table.rows.length === 0 ? (
        <p className="text-muted" data-testid={`cabinet-table-${table.id}-empty`}>
          {tc('empty')}
        </p>
      ) : (
        <ScrollTable
          label={title}
          minWidth={minWidth}
          testId={`cabinet-table-${table.id}`}
          columns={table.columns.map((c) => ({
            label: t(c.label as never),
            align: RIGHT.has(c.kind) ? 'right' : 'left',
          }))}
          footer={
            table.totals ? (
              <tr data-testid="cabinet-table-totals">
                {table.columns.map((c, i) => {
                  const total = table.totals?.[c.key];
                  return (
                    <td
                      key={c.key}
                      className={`p-3 ${RIGHT.has(c.kind) ? 'whitespace-nowrap text-right tabular-nums' : ''}`}
                      data-column={c.key}
                    >
                      {total !== undefined
                        ? cellText(c, total, locale)
                        : i === 0
                          ? tc('total')
                          : ''}
                    </td>
                  );
                })}
              </tr>
            ) : undefined
          }
        >
          {table.rows.map((row) => (
            <tr key={row.key} className="border-b border-line" data-testid="cabinet-row">
              {table.columns.map((c, i) => {
                const text = cellText(c, row.cells[c.key] ?? null, locale);
                return (
                  <td
                    key={c.key}
                    className={`p-3 ${RIGHT.has(c.kind) ? 'whitespace-nowrap text-right tabular-nums' : ''}`}
                    data-column={c.key}
                  >
                    {i === 0 && row.href ? <Link href={row.href}>{text}</Link> : text}
                  </td>
                );
              })}
            </tr>
          ))}
        </ScrollTable>
      )}
      {table.paging ? <Pager paging={table.paging} /> : null}
    </section>
  );
}

/** Page links of a long list (plain links: the page is in the URL, the filters kept). */
async function Pager({ paging }: { paging: NonNullable<CabinetTable['paging']> }) {
  const tc = await getTranslations('cabinet');
  const pages = Math.max(1, Math.ceil(paging.totalRows / paging.pageSize));
  const link =
    'inline-flex min-h-11 items-center rounded-md border-2 border-line px-3 font-semibold';
  return (
    <nav
      aria-label={tc('pageOf', { page: paging.page, pages })}
      className="mt-3 flex flex-wrap items-center gap-3 print:hidden"
      data-testid="cabinet-pager"
    >
      {paging.previousHref ? (
        <Link href={paging.previousHref} className={link} rel="prev">
          {tc('previousPage')}
        </Link>
      ) : null}
      <span aria-current="page">{tc('pageOf', { page: paging.page, pages })}</span>
      {paging.nextHref ? (
        <Link href={paging.nextHref} className={link} rel="next" data-testid="cabinet-next-page">
          {tc('nextPage')}
        </Link>
      ) : null}
    </nav>
  );
}
