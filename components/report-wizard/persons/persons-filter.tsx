import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** The F20 list's URL query: ?page=&fin=&name=&person= (empty values left out). */
export function personsQuery(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === '' || (key === 'page' && Number(value) <= 1)) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Filters of the persons list (FIN prefix, words of the name): a plain GET form, works without script. */
export async function PersonsFilter({
  action,
  filters,
}: {
  action: string;
  filters: { fin: string; name: string };
}) {
  const t = await getTranslations('wizardPersons');
  const input = 'mt-1 block min-h-11 w-full rounded-md border-2 border-ink/70 px-3 py-2';
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label={t('filterTitle')}
      className="mb-4 flex flex-wrap items-end gap-4"
      data-testid="persons-filter"
    >
      <div className="w-full sm:w-48">
        <label htmlFor="filter-fin" className="block font-semibold">
          {t('fin')}
        </label>
        <input
          id="filter-fin"
          name="fin"
          defaultValue={filters.fin}
          className={input}
          autoComplete="off"
        />
      </div>
      <div className="w-full sm:w-64">
        <label htmlFor="filter-name" className="block font-semibold">
          {t('filterName')}
        </label>
        <input
          id="filter-name"
          name="name"
          defaultValue={filters.name}
          className={input}
          autoComplete="off"
        />
      </div>
      <button
        type="submit"
        className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-600 px-4 py-2 font-semibold"
        data-testid="filter-submit"
      >
        {t('filter')}
      </button>
      {filters.fin || filters.name ? (
        <Link href={action} className="inline-flex min-h-11 items-center">
          {t('filterClear')}
        </Link>
      ) : null}
    </form>
  );
}

/** "Əvvəlki / Səhifə n / m / Növbəti səhifə" for the persons list. */
export async function PersonsPager({
  page,
  pages,
  href,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  const t = await getTranslations('wizardPersons');
  if (pages <= 1) return null;
  const link =
    'inline-flex min-h-11 items-center rounded-md border-2 border-brand-600 px-4 py-2 font-semibold no-underline';
  return (
    <nav
      aria-label={t('pages')}
      className="mb-4 flex flex-wrap items-center gap-3"
      data-testid="persons-pager"
    >
      {page > 1 ? (
        <Link href={href(page - 1)} className={link} rel="prev">
          {t('previousPage')}
        </Link>
      ) : null}
      <span aria-current="page">{t('pageOf', { page, pages })}</span>
      {page < pages ? (
        <Link href={href(page + 1)} className={link} rel="next" data-testid="next-page">
          {t('nextPage')}
        </Link>
      ) : null}
    </nav>
  );
}
