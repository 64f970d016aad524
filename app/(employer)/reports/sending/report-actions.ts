'use server';

import { z } from 'zod';
import { validatePin } from '@/lib/domain/identifiers';
import { ZId, ZLine } from '@/lib/server/action-schemas';
import { employerAction } from '@/lib/server/actions';
import { requirePrincipal } from '@/lib/server/access';
import { serverLocale } from '@/lib/i18n/server-locale';
import { getDb } from '@/lib/server/db';
import { requestIp } from '@/lib/server/request-ip';
import { signingBrowser, startSigningBrowser } from '@/lib/server/signing/browser-secret';
import { cancelSigning } from '@/lib/server/signing/cancel-signing';
import { signingMessage } from '@/lib/server/signing/errors';
import { startedSigningView, type CardAnswerResult } from '@/lib/server/signing/signing-views';
import { answerWithCard } from '@/lib/server/simulators/answer-with-card';
import { simulatorsEnabled } from '@/lib/server/simulators/enabled';
import { getJob } from '@/lib/server/jobs/get-job';
import { toJobAnswer } from '@/lib/server/jobs/job-message';
import {
  endSendJobOfSigning,
  findRunningSendJob,
  sendStageHook,
  startSendJob,
} from '@/lib/server/jobs/send-job';
import { completeReportSending, startReportSending } from '@/lib/server/submissions/send-report';
import {
  problems,
  signingSessionView,
  submissionView,
  type CancelResult,
  type CompleteSendResult,
  type StartSendResult,
} from '@/lib/server/submissions/sending-views';

// "GÖNDƏR" with a signature (issue 6 §3–§5, §11), for the reports service. The use cases
// re-load every id through the scope (another employer's report is a 404 and an audit row);
// a signature that did not come about is an answer in words, not an error. The signing session
// is bound to the browser that started it (the hesabat-signing cookie, issue 12 §3): the card
// answer, the completion and the cancel only work from it.

/** A signed answer (compact JWS) as the card program hands it back. */
const ZJws = ZLine(100_000).nullish();

/** Final validation, then a signing session over the report for the person acting. */
export const startSendAction = employerAction(
  'REPORTS',
  z.tuple([ZId]),
  async (scope, reportId): Promise<StartSendResult> => {
    const locale = await serverLocale();
    const principal = await requirePrincipal();
    const db = await getDb();
    // The job row of this send (issue 15 §6): final checks now, then the device's signature.
    const job = await startSendJob(db, scope, reportId);
    const result = await startReportSending(db, scope, {
      reportId,
      method: principal.method,
      browser: await startSigningBrowser(),
      ip: await requestIp(),
    }).catch(async (error: unknown) => {
      await job.fail(error);
      throw error;
    });
    if (result.ok) {
      job.progress({ stage: 'SIGNATURE', signingSessionId: result.sessionId });
      await job.flush();
    } else await job.fail(result.code);
    // The page polls this job while the completion runs, so it knows the id before completing.
    if (result.ok)
      return {
        ok: true,
        session: await signingSessionView(startedSigningView(result), principal),
        job: toJobAnswer(await getJob(db, scope, { jobId: job.jobId }), locale),
      };
    return {
      ok: false,
      message: signingMessage(result, {}, locale),
      ...('messages' in result
        ? { problems: await problems(reportId, result.messages, locale) }
        : {}),
    };
  },
  { name: 'startSendAction' },
);

/** The simulated card program: PIN2 over the session of the person acting (their certificate). */
export const answerCardAction = employerAction(
  'REPORTS',
  z.tuple([z.object({ sessionId: ZId, pin: ZLine(20) })]),
  async (_scope, input): Promise<CardAnswerResult> => {
    const locale = await serverLocale();
    if (!simulatorsEnabled())
      return { ok: false, final: true, message: signingMessage('NOT_FOUND', {}, locale) };
    if (!validatePin(input.pin, 'PIN2').ok)
      return {
        ok: false,
        final: false,
        message: signingMessage('PIN_FORMAT', { digits: 5 }, locale),
      };
    const principal = await requirePrincipal();
    const result = await answerWithCard(await getDb(), {
      sessionId: input.sessionId,
      certificateSerial: principal.certificateSerial,
      pin: input.pin,
      browser: await signingBrowser(),
      ip: await requestIp(),
    });
    if (result.ok) return { ok: true, jws: result.jws };
    return {
      ok: false,
      final: result.code !== 'WRONG_PIN' && result.code !== 'PIN_FORMAT',
      message: signingMessage(result, { digits: 5 }, locale),
    };
  },
  { name: 'answerCardAction' },
);

/** The signature came back: receive the report (idempotent) and run the automatic checks. */
export const completeSendAction = employerAction(
  'REPORTS',
  z.tuple([z.object({ reportId: ZId, sessionId: ZId, jws: ZJws })]),
  async (scope, input): Promise<CompleteSendResult> => {
    const locale = await serverLocale();
    const db = await getDb();
    const job = await findRunningSendJob(db, scope, input.reportId, input.sessionId);
    const result = await completeReportSending(
      db,
      scope,
      {
        reportId: input.reportId,
        sessionId: input.sessionId,
        browser: await signingBrowser(),
        jws: input.jws || null,
        ip: await requestIp(),
      },
      undefined,
      job ? sendStageHook(job) : undefined,
    ).catch(async (error: unknown) => {
      await job?.fail(error);
      throw error;
    });
    if (result.ok)
      await job?.finish({
        status: result.submission.status,
        receiptNumber: result.submission.receiptNumber,
      });
    else await job?.fail(result.code);
    // No revalidate here: it would re-render the page the send started from, and the wizard
    // redirects a sent report to its view, dropping the outcome panel. Every employer page is
    // dynamic, so the registry shows the new status on its next load anyway.
    if (result.ok) return { ok: true, submission: await submissionView(result.submission, locale) };
    return {
      ok: false,
      message: signingMessage(result, {}, locale),
      ...('messages' in result
        ? { problems: await problems(input.reportId, result.messages, locale) }
        : {}),
    };
  },
  { name: 'completeSendAction' },
);

/**
 * The holder closed the dialog: a pending session becomes USER_CANCELLED — only a document
 * signature this browser started, of the person acting for this employer (issue 12 §4).
 */
export const cancelSendAction = employerAction(
  'REPORTS',
  z.tuple([ZId]),
  async (scope, sessionId): Promise<CancelResult> => {
    const locale = await serverLocale();
    const db = await getDb();
    const result = await cancelSigning(db, {
      sessionId,
      browser: await signingBrowser(),
      owner: {
        purpose: 'SIGN',
        employerId: scope.employerId,
        certificateSerial: scope.certificateSerial,
      },
      ip: await requestIp(),
    });
    if (!result.ok) return { ok: false, message: signingMessage(result, {}, locale) };
    const ended =
      result.status === 'PENDING' || result.status === 'OK' ? 'USER_CANCELLED' : result.status;
    // A signature given (OK) is the completion's to finish; any other end ends the send's job.
    if (result.status !== 'OK' && result.status !== 'PENDING')
      await endSendJobOfSigning(db, scope, sessionId, result.status);
    return { ok: true, message: signingMessage(ended, {}, locale) };
  },
  { name: 'cancelSendAction' },
);
