'use server';

import { revalidatePath } from 'next/cache';
import { certificateAuthority } from '@/lib/integrations/certificate-authority';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getPrincipal } from '@/auth/principal';
import { formatBakuDateTime, formatDayDate, pinDigits } from '@/components/sending/format';
import type {
  CancelResult,
  CardAnswer,
  CompleteQuarterResult,
  CompleteSendResult,
  CorrectiveResult,
  ExcludedView,
  SigningSession,
  StartQuarterResult,
  StartSendResult,
  StepProblem,
  SubmissionView,
} from '@/components/sending/types';
import type { Locale } from '@/lib/i18n/locales';
import { serverLocale } from '@/lib/i18n/server-locale';
import { stepById } from '@/lib/report-wizard/steps';
import { requireEmployerAccess } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { reportErrorMessage, type ReportErrorCode } from '@/lib/server/reports/report-errors';
import { requestIp } from '@/lib/server/request-ip';
import { cancelSigning } from '@/lib/server/signing/cancel-signing';
import {
  failureParams,
  signingMessage,
  SIGNING_CODES,
  type SigningCode,
} from '@/lib/server/signing/errors';
import { answerWithCard } from '@/lib/server/simulators/answer-with-card';
import { simulatorsEnabled } from '@/lib/server/simulators/enabled';
import { createCorrectiveReport } from '@/lib/server/submissions/create-corrective-report';
import { completeQuarterSending, startQuarterSending } from '@/lib/server/submissions/send-quarter';
import { completeReportSending, startReportSending } from '@/lib/server/submissions/send-report';
import type { SubmissionSummary } from '@/lib/server/submissions/types';
import { toUserError } from '@/lib/server/user-error';

// "GÖNDƏR" with a signature (issue 6 §3–§5, §11). Every export is a public endpoint: each calls
// the guard first, passes the scope on, and trusts nothing it is given (ids are re-scoped by the
// use cases). Results are plain objects with the texts already in the user's language.

const str = (value: unknown) => String(value ?? '').slice(0, 100);

function asSigningCode(code: string): SigningCode {
  return (SIGNING_CODES as readonly string[]).includes(code) ? (code as SigningCode) : 'NOT_FOUND';
}

async function stepLink(
  reportId: string,
  stepId: string,
): Promise<Pick<StepProblem, 'href' | 'stepLabel'>> {
  const step = stepById(stepId);
  if (!step) return { href: null, stepLabel: null };
  const ts = await getTranslations('wizardSteps');
  return { href: `/reports/${reportId}/${step.slug}`, stepLabel: ts(step.id as never) };
}

async function problems(
  reportId: string,
  list: { step: string; text: { az: string; en: string } }[],
  locale: Locale,
): Promise<StepProblem[]> {
  return Promise.all(
    list.map(async (m) => ({ text: m.text[locale], ...(await stepLink(reportId, m.step)) })),
  );
}

async function submissionView(s: SubmissionSummary, locale: Locale): Promise<SubmissionView> {
  return {
    submissionId: s.submissionId,
    reportId: s.reportId,
    receiptNumber: s.receiptNumber,
    receivedAt: formatBakuDateTime(s.receivedAt),
    status: s.status,
    returnReasons: await problems(s.reportId, s.returnReasons, locale),
    late: s.late,
    dueDate: formatDayDate(s.dueDate),
  };
}

/** A coded refusal of the sending use cases in words (signing codes, report codes). */
function failureText(failure: { code: string } & Record<string, unknown>, locale: Locale): string {
  if ((SIGNING_CODES as readonly string[]).includes(failure.code)) {
    return signingMessage(failure.code as SigningCode, failureParams(failure), locale);
  }
  return reportErrorMessage(failure.code as ReportErrorCode, { count: 1 }, locale);
}

async function session(started: {
  sessionId: string;
  verificationCode: string;
  expiresAt: Date;
}): Promise<SigningSession> {
  const principal = await getPrincipal();
  // Asan İmza: the phone the request went to, so the simulator link opens on it.
  const certificate =
    principal?.method === 'ASAN'
      ? await certificateAuthority(await getDb()).findCertificateBySerial(
          principal.certificateSerial,
        )
      : null;
  return {
    ...(certificate?.asanPhone ? { phone: certificate.asanPhone } : {}),
    sessionId: started.sessionId,
    verificationCode: started.verificationCode,
    expiresAt: started.expiresAt.toISOString(),
    method: principal?.method ?? 'ESIGN',
    signer: {
      name: principal ? `${principal.surname} ${principal.name} ${principal.patronymic}` : '',
      certificateSerial: principal?.certificateSerial ?? '',
    },
  };
}

