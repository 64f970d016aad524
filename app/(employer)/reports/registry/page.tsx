import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/registry/pagination';
import { ErrorSummary } from '@/components/ui/error-summary';
import { requireEmployerAccess } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { listActivityCodes } from '@/lib/server/reports/list-activity-codes';
import {
  parseRegistryCriteria,
  registryQuery,
  type RegistryField,
} from '@/lib/server/reports/registry/registry-criteria';
import { searchReports } from '@/lib/server/reports/registry/search-reports';
import { SendQuarterSlot } from '../sending/slots';
import { ResultsTable } from './results-table';
import { fieldId, SearchPanel } from './search-panel';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props) {
  const t = await getTranslations('registry');
  const { errors } = parseRegistryCriteria(await searchParams);
  return { title: errors.length > 0 ? t('errorTitle', { title: t('title') }) : t('title') };
}

/**
 * Hesabatların Reyestri (SPEC G1–G2): search the employer's reports, page through them, open a
 * sent one, edit or delete a draft. Everything is in the URL, so it works without JavaScript.
 */
export default async function RegistryPage({ searchParams }: Props) {
  const scope = await requireEmployerAccess('REPORTS');
  const t = await getTranslations('registry');
  const locale = (await getLocale()) === 'en' ? 'en' : 'az';
  const params = await searchParams;
  const { criteria, errors, values } = parseRegistryCriteria(params);
  const db = await getDb();
  const [activityCodes, result] = await Promise.all([
    listActivityCodes(db, scope),
    errors.length === 0 ? searchReports(db, scope, criteria) : Promise.resolve(null),
  ]);
  const fieldErrors: Partial<Record<RegistryField, string>> = {};
  for (const e of errors) fieldErrors[e.field] ??= e.text[locale];
  const pageHref = (page: number) =>
    `/reports/registry${registryQuery(values, { page: page === 1 ? undefined : String(page) })}`;
  const deleteError =
    params.deleteError === 'NOT_DRAFT' || params.deleteError === 'NOT_FOUND'
      ? params.deleteError
      : null;

  return (
    <div>
      <p className="text-sm">
        <Link href="/reports">← {t('back')}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-muted">{t('intro')}</p>
      <div className="mt-4">
        <ErrorSummary
          title={t('errorSummary')}
          errors={errors.map((e) => ({ message: e.text[locale], fieldId: fieldId(e.field) }))}
        />
      </div>
      {params.deleted === '1' ? (
        <p
          role="status"
          className="mt-4 rounded-md border-2 border-success bg-success-50 p-3 font-semibold"
          data-testid="registry-deleted"
        >
          {t('deleted')}
        </p>
      ) : null}
      {deleteError ? (
        <p
          role="alert"
          className="mt-4 rounded-md border-2 border-danger bg-danger-50 p-3 font-semibold"
          data-testid="registry-delete-error"
        >
          {deleteError === 'NOT_DRAFT' ? t('deleteFailedNotDraft') : t('deleteFailedNotFound')}
        </p>
      ) : null}
      <SearchPanel
        values={values}
        fieldErrors={fieldErrors}
        activityCodes={activityCodes}
        locale={locale}
      />
      <section className="mt-8" aria-labelledby="registry-results">
        <h2 id="registry-results" className="text-lg font-semibold">
          {t('results')}
        </h2>
        {result === null ? (
          <p className="mt-2 text-muted">{t('fixErrors')}</p>
        ) : (
          <>
            <p className="mt-2" role="status" data-testid="registry-total">
              {t('total', { total: result.total })}
            </p>
            <SendQuarterSlot />
            {result.rows.length === 0 ? (
              <p className="mt-2 text-muted">{t('noResults')}</p>
            ) : (
              <ResultsTable result={result} criteria={criteria} values={values} locale={locale} />
            )}
            <Pagination
              page={result.page}
              pageCount={result.pageCount}
              previousHref={result.page > 1 ? pageHref(result.page - 1) : null}
              nextHref={result.page < result.pageCount ? pageHref(result.page + 1) : null}
            />
          </>
        )}
      </section>
    </div>
  );
}
