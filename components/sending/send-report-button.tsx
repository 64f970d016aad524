'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from '@/lib/i18n/client/texts';
import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { JobProgress } from '@/components/jobs/job-progress';
import { Button } from '@/components/ui/button';
import { statusWordKey } from '@/lib/i18n/status-words';
import { ProblemList } from './problem-list';
import { SendOutcome } from './send-outcome';
import { SigningDialog } from './signing-dialog';
import type { JobAnswer } from '@/lib/server/jobs/job-message';
import type { CardAnswerResult } from '@/lib/server/signing/signing-views';
import type {
  CancelResult,
  CompleteSendResult,
  SigningSession,
  StartSendResult,
  StepProblem,
  SubmissionView,
} from '@/lib/server/submissions/sending-views';

/** The server actions a send needs, passed down from a server component. */
export type SendActions = {
  start: (reportId: string) => Promise<StartSendResult>;
  answerCard: (input: { sessionId: string; pin: string }) => Promise<CardAnswerResult>;
  complete: (input: {
    reportId: string;
    sessionId: string;
    jws?: string | null;
  }) => Promise<CompleteSendResult>;
  cancel: (sessionId: string) => Promise<CancelResult>;
};

type Props = {
  reportId: string;
  actions: SendActions;
  simulatorsOn: boolean;
  /** A registry row: a smaller button and a one-line outcome. */
  compact?: boolean;
};

/**
 * "GÖNDƏR" of one report (issue 6 §3–§5): the final validation (blocking errors come back with
 * links to their steps), the signature, then the receipt and the outcome of the checks.
 */
export function SendReportButton({ reportId, actions, simulatorsOn, compact = false }: Props) {
  const t = useTranslations('sending');
  const ts = useTranslations('reportStatus');
  const tj = useTranslations('jobs');
  const [session, setSession] = useState<SigningSession | null>(null);
  // The job row of this send (issue 15 §6), known from the start: shown once signed, polled
  // while the completion (one server action that stays open) receives, checks and posts.
  const [job, setJob] = useState<JobAnswer | null>(null);
  const [signed, setSigned] = useState(false);
  const [error, setError] = useState<{ message: string; problems: StepProblem[] } | null>(null);
  const [outcome, setOutcome] = useState<SubmissionView | null>(null);
  const [pending, startTransition] = useTransition();
  const { start, complete } = actions;
  const router = useRouter();
  const errorBox = useRef<HTMLDivElement>(null);
  // A refusal or an ended signature takes the focus, so it is read out and the next step is near.
  useEffect(() => {
    if (error) errorBox.current?.focus();
  }, [error]);

  const send = () =>
    startTransition(async () => {
      setError(null);
      setOutcome(null);
      setJob(null);
      setSigned(false);
      const result = await start(reportId);
      if (result.ok) {
        setSession(result.session);
        setJob(result.job);
      } else setError({ message: result.message, problems: result.problems ?? [] });
    });

  const onSigned = useCallback(
    (jws: string | null) => {
      if (!session) return;
      const sessionId = session.sessionId;
      setSession(null);
      setSigned(true);
      startTransition(async () => {
        const result = await complete({ reportId, sessionId, jws });
        if (result.ok) {
          setOutcome(result.submission);
          // From a registry row or the check page: open the report's own page, where its new
          // status, the timeline (Received, then Accepted or Returned with the reasons) and the
          // receipt are shown and announced; a draft's page would go on saying "Qaralama".
          router.push(`/reports/${reportId}/view`);
        } else {
          // The refusal says why; the job row ended FAILED with the same code.
          setJob(null);
          setError({ message: result.message, problems: result.problems ?? [] });
        }
      });
    },
    [session, complete, reportId, router],
  );

  // A signature that ended on its own (it expired, the phone refused it, the card was blocked) is
  // reported to the server as the dialog's cancel is: the send's job row then ends with it
  // instead of running on until it shows as interrupted. A cancel of an ended session changes
  // nothing else.
  const cancelled = useRef<string | null>(null);
  const cancel = useCallback(
    (sessionId: string) => {
      cancelled.current = sessionId;
      return actions.cancel(sessionId);
    },
    [actions],
  );
  const onEnded = useCallback(
    (message: string) => {
      if (session && cancelled.current !== session.sessionId)
        void actions.cancel(session.sessionId).catch(() => {});
      setSession(null);
      setJob(null);
      setError({ message, problems: [] });
    },
    [session, actions],
  );

  return (
    <div
      className={compact ? '' : 'mt-8 border-t border-line pt-4'}
      data-testid="send-report-block"
    >
      {error ? (
        <div
          className="mb-3 rounded-md border-2 border-danger bg-danger-50 p-3"
          ref={errorBox}
          tabIndex={-1}
          role="alert"
          data-testid="send-error"
        >
          <p className="font-semibold text-danger">{error.message}</p>
          {compact ? (
            error.problems.length > 0 ? (
              <a href={`/reports/${reportId}/check-answers`} data-testid="send-check-link">
                {t('toCheckPage')}
              </a>
            ) : null
          ) : (
            <ProblemList
              problems={error.problems}
              fixWord={(step) => t('fixAt', { step })}
              testId="send-problems"
            />
          )}
        </div>
      ) : null}
      {job && signed ? (
        <JobProgress
          key={job.id}
          initial={job}
          title={tj('sendTitle')}
          refreshOnDone={false}
          compact={compact}
        />
      ) : null}
      {outcome ? (
        compact ? (
          <p role="status" data-testid="send-outcome">
            <span data-testid="outcome-status" data-status={outcome.status}>
              {ts(statusWordKey(outcome.status) ?? 'RECEIVED')}
            </span>
            {' · '}
            <a
              href={`/reports/submissions/${outcome.submissionId}/receipt`}
              data-testid="receipt-link"
            >
              {t('receiptNo', { receipt: outcome.receiptNumber })}
            </a>
          </p>
        ) : (
          <SendOutcome submission={outcome} />
        )
      ) : (
        <>
          {compact ? null : <p className="mb-3 max-w-prose">{t('sendLead')}</p>}
          <Button
            onClick={send}
            disabled={pending || session !== null}
            className={compact ? 'min-h-9 px-3 py-1 text-sm' : ''}
            data-testid="send-report"
          >
            {t('send')}
          </Button>
          {/* Once signed, the progress above speaks for the send. */}
          {pending && !(job && signed) ? (
            <span role="status" className="ml-3 text-muted">
              {t('working')}
            </span>
          ) : null}
        </>
      )}
      <SigningDialog
        session={session}
        simulatorsOn={simulatorsOn}
        answerCard={actions.answerCard}
        cancel={cancel}
        onSigned={onSigned}
        onEnded={onEnded}
      >
        <p>{t('signingReport')}</p>
      </SigningDialog>
    </div>
  );
}
