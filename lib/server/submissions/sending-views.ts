import 'server-only';
import { formatDate, formatDateTime } from '@/lib/i18n/format-date';
import type { Locale } from '@/lib/i18n/locales';
import { serverTranslations } from '@/lib/i18n/server-translations';
import { certificateAuthority } from '@/lib/integrations/certificate-authority';
import { stepById } from '@/lib/report-wizard/steps';
import type { ActionRefusal } from '../actions';
import { getDb } from '../db';
import type { Principal } from '../principal';
import type { StartedSigningView } from '../signing/signing-views';
import type { SubmissionSummary } from './types';
import type { JobAnswer } from '../jobs/job-message';

// What the sending actions answer (issue 6 §3–§5, §11), built here so the components import
// the types instead of mirroring them: texts already in the user's language, instants as text,
// every problem linked to the wizard step that fixes it.

/** A signing session the dialog shows: the code, the deadline and who signs with what. */
export type SigningSession = StartedSigningView & {
  method: 'ESIGN' | 'ASAN';
  signer: { name: string; certificateSerial: string };
  /** Asan İmza: the phone the request was sent to (E.164). */
  phone?: string;
};

/** A problem (blocking error, unconfirmed warning, return reason) with the step that fixes it. */
export type StepProblem = { text: string; href: string | null; stepLabel: string | null };

export type SubmissionView = {
  submissionId: string;
  reportId: string;
  receiptNumber: string;
  /** 'dd.mm.yyyy hh:mm', Baku time. */
  receivedAt: string;
  status: SubmissionSummary['status'];
  returnReasons: StepProblem[];
  late: boolean;
  /** 'dd.mm.yyyy'. */
  dueDate: string;
};

/** A report of a quarter's sending, its type in words. */
export type QuarterReport = { reportId: string; activityCode: string; reportType: string };

/** A report the quarter's sending left out, with why and a link to its check page. */
export type ExcludedView = QuarterReport & { message: string; href: string };

/** A refused send: the message, and the report's problems when it cannot be sent. */
export type SendRefusal = ActionRefusal & { problems?: StepProblem[] };

/** A send under way: the signing session, and the job row of the send the page polls (issue 15 §6). */
export type StartSendResult = { ok: true; session: SigningSession; job: JobAnswer } | SendRefusal;

export type CompleteSendResult = { ok: true; submission: SubmissionView } | SendRefusal;

/** Closing the dialog: what became of the session, in words. */
export type CancelResult = { ok: true; message: string } | ActionRefusal;

export type StartQuarterResult =
  | {
      ok: true;
      batchId: string;
      session: SigningSession;
      included: QuarterReport[];
      excluded: ExcludedView[];
    }
  | (ActionRefusal & { excluded?: ExcludedView[] });

export type QuarterResultView =
  | { ok: true; reportId: string; submission: SubmissionView }
  | { ok: false; reportId: string; message: string };

export type CompleteQuarterResult = { ok: true; results: QuarterResultView[] } | ActionRefusal;

/** "Dəqiqləşdirilmiş" answers only when refused (with a link to the open corrective draft). */
export type CorrectiveResult = ActionRefusal;

async function stepLink(
  reportId: string,
  stepId: string,
): Promise<Pick<StepProblem, 'href' | 'stepLabel'>> {
  const step = stepById(stepId);
  if (!step) return { href: null, stepLabel: null };
  const ts = await serverTranslations('wizardSteps');
  return { href: `/reports/${reportId}/${step.slug}`, stepLabel: ts(step.id) };
}

export async function problems(
  reportId: string,
  list: readonly { step: string; text: { az: string; en: string } }[],
  locale: Locale,
): Promise<StepProblem[]> {
  return Promise.all(
    list.map(async (m) => ({ text: m.text[locale], ...(await stepLink(reportId, m.step)) })),
  );
}

export async function submissionView(
  s: SubmissionSummary,
  locale: Locale,
): Promise<SubmissionView> {
  return {
    submissionId: s.submissionId,
    reportId: s.reportId,
    receiptNumber: s.receiptNumber,
    receivedAt: formatDateTime(s.receivedAt),
    status: s.status,
    returnReasons: await problems(s.reportId, s.returnReasons, locale),
    late: s.late,
    dueDate: formatDate(s.dueDate),
  };
}

/** The dialog's session for the person signing, with the method they signed in with. */
export async function signingSessionView(
  started: StartedSigningView,
  principal: Principal,
): Promise<SigningSession> {
  // Asan İmza: the phone the request went to, so the simulator link opens on it.
  const certificate =
    principal.method === 'ASAN'
      ? await certificateAuthority(await getDb()).findCertificateBySerial(
          principal.certificateSerial,
        )
      : null;
  return {
    ...(certificate?.asanPhone ? { phone: certificate.asanPhone } : {}),
    ...started,
    method: principal.method,
    signer: {
      name: `${principal.surname} ${principal.name} ${principal.patronymic}`,
      certificateSerial: principal.certificateSerial,
    },
  };
}

type SendingWords = Awaited<ReturnType<typeof serverTranslations>>;

function quarterReport(
  r: { reportId: string; activityCode: string; reportType: string },
  t: SendingWords,
): QuarterReport {
  return {
    reportId: r.reportId,
    activityCode: r.activityCode,
    reportType: r.reportType === 'CORRECTIVE' ? t('typeCORRECTIVE') : t('typeINITIAL'),
  };
}

/** The reports of a quarter's sending, their type in words. */
export async function quarterReports(
  reports: readonly { reportId: string; activityCode: string; reportType: string }[],
): Promise<QuarterReport[]> {
  const t = await serverTranslations('sending');
  return reports.map((r) => quarterReport(r, t));
}

/** The reports a quarter's sending left out, each with why and its check page. */
export async function excludedViews(
  excluded: readonly (QuarterReport & { text: { az: string; en: string } })[],
  locale: Locale,
): Promise<ExcludedView[]> {
  const t = await serverTranslations('sending');
  return excluded.map((e) => ({
    ...quarterReport(e, t),
    message: e.text[locale],
    href: `/reports/${e.reportId}/check-answers`,
  }));
}
