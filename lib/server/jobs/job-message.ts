import 'server-only';
import type { Locale } from '@/lib/i18n/locales';
import { errorMessage } from '../error-messages';
import { APP_ERROR_CODES, type AppErrorCode, type AppErrorParams } from '../errors';
import type { JobView } from './get-job';

const CODES: ReadonlySet<string> = new Set(APP_ERROR_CODES);

/** What a failed job says in the user's language; null when it did not fail with a known code. */
export function jobFailureMessage(job: JobView, locale: Locale): string | null {
  if (job.status !== 'FAILED' || job.errorCode === null || !CODES.has(job.errorCode)) return null;
  const raw = job.result?.params;
  const params: Record<string, string | number> = {};
  if (typeof raw === 'object' && raw !== null)
    for (const [key, value] of Object.entries(raw))
      if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  return errorMessage(job.errorCode as AppErrorCode, params as AppErrorParams, locale);
}

/** A job as the page receives it: the row and, when it failed, why. */
export type JobAnswer = JobView & { message: string | null };

export function toJobAnswer(job: JobView, locale: Locale): JobAnswer {
  return { ...job, message: jobFailureMessage(job, locale) };
}
