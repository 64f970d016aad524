import 'server-only';
import { loadInScope, requireEmployerAccess } from '@/lib/server/access';
import { now } from '@/lib/server/clock';
import { findLatestJob, JOB_STALE_AFTER_MS } from '@/lib/server/jobs/get-job';
import { toJobAnswer, type JobAnswer } from '@/lib/server/jobs/job-message';
import type { Locale } from '@/lib/i18n/locales';

/**
 * The report's latest send job (issue 15 §6), for its page: shown while it runs (another tab,
 * another instance, or one a crash stopped), while the report waits for its checks, and for a
 * while after it ended (the send button lands here). An old finished one is history, not shown.
 */
export async function loadSendJob(
  reportId: string,
  options: { checksPending: boolean; locale: Locale },
): Promise<JobAnswer | null> {
  const scope = await requireEmployerAccess('REPORTS');
  const asOf = now();
  const job = await loadInScope(scope, 'page:reportView', (db) =>
    findLatestJob(db, scope, { reportId, kind: 'SEND_REPORT' }, asOf),
  );
  if (!job) return null;
  const recent =
    asOf.getTime() - new Date(job.finishedAt ?? job.updatedAt).getTime() < JOB_STALE_AFTER_MS;
  // A stopped one (shown as interrupted) stays while the report waits for its checks.
  if (job.status === 'RUNNING' || options.checksPending || recent)
    return toJobAnswer(job, options.locale);
  return null;
}
