import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { CabinetQuery } from '@/lib/cabinet/query';
import { monthName } from '@/lib/domain/messages/format';

const control =
  'mt-1 block min-h-11 w-full rounded-md border-2 border-line bg-surface px-2 py-1 sm:w-auto';

/**
 * The period filter of a money view (issue 13 §3): year, quarter or month, and the "as at"
 * date. A GET form: the choice is in the URL, so it is bookmarkable and works without JS.
 * The activity code and sub-employer travel as hidden fields.
 */
export async function PeriodFilter({
  action,
  query,
  years,
  locale,
}: {
  /** The view's path (/cabinet/<slug>). */
  action: string;
  query: CabinetQuery;
  /** The years offered, newest first. */
  years: readonly number[];
  locale: 'az' | 'en';
}) {
  const t = await getTranslations('cabinet');
  const { period } = query;
  return (
    <form
      method="get"
      action={action}
      className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-line p-3 print:hidden"
      data-testid="period-filter"
      aria-label={t('filter')}
    >
      {query.code ? <input type="hidden" name="code" value={query.code} /> : null}
      {query.sub ? <input type="hidden" name="sub" value={query.sub} /> : null}
      <label className="text-sm font-semibold">
        {t('year')}
        <select name="year" defaultValue={period.year ?? ''} className={control}>
          <option value="">{t('allYears')}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-semibold">
        {t('quarter')}
        <select name="quarter" defaultValue={period.quarter ?? ''} className={control}>
          <option value="">{t('wholeYear')}</option>
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-semibold">
        {t('month')}
        <select name="month" defaultValue={period.month ?? ''} className={control}>
          <option value="">—</option>
          {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
            <option key={m} value={m}>
              {monthName(m, locale)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-semibold">
        {t('asOf')}
        <input type="date" name="asOf" defaultValue={query.asOf} className={control} />
      </label>
      <button
        type="submit"
        className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
      >
        {t('apply')}
      </button>
      <Link href={`${action}${query.code ? `?code=${encodeURIComponent(query.code)}` : ''}`}>
        {t('reset')}
      </Link>
    </form>
  );
}
