import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { jobs, type JobCounts, type JobKind, type JobStatus } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../access';
import { now } from '../clock';
import { AppError } from '../errors';
import { isUuid } from '../uuid';

/**
 * A RUNNING job not heard from for this long is shown as interrupted: its instance stopped
 * (a deploy, a serverless time limit) and nothing will finish it. Every stage writes more often.
 */
export const JOB_STALE_AFTER_MS = 10 * 60 * 1000;

/** A job as the page shows it. */
export type JobView = {
  id: string;
  kind: JobKind;
  reportId: string | null;
  status: JobStatus;
  stage: string;
  counts: JobCounts;
  total: number | null;
  errorCode: string | null;
  result: Record<string, unknown> | null;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
};

const COLUMNS = {
  id: jobs.id,
  kind: jobs.kind,
  reportId: jobs.reportId,
  status: jobs.status,
  stage: jobs.stage,
  counts: jobs.counts,
  total: jobs.total,
  errorCode: jobs.errorCode,
  result: jobs.result,
  startedAt: jobs.startedAt,
  updatedAt: jobs.updatedAt,
  finishedAt: jobs.finishedAt,
};

function toView(row: Awaited<ReturnType<typeof selectJobs>>[number], asOf: Date): JobView {
  const stalled =
    row.status === 'RUNNING' && asOf.getTime() - row.updatedAt.getTime() > JOB_STALE_AFTER_MS;
  return {
    ...row,
    status: stalled ? 'FAILED' : row.status,
    errorCode: stalled ? 'JOB_INTERRUPTED' : row.errorCode,
    startedAt: row.startedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

function selectJobs(db: DbOrTx, scope: EmployerScope) {
  return db.select(COLUMNS).from(jobs).where(eq(jobs.employerId, scope.employerId)).$dynamic();
}

/** One job of the scope's employer; another employer's id (or a malformed one) is NOT_FOUND. */
export async function getJob(
  db: DbOrTx,
  scope: EmployerScope,
  input: { jobId: string },
  asOf: Date = now(),
): Promise<JobView> {
  assertScopeService(scope, 'REPORTS');
  if (!isUuid(input.jobId)) throw new AppError('NOT_FOUND', { params: { jobId: input.jobId } });
  const [row] = await db
    .select(COLUMNS)
    .from(jobs)
    .where(and(eq(jobs.id, input.jobId), eq(jobs.employerId, scope.employerId)));
  if (!row) throw new AppError('NOT_FOUND', { params: { jobId: input.jobId } });
  return toView(row, asOf);
}

/** The latest job of a kind for a report of the scope's employer, to show when the page reopens. */
export async function findLatestJob(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; kind: JobKind },
  asOf: Date = now(),
): Promise<JobView | null> {
  assertScopeService(scope, 'REPORTS');
  if (!isUuid(input.reportId)) return null;
  const [row] = await selectJobs(db, scope)
    .where(
      and(
        eq(jobs.employerId, scope.employerId),
        eq(jobs.reportId, input.reportId),
        eq(jobs.kind, input.kind),
      ),
    )
    .orderBy(desc(jobs.startedAt))
    .limit(1);
  return row ? toView(row, asOf) : null;
}
