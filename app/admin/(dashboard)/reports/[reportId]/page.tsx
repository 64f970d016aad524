import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import {
  ClosingSections,
  DocumentSections,
} from '@/app/(employer)/reports/[reportId]/view/document-sections';
import { StatusTimeline } from '@/app/(employer)/reports/[reportId]/view/status-timeline';
import { ReportDecisionForm } from '@/components/admin/reports/review-forms';
import { StatusBadge } from '@/components/registry/status-badge';
import { formatDate, formatDateTime } from '@/lib/i18n/format-date';
import { loadInStaffScope, requireStaff } from '@/lib/server/access';
import { getReviewReport } from '@/lib/server/staff/reports/review-report';
import { decidePendingReportAction, returnReportAction } from '../actions';

type Props = {
  params: Promise<{ reportId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations('staffReports');
  return { title: t('queueTitle') };
}

/**
 * One report for the reviewer (issue 14 §8–§9): the employer's own read-only view of it (the
 * same loader and sections), its receipt and signature check, and the decision forms.
 */
export default async function ReviewReportPage({ params }: Props) {
  const staff = await requireStaff('REVIEWER');
  const { reportId } = await params;
  const data = await loadInStaffScope(staff, 'page:reviewReport', (db) =>
    getReviewReport(db, staff, { reportId }),
  );
  const t = await getTranslations('staffReports');
  const tv = await getTranslations('reportView');
  const tr = await getTranslations('registry');
  const locale = (await getLocale()) === 'en' ? 'en' : 'az';
  const { view, receipt, signature, returnWindow } = data;
  const { report, document: doc } = view;
  const period = tr('period', { year: report.year, quarter: report.quarter });
  const receiptOf = new Map(view.submissions.map((s) => [s.submissionId, s.receiptNumber]));

  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/reports">← {t('back')}</Link>
      </p>
      <header className="mt-2">
        <h1 className="text-2xl font-bold">
          {t('reportTitle', { employer: data.employer.name, period })}
        </h1>
        <p className="mt-1 text-muted">
          {tr(`type${report.reportType}`)} · {report.activityCode} —{' '}
          {locale === 'en' ? report.activityNameEn : report.activityNameAz}
        </p>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-semibold">{tr('status')}</dt>
          <dd data-testid="review-status">
            <StatusBadge status={report.status} />
          </dd>
          <dt className="font-semibold">{t('receipt')}</dt>
          <dd>
            {receipt
              ? `${t('openReceipt', { number: receipt.receiptNumber })} · ${formatDateTime(receipt.receivedAt, locale)}`
              : '—'}
            {receipt ? (
              <span className="block text-sm">
                {t('receiptSigner', {
                  name: [receipt.signer.surname, receipt.signer.name].filter(Boolean).join(' '),
                  fin: receipt.signer.fin,
                  date: formatDateTime(receipt.signedAt, locale),
                })}
              </span>
            ) : null}
          </dd>
          <dt className="font-semibold">{t('deadline')}</dt>
          <dd>
            {receipt ? formatDate(receipt.dueDate, locale) : '—'}
            {receipt ? ` · ${receipt.late ? t('late') : t('onTime')}` : null}
          </dd>
          <dt className="font-semibold">{t('signature')}</dt>
          <dd data-testid="signature-check">
            {signature === null
              ? '—'
              : signature.valid
                ? t('signatureValid')
                : t('signatureInvalid', { code: signature.code })}
          </dd>
        </dl>
      </header>

      {returnWindow ? (
        <section
          aria-labelledby="return-title"
          className="mt-6 rounded-md border-2 border-line p-4"
        >
          <h2 id="return-title" className="text-lg font-bold">
            {t('returnTitle')}
          </h2>
          {returnWindow.open ? (
            <>
              <p className="mb-4 mt-1">
                {t('returnIntro', {
                  days: returnWindow.days,
                  lastDay: formatDate(returnWindow.lastDay, locale),
                })}
              </p>
              <ReportDecisionForm
                mode="return"
                reportId={report.id}
                codes={data.reasonCodes}
                returnAction={returnReportAction}
                decideAction={decidePendingReportAction}
              />
            </>
          ) : (
            <p className="mt-1">
              {t('returnClosed', { lastDay: formatDate(returnWindow.lastDay, locale) })}
            </p>
          )}
        </section>
      ) : null}

      {data.pending ? (
        <section
          aria-labelledby="pending-title"
          className="mt-6 rounded-md border-2 border-line p-4"
        >
          <h2 id="pending-title" className="text-lg font-bold">
            {t('pendingTitle')}
          </h2>
          <p className="mb-4 mt-1">{t('pendingIntro')}</p>
          <ReportDecisionForm
            mode="pending"
            reportId={report.id}
            codes={data.reasonCodes}
            returnAction={returnReportAction}
            decideAction={decidePendingReportAction}
          />
        </section>
      ) : null}

      {data.returns.length > 0 ? (
        <section aria-labelledby="returns-title" className="mt-6">
          <h2 id="returns-title" className="text-lg font-semibold">
            {t('returnsTitle')}
          </h2>
          <ul className="mt-2 list-disc pl-5">
            {data.returns.map((r) => (
              <li key={r.returnedAt.toISOString()}>
                {t('returnedBy', {
                  date: formatDateTime(r.returnedAt, locale),
                  fin: r.staffFin,
                  note: r.note,
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="history" className="mt-8">
        <h2 id="history" className="text-lg font-semibold">
          {tv('history')}
        </h2>
        <StatusTimeline
          reportId={report.id}
          history={view.history}
          receiptOf={receiptOf}
          locale={locale}
        />
      </section>

      {doc === null ? (
        <p className="mt-8 text-muted">{tv('noDocument')}</p>
      ) : (
        <>
          <DocumentSections document={doc} locale={locale} />
          <ClosingSections document={doc} />
        </>
      )}
    </div>
  );
}
