'use server';

import { getPrincipal } from '@/auth/principal';
import { pinDigits } from '@/components/sending/format';
import type {
  CancelResult,
  CardAnswer,
  CompleteSendResult,
  StartSendResult,
} from '@/components/sending/types';
import { serverLocale } from '@/lib/i18n/server-locale';
import { requireEmployerAccess } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { requestIp } from '@/lib/server/request-ip';
import { cancelSigning } from '@/lib/server/signing/cancel-signing';
import { failureParams, signingMessage } from '@/lib/server/signing/errors';
import { answerWithCard } from '@/lib/server/simulators/answer-with-card';
import { simulatorsEnabled } from '@/lib/server/simulators/enabled';
import { completeReportSending, startReportSending } from '@/lib/server/submissions/send-report';
import {
  asSigningCode,
  failureText,
  problems,
  refused,
  session,
  str,
  submissionView,
} from './views';
import { errorMessage } from '@/lib/server/error-messages';

// "GÖNDƏR" with a signature (issue 6 §3–§5, §11). Every export is a public endpoint: each calls
// the guard first, passes the scope on, and trusts nothing it is given (ids are re-scoped by the
// use cases). Results are plain objects with the texts already in the user's language.

/** Final validation, then a signing session over the report for the person acting. */
export async function startSendAction(reportId: string): Promise<StartSendResult> {
  const scope = await requireEmployerAccess('REPORTS');
  const locale = await serverLocale();
  const principal = await getPrincipal();
  try {
    const id = str(reportId);
    const result = await startReportSending(await getDb(), scope, {
      reportId: id,
      method: principal?.method ?? 'ESIGN',
      ip: await requestIp(),
    });
    if (result.ok) return { ok: true, session: await session(result) };
    if ('messages' in result) {
      return {
        ok: false,
        message: errorMessage(result.code, { count: result.messages.length }, locale),
        problems: await problems(id, result.messages, locale),
      };
    }
    return {
      ok: false,
      message: signingMessage(asSigningCode(result.code), failureParams(result), locale),
    };
  } catch (error) {
    return refused(error);
  }
}

/** The simulated card program: PIN2 over the session of the person acting (their certificate). */
export async function answerCardAction(input: {
  sessionId: string;
  pin: string;
}): Promise<CardAnswer> {
  await requireEmployerAccess('REPORTS');
  const locale = await serverLocale();
  const principal = await getPrincipal();
  if (!simulatorsEnabled() || !principal)
    return { ok: false, final: true, message: signingMessage('NOT_FOUND', {}, locale) };
  const pin = String(input?.pin ?? '');
  if (pinDigits(pin, 5) !== pin || pin.length !== 5) {
    return {
      ok: false,
      final: false,
      message: signingMessage('PIN_FORMAT', { digits: 5 }, locale),
    };
  }
  const result = await answerWithCard(await getDb(), {
    sessionId: str(input?.sessionId),
    certificateSerial: principal.certificateSerial,
    pin,
    ip: await requestIp(),
  });
  if (result.ok) return { ok: true, jws: result.jws };
  const final = result.code !== 'WRONG_PIN' && result.code !== 'PIN_FORMAT';
  return {
    ok: false,
    final,
    message: signingMessage(
      asSigningCode(result.code),
      { digits: 5, ...failureParams(result) },
      locale,
    ),
  };
}

/** The signature came back: receive the report (idempotent) and run the automatic checks. */
export async function completeSendAction(input: {
  reportId: string;
  sessionId: string;
  jws?: string | null;
}): Promise<CompleteSendResult> {
  const scope = await requireEmployerAccess('REPORTS');
  const locale = await serverLocale();
  const reportId = str(input?.reportId);
  try {
    const result = await completeReportSending(await getDb(), scope, {
      reportId,
      sessionId: str(input?.sessionId),
      jws: input?.jws ? String(input.jws) : null,
      ip: await requestIp(),
    });
    // No revalidatePath here: it would re-render the page the send started from, and the wizard
    // redirects a sent report to its view, dropping the outcome panel. Every employer page is
    // dynamic, so the registry shows the new status on its next load anyway.
    if (result.ok) {
      return { ok: true, submission: await submissionView(result.submission, locale) };
    }
    if ('messages' in result) {
      return {
        ok: false,
        message: errorMessage(result.code, { count: result.messages.length }, locale),
        problems: await problems(reportId, result.messages, locale),
      };
    }
    return { ok: false, message: failureText(result, locale) };
  } catch (error) {
    return refused(error);
  }
}

/** The holder closed the dialog: a pending session becomes USER_CANCELLED. */
export async function cancelSendAction(sessionId: string): Promise<CancelResult> {
  await requireEmployerAccess('REPORTS');
  const locale = await serverLocale();
  const result = await cancelSigning(await getDb(), {
    sessionId: str(sessionId),
    ip: await requestIp(),
  });
  if (!result.ok) return { ok: false, message: signingMessage('NOT_FOUND', {}, locale) };
  const code =
    result.status === 'PENDING' || result.status === 'OK'
      ? 'USER_CANCELLED'
      : asSigningCode(result.status);
  return { ok: true, message: signingMessage(code, {}, locale) };
}
