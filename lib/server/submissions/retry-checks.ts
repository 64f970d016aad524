import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { submissions } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../access';
import { now } from '../clock';

import { finishRunningSendJobs } from '../jobs/send-job';
import { decideSubmission } from './decide-submission';
import { toSubmissionSummary } from './submission-summary';
import type { SubmissionSummary } from './types';
import { loadReportContext } from '../reports/persons/report-context';

/**
 * Runs the automatic checks again for a report that was Received but never decided (the
 * checks failed midway, e.g. the database went away, and everything they wrote was rolled
 * back). Nothing happens to a report in any other state. Returns the submission as it stands.
 */
export async function retryAutomaticChecks(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string },
  asOf: Date = now(),
): Promise<SubmissionSummary | null> {
  assertScopeService(scope, 'REPORTS');
  const report = await loadReportContext(db, scope, input.reportId);
  const [pending] = await db
    .select({ id: submissions.id, status: submissions.status })
    .from(submissions)
    .where(and(eq(submissions.reportId, report.id), eq(submissions.employerId, scope.employerId)))
    .orderBy(desc(submissions.receivedAt))
    .limit(1);
  if (!pending) return null;
  if (pending.status === 'RECEIVED') {
    const outcome = await decideSubmission(db, { submissionId: pending.id, asOf });
    if (outcome.status !== 'ALREADY_DECIDED')
      await finishRunningSendJobs(db, report.id, { status: outcome.status });
  }
  return toSubmissionSummary(db, pending.id);
}
