import Link from 'next/link';
import { useTranslations } from 'next-intl';

type Props = {
  label: string;
  /** The registry URL that sorts by this column (the other way when it is already sorted by it). */
  href: string;
  sorted: 'asc' | 'desc' | null;
  align?: 'left' | 'right';
};

/** A sortable column header: a link keeping the criteria, with aria-sort on the header cell. */
export function SortHeader({ label, href, sorted, align = 'left' }: Props) {
  const t = useTranslations('registry');
  const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
  return (
    <th scope="col" aria-sort={ariaSort} className={`p-3 ${align === 'right' ? 'text-right' : ''}`}>
      <Link href={href} className="inline-flex items-center gap-1 font-semibold" data-testid={`sort-${label}`}>
        {label}
        <span aria-hidden="true">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}</span>
        {sorted ? (
          <span className="sr-only">, {sorted === 'asc' ? t('sortedAsc') : t('sortedDesc')}</span>
        ) : null}
      </Link>
    </th>
  );
}
