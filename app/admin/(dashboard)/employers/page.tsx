import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/registry/pagination';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { ScrollTable } from '@/components/ui/scroll-table';
import { EMPLOYER_QUERY_MAX } from '@/lib/domain/staff/employer-search';
import { requireStaff } from '@/lib/server/access';
import { hasLineControlCharacters } from '@/lib/server/control-characters';
import { getDb } from '@/lib/server/db';
import { searchEmployers } from '@/lib/server/staff/employers/search-employers';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations('staffEmployers');
  return { title: t('title') };
}

function one(value: string | string[] | undefined): string {
  const text = typeof value === 'string' ? value.slice(0, EMPLOYER_QUERY_MAX) : '';
  return hasLineControlCharacters(text) ? '' : text;
}

/** Issue 14 §4: the employers of the staff member's body, searched by name, VÖEN, DSMF number. */
export default async function StaffEmployersPage({ searchParams }: Props) {
  const staff = await requireStaff();
  const t = await getTranslations('staffEmployers');
  const ts = await getTranslations('staff');
  const params = await searchParams;
  const query = one(params.q);
  const asked = Number(one(params.page) || 1);
  const list = await searchEmployers(await getDb(), staff, {
    query,
    page: Number.isSafeInteger(asked) ? asked : 1,
  });
  const href = (page: number) =>
    `/admin/employers?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(page) })}`;
  return (
    <div>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2">{t('intro', { body: staff.localBodyName ?? ts('centralOffice') })}</p>
      <form
        method="get"
        action="/admin/employers"
        role="search"
        className="mt-4 flex flex-wrap items-end gap-3"
      >
        <Field
          id="employer-query"
          name="q"
          label={t('searchLabel')}
          hint={t('searchHint')}
          defaultValue={query}
          maxLength={EMPLOYER_QUERY_MAX}
          autoComplete="off"
          className="w-full max-w-xl"
          data-testid="employer-query"
        />
        <Button type="submit" className="mb-4" data-testid="employer-search">
          {t('search')}
        </Button>
      </form>
      {list.rows.length === 0 ? (
        <p className="rounded-lg bg-surface p-4 shadow-sm" data-testid="employers-empty">
          {t('empty')}
        </p>
      ) : (
        <ScrollTable
          label={t('caption', { total: list.total })}
          columns={[
            { label: t('name') },
            { label: t('voen') },
            { label: t('dsmf') },
            { label: t('type') },
            { label: t('body') },
          ]}
          testId="employers-table"
        >
          {list.rows.map((row) => (
            <tr key={row.id} className="border-b border-line" data-testid="employer-row">
              <th scope="row" className="p-3 text-left font-normal">
                <Link href={`/admin/employers/${row.id}`} className="break-words">
                  {row.name}
                </Link>
              </th>
              <td className="p-3 font-mono">{row.voen}</td>
              <td className="p-3 font-mono">{row.dsmfRegNumber}</td>
              <td className="p-3">{t(`employerType.${row.employerType}`)}</td>
              <td className="p-3">{row.localBodyName}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        previousHref={list.page > 1 ? href(list.page - 1) : null}
        nextHref={list.page < list.pageCount ? href(list.page + 1) : null}
      />
    </div>
  );
}
