import Link from 'next/link';
import { useTranslations } from 'next-intl';

type Props = {
  label: string;
  /** The registry URL that sorts by this column (the other way when it is already sorted by it). */
  href: string;
  sorted: 'asc' | 'desc' | null;
  align?: 'left' | 'right';
  /** The registry's compact table: less padding, the label may wrap above the arrow. */
  compact?: boolean;
};

/** A sortable column header: a link keeping the criteria, with aria-sort on the header cell. */
export function SortHeader({ label, href, sorted, align = 'left', compact = false }: Props) {
  const t = useTranslations('registry');
  const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
  return (
    <th
      role="columnheader"
      scope="col"
      aria-sort={ariaSort}
      className={`${compact ? 'px-2 py-2 align-bottom' : 'p-3'} ${align === 'right' ? 'text-right' : ''}`}
    >
      <Link
        href={href}
        className="inline-flex min-h-6 items-center gap-1 font-semibold"
        data-testid={`sort-${label}`}
      >
        {label}
        <span aria-hidden="true">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}</span>
        {sorted ? (
          <span className="sr-only">, {sorted === 'asc' ? t('sortedAsc') : t('sortedDesc')}</span>
        ) : null}
      </Link>
    </th>
  );
}
