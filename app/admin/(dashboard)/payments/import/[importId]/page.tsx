import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/registry/pagination';
import { Button } from '@/components/ui/button';
import { ScrollTable } from '@/components/ui/scroll-table';
import { formatAmount } from '@/lib/domain/money-format';
import { formatDate, formatDateTime } from '@/lib/i18n/format-date';
import { loadInStaffScope, requireStaff } from '@/lib/server/access';
import { loadImportPreview } from '@/lib/server/staff/payments/read-models';
import { confirmImportAction } from '../../actions';
import { statementCodeText } from '../../line-words';

type Props = {
  params: Promise<{ importId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations('staffPayments');
  return { title: t('importTitle') };
}

/**
 * The preview of an imported statement (issue 14 §5): each line of the body with what the match
 * found; the operator confirms the matched lines, which records them as payments.
 */
export default async function ImportPreviewPage({ params, searchParams }: Props) {
  const staff = await requireStaff('OPERATOR');
  const t = await getTranslations('staffPayments');
  const locale = (await getLocale()) === 'en' ? 'en' : 'az';
  const { importId } = await params;
  const query = await searchParams;
  const page = Number(typeof query.page === 'string' ? query.page : 1);
  const preview = await loadInStaffScope(staff, 'loadImportPreview', (db) =>
    loadImportPreview(db, staff, { importId, page }),
  );
  const { statement } = preview;
  const recorded = typeof query.recorded === 'string' ? query.recorded : null;
  const href = (p: number) => `/admin/payments/import/${statement.id}?page=${p}`;
  return (
    <div>
      <p>
        <Link href="/admin/payments">← {t('back')}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t('previewTitle', { file: statement.fileName })}</h1>
      <p className="mt-2 text-sm text-muted">{formatDateTime(statement.importedAt, locale)}</p>
      <p className="mt-2 max-w-3xl" data-testid="import-summary">
        {t('previewSummary', {
          lines: statement.lineCount,
          problems: statement.problemCount,
          own: preview.ownCount,
          other: preview.otherBodiesCount,
        })}
      </p>
      {recorded !== null ? (
        <p role="status" className="mt-4 font-semibold" data-testid="import-confirmed">
          {t('confirmedNotice', {
            recorded: Number(recorded),
            skipped: Number(typeof query.skipped === 'string' ? query.skipped : 0),
          })}
        </p>
      ) : null}
      {preview.toConfirm > 0 ? (
        <form action={confirmImportAction} className="mt-4">
          <input type="hidden" name="importId" value={statement.id} />
          <p className="mb-2">{t('confirmCount', { count: preview.toConfirm })}</p>
          <Button type="submit" data-testid="import-confirm">
            {t('confirm')}
          </Button>
        </form>
      ) : (
        <p className="mt-4">{t('nothingToConfirm')}</p>
      )}
      {preview.toConfirm === 0 ? (
        <p className="mt-2">
          <Link href="/admin/payments/queue">{t('queueTitle')}</Link>
        </p>
      ) : null}
      <div className="mt-6">
        <ScrollTable
          label={t('linesCaption')}
          minWidth="min-w-[64rem]"
          testId="statement-lines"
          columns={[
            { label: t('colLine'), align: 'right' },
            { label: t('colReference') },
            { label: t('colDate') },
            { label: t('colAmount'), align: 'right' },
            { label: t('colPayer') },
            { label: t('colText') },
            { label: t('colMatch') },
          ]}
        >
          {preview.lines.map((l) => (
            <tr key={l.id} className="border-b border-line" data-testid="statement-line">
              <td className="p-3 text-right">{l.lineIndex}</td>
              <td className="p-3 font-mono">{l.bankReference}</td>
              <td className="p-3">{formatDate(l.valueDate, locale)}</td>
              <td className="p-3 text-right">{formatAmount(l.amountQepik, locale)}</td>
              <td className="p-3">
                {l.payerName ?? '—'}
                <br />
                <span className="text-sm">
                  {t('colVoen')}: {l.payerVoen ?? '—'}
                </span>
              </td>
              <td className="p-3 text-sm">{l.remittance}</td>
              <td className="p-3" data-status={l.recorded ? 'RECORDED' : l.status}>
                {l.recorded && l.status !== 'DUPLICATE'
                  ? t('matchRECORDED')
                  : l.status === 'MATCHED'
                    ? t('matchMATCHED', { employer: l.employerName ?? '' })
                    : statementCodeText(l.reason ?? '', locale)}
              </td>
            </tr>
          ))}
        </ScrollTable>
        <Pagination
          page={preview.page}
          pageCount={preview.pageCount}
          previousHref={preview.page > 1 ? href(preview.page - 1) : null}
          nextHref={preview.page < preview.pageCount ? href(preview.page + 1) : null}
        />
      </div>
      {statement.problems.length > 0 ? (
        <section className="mt-6" aria-labelledby="problems-title">
          <h2 id="problems-title" className="text-lg font-bold">
            {t('problemsTitle')}
          </h2>
          <ul className="mt-2 list-disc pl-5" data-testid="statement-problems">
            {statement.problems.map((p, i) => (
              <li key={`${p.index}-${i}`}>
                {t('problemLine', {
                  line: p.index,
                  message: statementCodeText(p.code, locale, p.params ?? {}),
                })}
                {p.bankReference ? ` (${p.bankReference})` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
