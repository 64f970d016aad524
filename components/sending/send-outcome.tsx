'use client';

import Link from 'next/link';
import { useTranslations } from '@/lib/i18n/client/texts';
import { useEffect, useRef } from 'react';
import { statusWordKey } from '@/lib/i18n/status-words';
import { ProblemList } from './problem-list';
import type { SubmissionView } from '@/lib/server/submissions/sending-views';

/**
 * After "GÖNDƏR" (issue 6 §5): received with its receipt number and time, then the outcome of
 * the automatic checks — accepted, or returned with the reasons linking to their steps.
 */
export function SendOutcome({ submission }: { submission: SubmissionView }) {
  const t = useTranslations('sending');
  const ts = useTranslations('reportStatus');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [submission.submissionId]);
  const returned = submission.status === 'RETURNED';
  return (
    <section
      className={`mt-4 rounded-md border-2 p-4 ${returned ? 'border-danger bg-danger-50' : 'border-success bg-success-50'}`}
      role="status"
      aria-live="polite"
      data-testid="send-outcome"
    >
      <h2 ref={heading} tabIndex={-1} className="text-xl font-semibold">
        {ts('RECEIVED')} —{' '}
        {t('receiptAt', { receipt: submission.receiptNumber, at: submission.receivedAt })}
      </h2>
      <p
        className="mt-2 text-lg font-semibold"
        data-testid="outcome-status"
        data-status={submission.status}
      >
        {ts(statusWordKey(submission.status) ?? 'RECEIVED')}
        {submission.status === 'RECEIVED' ? (
          <span className="block text-base font-normal">{t('checking')}</span>
        ) : null}
      </p>
      {returned ? (
        <>
          <p className="mt-1">{t('returnedLead')}</p>
          <ProblemList
            problems={submission.returnReasons}
            fixWord={(step) => t('fixAt', { step })}
            testId="return-reasons"
          />
        </>
      ) : null}
      {submission.late ? (
        <p className="mt-2 font-semibold text-warning" data-testid="late-notice">
          {t('late', { due: submission.dueDate })}
        </p>
      ) : null}
      <p className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
        <a
          href={`/reports/submissions/${submission.submissionId}/receipt`}
          className="inline-flex min-h-11 items-center"
          data-testid="receipt-link"
        >
          {t('receiptLink')}
        </a>
        <Link
          href="/reports/registry"
          className="inline-flex min-h-11 items-center"
          data-testid="registry-link"
        >
          {t('registryLink')}
        </Link>
      </p>
    </section>
  );
}
