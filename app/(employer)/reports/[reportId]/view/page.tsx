import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/components/registry/status-badge';
import { ScrollTable } from '@/components/ui/scroll-table';
import { statusWordKey } from '@/lib/i18n/status-words';
import { formatDate, formatDateTime } from '@/lib/i18n/format-date';
import { JobProgress } from '@/components/jobs/job-progress';
import { CorrectiveSlot } from '../../sending/slots';
import { ClosingSections, DocumentSections } from './document-sections';
import { PersonsSection } from './persons-section';
import { Button } from '@/components/ui/button';
import { formAction } from '@/components/ui/form-action';
import { retryChecksAction } from './actions';
import { loadSendJob } from './load-send-job';
import { loadSentReport } from './load-sent-report';
import { ReturnReasons, StatusTimeline } from './status-timeline';

type Props = {
  params: Promise<{ reportId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations('registry');
  return { title: t('title') };
}

/** A sent report, read-only (SPEC G2): what was signed, every sending and the status timeline. */
export default async function SentReportPage({ params, searchParams }: Props) {
  const { reportId } = await params;
  const view = await loadSentReport(reportId, await searchParams);
  if (view.isDraft)
    redirect(`/reports/${view.reportId}/${view.readyAt ? 'check-answers' : 'debt-start'}`);
  const t = await getTranslations('reportView');
  const tr = await getTranslations('registry');
  const ts = await getTranslations('reportStatus');
  const locale = (await getLocale()) === 'en' ? 'en' : 'az';
  const { report, document: doc, latestSubmission } = view;
  const checksPending = report.status === 'SENT' && latestSubmission?.status === 'RECEIVED';
  // Where the sending is (issue 15 §6): reopened while it runs, or after a crash stopped it.
  const sendJob = await loadSendJob(report.id, { checksPending, locale });
  const tj = await getTranslations('jobs');
  const period = tr('period', { year: report.year, quarter: report.quarter });
  const receiptOf = new Map(view.submissions.map((s) => [s.submissionId, s.receiptNumber]));
  const returnReasons =
    report.status === 'RETURNED'
      ? (latestSubmission?.returnReasons ??
        view.history.findLast((h) => h.status === 'RETURNED')?.reasons ??
        [])
      : [];

  return (
    <div>
      <p className="text-sm">
        <Link href="/reports/registry">← {t('backToRegistry')}</Link>
      </p>
      <header className="mt-2" data-testid="report-view-header">
        <h1 className="text-2xl font-bold">
          {t('title', { type: tr(`type${report.reportType}`), period })}
        </h1>
        <p className="mt-1 text-muted">
          {report.activityCode} — {locale === 'en' ? report.activityNameEn : report.activityNameAz}
        </p>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-semibold">{tr('status')}</dt>
          <dd>
            <StatusBadge status={report.status} />
          </dd>
          <dt className="font-semibold">{t('receiptNumber')}</dt>
          <dd>
            {report.receiptNumber ?? '—'}
            {latestSubmission ? (
              <>
                {' · '}
                <Link
                  href={`/reports/submissions/${latestSubmission.submissionId}/receipt`}
                  data-testid="view-receipt"
                >
                  {t('openReceipt')}
                </Link>
              </>
            ) : null}
          </dd>
          {report.sentAt ? (
            <>
              <dt className="font-semibold">{t('sentAt')}</dt>
              <dd>{formatDateTime(report.sentAt, locale)}</dd>
            </>
          ) : null}
          {report.decidedAt ? (
            <>
              <dt className="font-semibold">{t('decidedAt')}</dt>
              <dd>{formatDateTime(report.decidedAt, locale)}</dd>
            </>
          ) : null}
          {report.replacesReportId ? (
            <>
              <dt className="font-semibold">{t('replaces')}</dt>
              <dd>
                <Link href={`/reports/${report.replacesReportId}/view`}>{t('replaces')}</Link>
              </dd>
            </>
          ) : null}
        </dl>
      </header>
      {sendJob ? (
        <div className="mt-6">
          <JobProgress key={sendJob.id} initial={sendJob} title={tj('sendTitle')} />
        </div>
      ) : null}
      {report.status === 'ACCEPTED' ? <CorrectiveSlot reportId={report.id} /> : null}

      {checksPending ? (
        <section
          aria-labelledby="pending"
          className="mt-6 rounded-md border-4 border-line bg-surface p-4"
          data-testid="checks-pending"
        >
          <h2 id="pending" className="text-lg font-bold">
            {t('pendingTitle')}
          </h2>
          <p className="mt-1">{t('pendingText')}</p>
          <form action={formAction(retryChecksAction)} className="mt-3">
            <input type="hidden" name="reportId" value={report.id} />
            <Button type="submit" data-testid="retry-checks">
              {t('retryChecks')}
            </Button>
          </form>
        </section>
      ) : null}

      {report.status === 'RETURNED' ? (
        <section
          aria-labelledby="returned"
          className="mt-6 rounded-md border-4 border-danger bg-danger-50 p-4"
          data-testid="returned-box"
        >
          <h2 id="returned" className="text-lg font-bold text-danger">
            {t('returnedTitle')}
          </h2>
          <p className="mt-1">{t('returnedIntro')}</p>
          <ReturnReasons reportId={report.id} reasons={returnReasons} locale={locale} />
        </section>
      ) : null}

      <section aria-labelledby="history" className="mt-8">
        <h2 id="history" className="text-lg font-semibold">
          {t('history')}
        </h2>
        <StatusTimeline
          reportId={report.id}
          history={view.history}
          receiptOf={receiptOf}
          locale={locale}
        />
      </section>

      {doc === null ? (
        <p className="mt-8 text-muted">{t('noDocument')}</p>
      ) : (
        <>
          <DocumentSections document={doc} locale={locale} />
          <PersonsSection
            reportId={report.id}
            months={doc.period.months}
            persons={view.persons}
            locale={locale}
          />
          <ClosingSections document={doc} />
        </>
      )}

      <section aria-labelledby="submissions" className="mt-8">
        <h2 id="submissions" className="text-lg font-semibold">
          {t('submissions')}
        </h2>
        {view.submissions.length === 0 ? (
          <p className="mt-2 text-muted">{t('none')}</p>
        ) : (
          <ScrollTable
            label={t('submissions')}
            className="mt-3"
            columns={[
              { label: t('receiptNumber') },
              { label: t('receivedAt') },
              { label: t('dueDate') },
              { label: tr('status') },
              { label: t('decidedAt') },
            ]}
          >
            {view.submissions.map((s) => (
              <tr key={s.submissionId} className="border-b border-line align-top">
                <td className="p-3">
                  <Link href={`/reports/submissions/${s.submissionId}/receipt`}>
                    {s.receiptNumber}
                  </Link>
                </td>
                <td className="whitespace-nowrap p-3">{formatDateTime(s.receivedAt, locale)}</td>
                <td className="whitespace-nowrap p-3">
                  {formatDate(s.dueDate, locale)} ·{' '}
                  {s.late ? <strong className="text-danger">{t('late')}</strong> : t('onTime')}
                </td>
                <td className="p-3">
                  {ts(statusWordKey(s.status) ?? 'RECEIVED')}
                  {s.returnReasons.length > 0 ? (
                    <ReturnReasons reportId={report.id} reasons={s.returnReasons} locale={locale} />
                  ) : null}
                </td>
                <td className="whitespace-nowrap p-3">
                  {s.decidedAt ? formatDateTime(s.decidedAt, locale) : '—'}
                </td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>
    </div>
  );
}
