import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/registry/pagination';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { ScrollTable } from '@/components/ui/scroll-table';
import { formatAmount, formatMonth } from '@/lib/domain';
import type { PersonsPage } from '@/lib/server/reports/registry/get-sent-report';

type Props = {
  reportId: string;
  months: readonly string[];
  persons: PersonsPage;
  locale: 'az' | 'en';
};

/** F20 as sent: 50 persons a page, filtered by FIN or name through the URL (GET form). */
export async function PersonsSection({ reportId, months, persons, locale }: Props) {
  const t = await getTranslations('reportView');
  const base = `/reports/${reportId}/view`;
  const firstFin = persons.rows[0]?.fin;
  const lastFin = persons.rows.at(-1)?.fin;
  // A neighbour page continues from this page's first or last FIN (keyset paging): it reads
  // 50 rows wherever it is in a 200 000-person report.
  const href = (page: number, cursor: { pa: string } | { pb: string } | null) => {
    const query = new URLSearchParams();
    if (persons.filter) query.set('q', persons.filter);
    if (page > 1) query.set('pp', String(page));
    if (page > 1 && cursor) for (const [k, v] of Object.entries(cursor)) query.set(k, v);
    const text = query.toString();
    return `${base}${text ? `?${text}` : ''}#persons`;
  };
  return (
    <section aria-labelledby="persons" className="mt-8">
      <h2 id="persons" className="text-lg font-semibold">
        {t('persons')}
      </h2>
      <form
        method="get"
        action={`${base}#persons`}
        className="mt-3 flex flex-wrap items-end gap-3"
        role="search"
        aria-labelledby="persons"
      >
        <Field
          id="persons-filter"
          name="q"
          label={t('personsFilter')}
          hint={t('personsFilterHint')}
          defaultValue={persons.filter}
          autoComplete="off"
          spellCheck={false}
          className="mb-0"
        />
        <Button type="submit" variant="secondary">
          {t('filter')}
        </Button>
        {persons.filter ? <Link href={`${base}#persons`}>{t('clearFilter')}</Link> : null}
      </form>
      <p className="mt-3" role="status" data-testid="persons-total">
        {t('personsCount', { total: persons.total })}
      </p>
      {persons.rows.length === 0 ? (
        <p className="mt-2 text-muted">{t('noPersons')}</p>
      ) : (
        <ScrollTable
          label={`${t('persons')} — ${persons.page} / ${persons.pageCount}`}
          testId="persons-table"
          className="mt-3"
          columns={[
            { label: t('fin') },
            { label: t('fullName') },
            ...months.map((m) => ({ label: formatMonth(m, locale), align: 'right' as const })),
          ]}
        >
          {persons.rows.map((p) => (
            <tr key={p.fin} className="border-b border-line">
              <td className="p-3 font-mono">{p.fin}</td>
              <td className="p-3">{`${p.surname} ${p.name} ${p.patronymic}`}</td>
              {p.incomeQepik.map((q, i) => (
                <td key={i} className="whitespace-nowrap p-3 text-right tabular-nums">
                  {q === null ? t('notEmployed') : formatAmount(q, locale)}
                </td>
              ))}
            </tr>
          ))}
        </ScrollTable>
      )}
      <Pagination
        testId="persons-pagination"
        page={persons.page}
        pageCount={persons.pageCount}
        previousHref={
          persons.page > 1
            ? href(persons.page - 1, firstFin === undefined ? null : { pb: firstFin })
            : null
        }
        nextHref={
          persons.page < persons.pageCount
            ? href(persons.page + 1, lastFin === undefined ? null : { pa: lastFin })
            : null
        }
      />
    </section>
  );
}
