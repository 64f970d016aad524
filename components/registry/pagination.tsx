import Link from 'next/link';
import { useTranslations } from 'next-intl';

type Props = {
  page: number;
  pageCount: number;
  /** Links to the previous/next page (null on the first/last page). */
  previousHref: string | null;
  nextHref: string | null;
  testId?: string;
};

/** "Əvvəlki" / "Növbəti" with "Səhifə x / y" between them. */
export function Pagination({
  page,
  pageCount,
  previousHref,
  nextHref,
  testId = 'pagination',
}: Props) {
  const t = useTranslations('registry');
  if (pageCount <= 1) return null;
  return (
    <nav
      aria-label={t('pagination')}
      className="mt-4 flex flex-wrap items-center gap-4"
      data-testid={testId}
    >
      {previousHref ? (
        <Link href={previousHref} rel="prev">
          ← {t('previous')}
        </Link>
      ) : (
        <span className="text-muted" aria-hidden="true">
          ← {t('previous')}
        </span>
      )}
      <span aria-current="page">{t('pageOf', { page, pageCount })}</span>
      {nextHref ? (
        <Link href={nextHref} rel="next">
          {t('next')} →
        </Link>
      ) : (
        <span className="text-muted" aria-hidden="true">
          {t('next')} →
        </span>
      )}
    </nav>
  );
}
