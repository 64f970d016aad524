import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { jobs } from '@/db/schema';
import type { Db } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../access';
import { loadReportContext } from '../reports/persons/report-context';
import { isUuid } from '../uuid';
import { createJobReporter, type JobReporter } from './job-reporter';
import { insertJob, NO_COUNTS } from './job-store';

// The job row of sending a report (issue 15 §6): CHECKS → SIGNATURE (the device) → RECEIVED →
// AUTOMATIC_CHECKS (with posting on acceptance) → DONE with the submission's status, or FAILED
// with the refusal's code. The send use cases only call `SendStageHook`; this file writes the row.

export type SendStage = 'RECEIVED' | 'AUTOMATIC_CHECKS';
/** What send-report.ts tells as it goes: a stage, and the persons in the report once known. */
export type SendStageHook = (stage: SendStage, persons?: number) => void;

/** A new send job for a report of the scope (final checks start now). */
export async function startSendJob(
  db: Db,
  scope: EmployerScope,
  reportId: string,
): Promise<JobReporter> {
  const report = await loadReportContext(db, scope, reportId);
  const jobId = await insertJob(db, {
    kind: 'SEND_REPORT',
    employerId: scope.employerId,
    reportId: report.id,
    stage: 'CHECKS',
  });
  return createJobReporter(db, jobId);
}

/** The send job still running for this report of the scope's employer, if any. */
export async function findRunningSendJob(
  db: Db,
  scope: EmployerScope,
  reportId: string,
): Promise<JobReporter | null> {
  assertScopeService(scope, 'REPORTS');
  if (!isUuid(reportId)) return null;
  const [row] = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        eq(jobs.employerId, scope.employerId),
        eq(jobs.reportId, reportId),
        eq(jobs.kind, 'SEND_REPORT'),
        eq(jobs.status, 'RUNNING'),
      ),
    )
    .orderBy(desc(jobs.startedAt))
    .limit(1);
  return row ? createJobReporter(db, row.id) : null;
}

/** The hook send-report.ts calls, writing each stage (and the persons) to the job row. */
export function sendStageHook(job: JobReporter): SendStageHook {
  return (stage, persons) =>
    job.progress({
      stage,
      ...(persons === undefined ? {} : { total: persons, counts: { ...NO_COUNTS, read: persons } }),
    });
}
