import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { jobs, type JobCounts, type JobKind } from '@/db/schema';
import type { Db } from '@/db/types';
import { now } from '../clock';

// The job row's writes (issue 15 §6). Each is one short statement on the root handle, never on
// the work's transaction: a row written inside it would be invisible to the page polling it
// until the very end, and rolled back with a failure.

export const NO_COUNTS: JobCounts = { read: 0, checked: 0, saved: 0 };

/** A new RUNNING job of the employer; the caller has checked the report through the scope. */
export async function insertJob(
  db: Db,
  job: { kind: JobKind; employerId: string; reportId: string | null; stage: string },
  at: Date = now(),
): Promise<string> {
  const id = randomUUID();
  await db.insert(jobs).values({
    id,
    kind: job.kind,
    employerId: job.employerId,
    reportId: job.reportId,
    stage: job.stage,
    counts: NO_COUNTS,
    startedAt: at,
    updatedAt: at,
  });
  return id;
}

export type JobPatch = {
  stage?: string;
  counts?: JobCounts;
  total?: number | null;
  signingSessionId?: string;
};

/** Progress of a RUNNING job; a finished one is never changed again. */
export async function updateJob(db: Db, id: string, patch: JobPatch, at: Date = now()) {
  await db
    .update(jobs)
    .set({ ...patch, updatedAt: at })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'RUNNING')));
}

/** The end of a job: DONE with its result, or FAILED with an AppError code. */
export async function finishJob(
  db: Db,
  id: string,
  end:
    | { status: 'DONE'; patch?: JobPatch; result?: Record<string, unknown> }
    | {
        status: 'FAILED';
        patch?: JobPatch;
        errorCode: string;
        /** The error's parameters, for its message (e.g. how many rows were refused). */
        params?: Record<string, unknown>;
      },
  at: Date = now(),
) {
  await db
    .update(jobs)
    .set({
      ...end.patch,
      status: end.status,
      result:
        end.status === 'DONE' ? (end.result ?? null) : end.params ? { params: end.params } : null,
      errorCode: end.status === 'FAILED' ? end.errorCode : null,
      updatedAt: at,
      finishedAt: at,
    })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'RUNNING')));
}
