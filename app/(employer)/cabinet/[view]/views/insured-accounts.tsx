import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CabinetTableView } from '@/components/cabinet/cabinet-table-view';
import { cabinetHref } from '@/lib/cabinet/query';
import type { CabinetViewProps } from '../view-body';

const control =
  'mt-1 block min-h-11 w-full rounded-md border-2 border-line bg-surface px-2 py-1 sm:w-auto';

/**
 * View 8: the persons list with its FIN and name search (a GET form, so the search is in the URL
 * and works without JavaScript), or one person's page with a way back to the list.
 */
export async function InsuredAccountsView({ context, tables, locale }: CabinetViewProps) {
  const t = await getTranslations('cabinetLedger');
  const { query } = context;
  const table = tables?.[0];
  if (query.person) {
    return (
      <>
        <p className="mb-4 print:hidden">
          <Link href={cabinetHref('insured-accounts', query)}>← {t('backToList')}</Link>
        </p>
        {table ? <CabinetTableView table={table} locale={locale} /> : null}
      </>
    );
  }
  return (
    <>
      <form
        method="get"
        action="/cabinet/insured-accounts"
        role="search"
        aria-label={t('search')}
        className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-line p-3 print:hidden"
        data-testid="persons-search"
      >
        {[
          ['code', query.code],
          ['year', query.period.year],
          ['quarter', query.period.quarter],
          ['month', query.period.month],
          ['asOf', query.asOfGiven ? query.asOf : null],
        ].map(([name, value]) =>
          value === null || value === undefined ? null : (
            <input key={String(name)} type="hidden" name={String(name)} value={String(value)} />
          ),
        )}
        <label className="text-sm font-semibold">
          {t('finFilter')}
          <input
            name="fin"
            defaultValue={query.fin ?? ''}
            maxLength={7}
            autoCapitalize="characters"
            spellCheck={false}
            className={control}
          />
        </label>
        <label className="text-sm font-semibold">
          {t('nameFilter')}
          <input name="name" defaultValue={query.name ?? ''} maxLength={100} className={control} />
        </label>
        <button
          type="submit"
          className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
        >
          {t('search')}
        </button>
      </form>
      {table ? (
        <>
          <p className="mb-2 text-sm text-muted" role="status" data-testid="persons-found">
            {t('personsFound', { count: table.paging?.totalRows ?? table.rows.length })}
          </p>
          <CabinetTableView table={table} locale={locale} minWidth="min-w-[56rem]" />
        </>
      ) : null}
    </>
  );
}
