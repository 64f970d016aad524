import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/registry/pagination';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { ScrollTable } from '@/components/ui/scroll-table';
import { SelectField } from '@/components/ui/select-field';
import { prettyAuditDetails } from '@/lib/domain/staff/audit-details';
import {
  AUDIT_FILTER_PARAMS,
  AUDIT_OUTCOME_FILTERS,
  auditQuery,
  parseAuditCursor,
  parseAuditFilter,
  type AuditFilterField,
} from '@/lib/domain/staff/audit-filter';
import { formatDateTime } from '@/lib/i18n/format-date';
import { requireStaff } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { errorMessage } from '@/lib/server/error-messages';
import { EXPORT_ROW_LIMIT } from '@/lib/server/staff/audit/export-audit-log';
import {
  listAuditActions,
  searchAuditLog,
  type AuditSearchResult,
} from '@/lib/server/staff/audit/search-audit-log';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const fieldId = (field: AuditFilterField) => `audit-${AUDIT_FILTER_PARAMS[field]}`;

export async function generateMetadata({ searchParams }: Props) {
  const t = await getTranslations('staffAudit');
  const { errors } = parseAuditFilter(await searchParams);
  return { title: errors.length > 0 ? t('errorTitle', { title: t('title') }) : t('title') };
}

/**
 * Audit jurnalı (issue 14 §12): heads and administrators read who did what, filtered by actor,
 * employer, action, outcome and dates; paged by keyset; the filtered rows download as CSV. A
 * GET form: the filter is the URL, so it works without JavaScript and can be bookmarked.
 */
