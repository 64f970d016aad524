import 'server-only';

import { revalidatePath } from 'next/cache';
import { certificateAuthority } from '@/lib/integrations/certificate-authority';
import { getTranslations } from 'next-intl/server';
import { getPrincipal } from '@/auth/principal';
import { formatBakuDateTime, formatDayDate } from '@/components/sending/format';
import type {
  ExcludedView,
  SigningSession,
  StepProblem,
  SubmissionView,
} from '@/components/sending/types';
import type { Locale } from '@/lib/i18n/locales';
import { serverLocale } from '@/lib/i18n/server-locale';
import { stepById } from '@/lib/report-wizard/steps';
import { getDb } from '@/lib/server/db';
import {
  failureParams,
  signingMessage,
  SIGNING_CODES,
  type SigningCode,
} from '@/lib/server/signing/errors';
import type { SubmissionSummary } from '@/lib/server/submissions/types';
import { toUserError } from '@/lib/server/user-error';
import { type AppErrorCode } from '@/lib/server/errors';
import { errorMessage } from '@/lib/server/error-messages';

// Shared by the sending actions: texts in the user's language, links to steps, the dialog's session.

export const str = (value: unknown) => String(value ?? '').slice(0, 100);

export function asSigningCode(code: string): SigningCode {
  return (SIGNING_CODES as readonly string[]).includes(code) ? (code as SigningCode) : 'NOT_FOUND';
}

export async function stepLink(
  reportId: string,
  stepId: string,
): Promise<Pick<StepProblem, 'href' | 'stepLabel'>> {
  const step = stepById(stepId);
  if (!step) return { href: null, stepLabel: null };
  const ts = await getTranslations('wizardSteps');
  return { href: `/reports/${reportId}/${step.slug}`, stepLabel: ts(step.id as never) };
}

export async function problems(
  reportId: string,
  list: { step: string; text: { az: string; en: string } }[],
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
    receivedAt: formatBakuDateTime(s.receivedAt),
    status: s.status,
    returnReasons: await problems(s.reportId, s.returnReasons, locale),
    late: s.late,
    dueDate: formatDayDate(s.dueDate),
  };
}

/** A coded refusal of the sending use cases in words (signing codes, report codes). */
export function failureText(
  failure: { code: string } & Record<string, unknown>,
  locale: Locale,
): string {
  if ((SIGNING_CODES as readonly string[]).includes(failure.code)) {
    return signingMessage(failure.code as SigningCode, failureParams(failure), locale);
  }
  return errorMessage(failure.code as AppErrorCode, { count: 1 }, locale);
}

export async function session(started: {
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

export async function refused(error: unknown): Promise<{ ok: false; message: string }> {
  return { ok: false, message: toUserError(error, await serverLocale()).message };
}

export function revalidateRegistry(): void {
  revalidatePath('/reports');
  revalidatePath('/reports/registry');
}

export async function excludedViews(
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
