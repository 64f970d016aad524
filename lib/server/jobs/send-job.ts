import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { jobs } from '@/db/schema';
import type { Db, DbOrTx } from '@/db/types';
import { now } from '../clock';
import { assertScopeService, type EmployerScope } from '../access';
import { loadReportContext } from '../reports/persons/report-context';
import { isUuid } from '../uuid';
import { createJobReporter, type JobReporter } from './job-reporter';
import { insertJob, NO_COUNTS } from './job-store';

// The job row of sending a report (issue 15 §6): CHECKS → SIGNATURE (the device) → RECEIVED →
// AUTOMATIC_CHECKS → POSTING (on acceptance) → DONE with the submission's status, or FAILED
// with the refusal's code. The send use cases only call `SendStageHook`; this file writes the row.
// The counts of a send: `read` the persons received, `checked` the persons the automatic checks
// passed, `saved` the persons' rows (person-months) posted; `total` is the current stage's whole.

export type SendStage = 'RECEIVED' | 'AUTOMATIC_CHECKS' | 'POSTING';
/**
 * What send-report.ts tells as it goes: a stage, with RECEIVED the persons in the report, with
 * POSTING the person-months written so far and in all.
 */
export type SendStageHook = (stage: SendStage, count?: number, total?: number) => void;

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

/**
 * The send job still running for this report of the scope's employer, if any: the one waiting
 * for this signature when the signing session is given (two tabs may be sending the same report),
 * else the newest.
 */
export async function findRunningSendJob(
  db: Db,
  scope: EmployerScope,
  reportId: string,
  signingSessionId?: string,
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
        signingSessionId && isUuid(signingSessionId)
          ? eq(jobs.signingSessionId, signingSessionId)
          : undefined,
      ),
    )
    .orderBy(desc(jobs.startedAt))
    .limit(1);
  return row ? createJobReporter(db, row.id) : null;
}

/**
 * The signing of a send ended without a signature (the holder cancelled it, it expired, the card
 * was refused): the send job waiting for it ends FAILED with that code, instead of running on
 * until it is shown as interrupted. Only the scope's employer's jobs; an unknown session, or one
 * whose job already ended, changes nothing.
 */
export async function endSendJobOfSigning(
  db: Db,
  scope: EmployerScope,
  signingSessionId: string,
  code: string,
  at: Date = now(),
): Promise<void> {
  assertScopeService(scope, 'REPORTS');
  if (!isUuid(signingSessionId)) return;
  await db
    .update(jobs)
    .set({ status: 'FAILED', errorCode: code, updatedAt: at, finishedAt: at })
    .where(
      and(
        eq(jobs.employerId, scope.employerId),
        eq(jobs.kind, 'SEND_REPORT'),
        eq(jobs.signingSessionId, signingSessionId),
        eq(jobs.status, 'RUNNING'),
      ),
    );
}

/** The hook send-report.ts calls, writing each stage and its counts to the job row. */
export function sendStageHook(job: JobReporter): SendStageHook {
  let counts = NO_COUNTS;
  let persons: number | null = null;
  return (stage, count, total) => {
    if (stage === 'RECEIVED') {
      if (count !== undefined) persons = count;
      counts = { ...counts, read: persons ?? 0 };
      job.progress({ stage, counts, total: persons });
    } else if (stage === 'AUTOMATIC_CHECKS') {
      job.progress({ stage, counts, total: persons });
    } else {
      // Posting starts once every check passed: all the persons are checked.
      counts = { ...counts, checked: counts.read, saved: count ?? 0 };
      job.progress({ stage, counts, total: total ?? null });
    }
  };
}

/**
 * A send whose checks were finished by someone else — the recovery after a crash, or "run the
 * checks again" — ends its job row too, with the decision, so the page shows it and not a job
 * still posting. A job already ended is left alone.
 */
export async function finishRunningSendJobs(
  db: DbOrTx,
  reportId: string,
  result: { status: string; receiptNumber?: string },
  at: Date = now(),
): Promise<void> {
  await db
    .update(jobs)
    .set({ status: 'DONE', result, errorCode: null, updatedAt: at, finishedAt: at })
    .where(
      and(eq(jobs.reportId, reportId), eq(jobs.kind, 'SEND_REPORT'), eq(jobs.status, 'RUNNING')),
    );
}