export default async function AuditLogPage({ searchParams }: Props) {
  const staff = await requireStaff('HEAD');
  const t = await getTranslations('staffAudit');
  const locale = (await getLocale()) === 'en' ? 'en' : 'az';
  const params = await searchParams;
  const { filter, errors, values } = parseAuditFilter(params);
  const cursor = parseAuditCursor(params);
  const db = await getDb();
  const [actions, result]: [string[], AuditSearchResult | null] = await Promise.all([
    listAuditActions(db),
    errors.length === 0 ? searchAuditLog(db, staff, filter, cursor) : Promise.resolve(null),
  ]);
  const shownErrors = [...errors, ...(result && !result.ok ? result.errors : [])].map((e) => ({
    field: e.field,
    message: errorMessage(e.code, {}, locale),
  }));
  const fieldErrors: Partial<Record<AuditFilterField, string>> = {};
  for (const e of shownErrors) fieldErrors[e.field] ??= e.message;
  const page = result?.ok ? result.page : null;
  const field = (name: AuditFilterField) => ({
    id: fieldId(name),
    name: AUDIT_FILTER_PARAMS[name],
    defaultValue: values[name] ?? '',
    error: fieldErrors[name],
  });

  return (
    <div>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-muted">{t('intro')}</p>
      <p className="mt-1" data-testid="audit-scope">
        {staff.localBodyName ? t('scopeBody', { body: staff.localBodyName }) : t('scopeAll')}
      </p>
      <div className="mt-4">
        <ErrorSummary
          title={t('errorSummary')}
          errors={shownErrors.map((e) => ({ message: e.message, fieldId: fieldId(e.field) }))}
        />
      </div>
      <section
        aria-labelledby="audit-filter"
        className="mt-4 rounded-lg bg-surface p-4 shadow-sm sm:p-6"
      >
        <h2 id="audit-filter" className="text-lg font-semibold">
          {t('filterTitle')}
        </h2>
        <form
          method="get"
          action="/admin/audit"
          role="search"
          aria-labelledby="audit-filter"
          className="mt-4"
        >
          <div className="grid gap-x-6 md:grid-cols-2 lg:grid-cols-3">
            <Field
              {...field('actor')}
              label={t('actor')}
              hint={t('actorHint')}
              autoComplete="off"
              spellCheck={false}
            />
            <Field
              {...field('employer')}
              label={t('employer')}
              hint={t('employerHint')}
              autoComplete="off"
            />
            <Field
              {...field('action')}
              label={t('action')}
              hint={t('actionHint')}
              list="audit-actions"
              autoComplete="off"
              spellCheck={false}
            />
            <SelectField
              {...field('outcome')}
              label={t('outcome')}
              emptyLabel={t('any')}
              options={AUDIT_OUTCOME_FILTERS.map((o) => ({
                value: o,
                label: t(`outcomeValue.${o}`),
              }))}
            />
            <Field {...field('dateFrom')} type="date" label={t('dateFrom')} hint={t('dateHint')} />
            <Field {...field('dateTo')} type="date" label={t('dateTo')} hint={t('dateHint')} />
          </div>
          <datalist id="audit-actions">
            {actions.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
          <div className="flex flex-wrap items-center gap-4">
            <Button type="submit" data-testid="audit-search">
              {t('search')}
            </Button>
            <Link href="/admin/audit">{t('clear')}</Link>
          </div>
        </form>
      </section>

      <section className="mt-8" aria-labelledby="audit-results">
        <h2 id="audit-results" className="text-lg font-semibold">
          {t('results')}
        </h2>
        {page === null ? (
          <p className="mt-2 text-muted">{t('fixErrors')}</p>
        ) : (
          <>
            <div className="mt-2 flex flex-wrap items-center gap-4">
              <p role="status" data-testid="audit-total">
                {t('total', { total: page.total })}
              </p>
              {result?.ok && result.employerMatches !== null ? (
                <p className="text-muted">
                  {t('employerMatches', { count: result.employerMatches })}
                </p>
              ) : null}
              <a
                href={`/admin/audit/export${auditQuery(values)}`}
                download
                className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-600 px-3 font-semibold"
                data-testid="audit-export"
              >
                {t('export')}
              </a>
              <span className="text-sm text-muted">
                {t('exportHint', { limit: EXPORT_ROW_LIMIT.toLocaleString('az-Latn-AZ') })}
              </span>
            </div>
            {page.rows.length === 0 ? (
              <p className="mt-4 text-muted" data-testid="audit-none">
                {t('none')}
              </p>
            ) : (
              <ScrollTable
                label={t('tableLabel')}
                minWidth="min-w-[64rem]"
                testId="audit-table"
                className="mt-4 mb-4"
                columns={[
                  { label: t('col.at') },
                  { label: t('col.actor') },
                  { label: t('col.action') },
                  { label: t('col.employer') },
                  { label: t('col.outcome') },
                  { label: t('col.ip') },
                  { label: t('col.details') },
                ]}
              >
                {page.rows.map((row) => {
                  const details = prettyAuditDetails(row.details);
                  return (
                    <tr
                      key={row.id}
                      className="border-b border-line align-top"
                      data-testid="audit-row"
                      data-id={row.id}
                    >
                      <td className="whitespace-nowrap p-3 tabular-nums">
                        {formatDateTime(row.at, locale, { seconds: true })}
                      </td>
                      <td className="p-3">
                        {row.actorFin ? (
                          <>
                            <span className="font-mono">{row.actorFin}</span>
                            {row.actorName ? <span className="block">{row.actorName}</span> : null}
                          </>
                        ) : (
                          t('nobody')
                        )}
                        <span className="block text-sm text-muted">
                          {t(`roleValue.${row.actorRole as 'STAFF'}`)}
                        </span>
                      </td>
                      <td className="p-3 font-mono" data-column="action">
                        {row.action}
                      </td>
                      <td className="p-3">
                        {row.employerId ? (
                          <Link href={`/admin/employers/${row.employerId}`}>
                            {row.employerName ?? row.employerId}
                          </Link>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td className="p-3" data-column="outcome">
                        {t(`outcomeValue.${row.outcome as 'SUCCESS'}`)}
                      </td>
                      <td className="p-3 font-mono text-sm">{row.ip ?? '—'}</td>
                      <td className="p-3">
                        {details === '' ? (
                          t('noDetails')
                        ) : (
                          <details>
                            <summary className="cursor-pointer">{t('showDetails')}</summary>
                            <pre className="mt-2 max-w-md overflow-x-auto whitespace-pre-wrap break-all rounded bg-canvas p-2 text-sm">
                              {details}
                            </pre>
                          </details>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </ScrollTable>
            )}
            <Pagination
              page={page.page}
              pageCount={page.pageCount}
              previousHref={
                page.previous ? `/admin/audit${auditQuery(values, page.previous)}` : null
              }
              nextHref={page.next ? `/admin/audit${auditQuery(values, page.next)}` : null}
              testId="audit-pagination"
            />
          </>
        )}
      </section>
    </div>
  );
}