async function refused(error: unknown): Promise<{ ok: false; message: string }> {
  return { ok: false, message: toUserError(error, await serverLocale()).message };
}

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
        message: reportErrorMessage(result.code, { count: result.messages.length }, locale),
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

function revalidateRegistry(): void {
  revalidatePath('/reports');
  revalidatePath('/reports/registry');
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
        message: reportErrorMessage(result.code, { count: result.messages.length }, locale),
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

async function excludedViews(
  excluded: {
    reportId: string;
    activityCode: string;
    reportType: string;
    text: { az: string; en: string };
  }[],
  locale: Locale,
): Promise<ExcludedView[]> {
  const t = await getTranslations('sending');
  return excluded.map((e) => ({
    reportId: e.reportId,
    activityCode: e.activityCode,
    reportType: e.reportType === 'CORRECTIVE' ? t('typeCORRECTIVE') : t('typeINITIAL'),
    message: e.text[locale],
    href: `/reports/${e.reportId}/check-answers`,
  }));
}

/** "GÖNDƏR" of a quarter (SPEC G3): one signature over every draft that passes the final validation. */
export async function startQuarterAction(input: {
  year: number;
  quarter: number;
}): Promise<StartQuarterResult> {
  const scope = await requireEmployerAccess('REPORTS');
  const locale = await serverLocale();
  const t = await getTranslations('sending');
  const year = Number(input?.year);
  const quarter = Number(input?.quarter);
  if (!Number.isInteger(year) || year < 2019 || year > 2100 || ![1, 2, 3, 4].includes(quarter)) {
    return { ok: false, message: reportErrorMessage('PERIOD_INVALID', {}, locale), excluded: [] };
  }
  const principal = await getPrincipal();
  try {
    const result = await startQuarterSending(await getDb(), scope, {
      year,
      quarter,
      method: principal?.method ?? 'ESIGN',
      ip: await requestIp(),
    });
    if (result.ok) {
      return {
        ok: true,
        batchId: result.batchId,
        session: await session(result),
        included: result.included.map((r) => ({
          reportId: r.reportId,
          activityCode: r.activityCode,
          reportType: r.reportType === 'CORRECTIVE' ? t('typeCORRECTIVE') : t('typeINITIAL'),
        })),
        excluded: await excludedViews(result.excluded, locale),
      };
    }
    if ('excluded' in result) {
      return {
        ok: false,
        message: reportErrorMessage('NOTHING_TO_SEND', {}, locale),
        excluded: await excludedViews(result.excluded, locale),
      };
    }
    return {
      ok: false,
      message: signingMessage(asSigningCode(result.code), failureParams(result), locale),
      excluded: [],
    };
  } catch (error) {
    return { ...(await refused(error)), excluded: [] };
  }
}

/** The manifest's signature came back: each listed report is received on its own. */
export async function completeQuarterAction(input: {
  batchId: string;
  jws?: string | null;
}): Promise<CompleteQuarterResult> {
  const scope = await requireEmployerAccess('REPORTS');
  const locale = await serverLocale();
  try {
    const result = await completeQuarterSending(await getDb(), scope, {
      batchId: str(input?.batchId),
      jws: input?.jws ? String(input.jws) : null,
      ip: await requestIp(),
    });
    if (!result.ok) {
      return {
        ok: false,
        message:
          result.code === 'NOT_FOUND'
            ? signingMessage('NOT_FOUND', {}, locale)
            : failureText(result, locale),
      };
    }
    revalidateRegistry();
    return {
      ok: true,
      results: await Promise.all(
        result.results.map(async (r) =>
          r.ok
            ? {
                ok: true as const,
                reportId: r.reportId,
                submission: await submissionView(r.submission, locale),
              }
            : { ok: false as const, reportId: r.reportId, message: r.text[locale] },
        ),
      ),
    };
  } catch (error) {
    return refused(error);
  }
}

/** "Dəqiqləşdirilmiş" (issue 6 §11): a corrective draft copied from the accepted report. */
export async function createCorrectiveAction(reportId: string): Promise<CorrectiveResult> {
  const scope = await requireEmployerAccess('REPORTS');
  const locale = await serverLocale();
  let created: { reportId: string };
  try {
    // The use case re-loads the id through the scope: another employer's id answers NOT_FOUND.
    created = await createCorrectiveReport(await getDb(), scope, { reportId: str(reportId) });
  } catch (error) {
    const user = toUserError(error, locale);
    const open = typeof user.params.reportId === 'string' ? user.params.reportId : null;
    return {
      ok: false,
      message: user.message,
      openHref: open ? `/reports/${open}/check-answers` : null,
    };
  }
  revalidateRegistry();
  redirect(`/reports/${created.reportId}/check-answers`);
}
