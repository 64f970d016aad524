import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PaymentApplicationTable } from '@/components/report-figures/payment-application-table';
import { MarkReadyButton, ReviewWarnings } from '@/components/report-wizard/lazy';
import { SummaryList } from '@/components/report-wizard/persons/summary-list';
import { CorrectionDiff } from '@/components/sending/correction-diff';
import { formatMonth } from '@/lib/domain';
import { stepById } from '@/lib/report-wizard/steps';
import { getDb } from '@/lib/server/db';
import { getCorrectionDiff } from '@/lib/server/submissions/get-correction-diff';
import { confirmWarningsAction, markReadyAction } from '../../actions-persons';
import { SendReportSlot } from '../../../../sending/slots';
import type { StepProps } from '../step-props';
import { reviewRows } from './review-rows';

/** Check your answers (issue 5 §7): every section with change links, the balance, every error and warning; then "ready to send". */
export async function StepREVIEW({ loaded, locale }: StepProps) {
  const t = await getTranslations('wizardPersons');
  const ts = await getTranslations('wizardSteps');
  const { report, scope } = loaded;
  const db = await getDb();
  const review = loaded.review();
  const diff =
    report.reportType === 'CORRECTIVE'
      ? await getCorrectionDiff(db, scope, { reportId: report.id })
      : null;
  const { answers, balance } = await reviewRows(review, loaded, locale);
  const stepHref = (id: string) => loaded.hrefOf(stepById(id) ?? null);
  const stepLabel = (id: string) => (stepById(id) ? ts(id as never) : id);
  const blocking = review.messages.filter((m) => m.severity === 'blocking');
  const warnings = review.messages.filter((m) => m.severity === 'warning' && m.key);
  const infos = review.messages.filter((m) => m.severity === 'info');
  const where = (m: (typeof review.messages)[number]) =>
    [m.month ? formatMonth(m.month, locale) : null, m.fin ? t('personFin', { fin: m.fin }) : null]
      .filter(Boolean)
      .join(' · ');
  return (
    <>
      {diff ? <CorrectionDiff diff={diff} locale={locale} /> : null}
      {review.readyAt ? (
        <div
          className="mb-8 rounded-md border-2 border-success bg-success-50 p-4"
          role="status"
          data-testid="report-ready"
        >
          <h2 className="text-xl font-semibold text-success">{t('readyTitle')}</h2>
          <p className="mt-1 max-w-prose">{t('readyBody')}</p>
          <Link
            href="/reports"
            className="mt-2 inline-flex min-h-11 items-center"
            data-testid="to-registry"
          >
            {t('toRegistry')}
          </Link>
        </div>
      ) : (
        <p className="mb-6 max-w-prose">{t('reviewLead')}</p>
      )}
      <section aria-labelledby="problems-title" className="mb-8" data-testid="review-problems">
        <h2 id="problems-title" className="mb-2 text-xl font-semibold">
          {t('problemsTitle')}
        </h2>
        {blocking.length === 0 && warnings.length === 0 ? (
          <p className="text-success" data-testid="no-problems">
            {t('noProblems')}
          </p>
        ) : null}
        {blocking.length > 0 ? (
          <div className="mb-4 rounded-md border-2 border-danger bg-danger-50 p-4">
            <h3 className="font-semibold text-danger">
              {t('blockingTitle', { count: blocking.length })}
            </h3>
            <ul className="mt-2 list-disc space-y-1 pl-5" data-testid="blocking-errors">
              {blocking.map((m) => {
                const href = stepHref(m.step);
                return (
                  <li
                    key={`${m.code}-${m.month ?? ''}-${m.fin ?? ''}`}
                    data-testid="blocking-error"
                  >
                    {m.text[locale]}
                    {where(m) ? <span className="text-muted"> ({where(m)})</span> : null}
                    {href ? (
                      <>
                        {' '}
                        — <a href={href}>{t('fixAt', { step: stepLabel(m.step) })}</a>
                      </>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
        {warnings.length > 0 ? (
          <>
            <h3 className="mb-2 font-semibold">
              {t('warningsToConfirm', { count: warnings.length })}
            </h3>
            <ReviewWarnings
              warnings={warnings.map((m) => ({
                key: m.key ?? '',
                text: `${m.text[locale]}${where(m) ? ` (${where(m)})` : ''}`,
                href: stepHref(m.step),
                stepLabel: stepLabel(m.step),
                reason: m.confirmation?.reason ?? null,
              }))}
              confirm={confirmWarningsAction.bind(null, report.id)}
            />
          </>
        ) : null}
        {infos.length > 0 ? (
          <ul className="mt-4 list-disc pl-5 text-muted">
            {infos.map((m) => (
              <li key={`${m.code}-${m.month ?? ''}-${m.fin ?? ''}`}>{m.text[locale]}</li>
            ))}
          </ul>
        ) : null}
      </section>
      <SummaryList title={t('answersTitle')} rows={answers} changeWord={t('change')} />
      <SummaryList title={t('balanceTitle')} rows={balance} changeWord={t('change')} />
      <PaymentApplicationTable
        application={review.application}
        locale={locale}
        testId="review-application"
      />
      {review.readyAt ? null : (
        <MarkReadyButton markReady={markReadyAction.bind(null, report.id)} />
      )}
      <SendReportSlot reportId={report.id} />
    </>
  );
}
