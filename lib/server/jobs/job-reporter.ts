import 'server-only';
import type { JobCounts } from '@/db/schema';
import type { Db } from '@/db/types';
import { isAppError } from '../errors';
import { finishJob, updateJob, type JobPatch } from './job-store';

/**
 * What long work tells about itself as it goes (issue 15 §6). `progress` never waits: the work
 * may be inside a transaction, and on PGlite (one connection) a write outside it would wait for
 * the transaction to end — so writes are queued one behind the other, the latest state replacing
 * one not yet written, and at most one every `everyMs`. `finish`/`fail` write the end and wait.
 */
export type JobReporter = {
  readonly jobId: string;
  progress(patch: JobPatch): void;
  /** Writes what is pending now and waits for it; only outside the work's transaction. */
  flush(): Promise<void>;
  finish(result?: Record<string, unknown>, patch?: JobPatch): Promise<void>;
  fail(error: unknown, patch?: JobPatch): Promise<void>;
};

/** The code a failure is recorded with: a code as given, an AppError's own, else INTERNAL. */
export function failureCode(error: unknown): string {
  if (typeof error === 'string') return error;
  return isAppError(error) ? error.code : 'INTERNAL';
}

export function createJobReporter(
  db: Db,
  jobId: string,
  options: { everyMs?: number } = {},
): JobReporter {
  const everyMs = options.everyMs ?? 250;
  let pending: JobPatch | null = null;
  let lastWrite = 0;
  let chain: Promise<void> = Promise.resolve();
  let scheduled = false;

  const write = () => {
    scheduled = false;
    const patch = pending;
    pending = null;
    if (!patch) return;
    lastWrite = Date.now();
    // Progress is advisory: a failed progress write must not fail the work.
    chain = chain.then(() => updateJob(db, jobId, patch)).catch(() => {});
  };

  return {
    jobId,
    progress(patch) {
      pending = { ...pending, ...patch };
      if (scheduled) return;
      const wait = Math.max(0, lastWrite + everyMs - Date.now());
      scheduled = true;
      if (wait === 0 || patch.stage !== undefined) queueMicrotask(write);
      else setTimeout(write, wait).unref?.();
    },
    async flush() {
      write();
      await chain;
    },
    async finish(result, patch) {
      // The progress not yet written goes with the end (e.g. the last posted count).
      const last = { ...pending, ...patch };
      pending = null;
      await chain;
      await finishJob(db, jobId, { status: 'DONE', result, patch: last });
    },
    async fail(error, patch) {
      const last = { ...pending, ...patch };
      pending = null;
      await chain;
      const params = isAppError(error) ? (error.params as Record<string, unknown>) : undefined;
      await finishJob(db, jobId, {
        status: 'FAILED',
        errorCode: failureCode(error),
        params,
        patch: last,
      });
    },
  };
}

/** Counts with some of them changed. */
export function withCounts(base: JobCounts, change: Partial<JobCounts>): JobCounts {
  return { ...base, ...change };
}
