import 'server-only';
import { and, eq, lt } from 'drizzle-orm';
import { submissions } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { now } from '../clock';
import { finishRunningSendJobs } from '../jobs/send-job';
import { decideSubmission } from './decide-submission';

/** A submission younger than this may still be being decided by the request that sent it. */
export const PENDING_GRACE_MS = 60_000;

/**
 * Decides every submission still Received after `graceMs` (its checks stopped midway — a crash,
 * a lost connection — and everything they wrote was rolled back). Run at server start and by
 * the sweep; safe on several instances at once, because a decision takes the submission's row
 * lock and a decided submission is left alone. Returns how many were decided. With `onError`,
 * a submission whose decision fails is reported and the others are still decided (the sweep
 * must not stall behind one); without it the first failure is thrown (a start stops on it).
 */
export async function decidePendingSubmissions(
  db: DbOrTx,
  options: {
    graceMs?: number;
    asOf?: Date;
    onError?: (submissionId: string, error: unknown) => void;
  } = {},
): Promise<number> {
  const asOf = options.asOf ?? now();
  const before = new Date(asOf.getTime() - (options.graceMs ?? PENDING_GRACE_MS));
  const pending = await db
    .select({
      id: submissions.id,
      reportId: submissions.reportId,
      receiptNumber: submissions.receiptNumber,
    })
    .from(submissions)
    .where(and(eq(submissions.status, 'RECEIVED'), lt(submissions.receivedAt, before)))
    .orderBy(submissions.receivedAt);
  let decided = 0;
  for (const p of pending) {
    try {
      const outcome = await decideSubmission(db, { submissionId: p.id, asOf });
      if (outcome.status !== 'ALREADY_DECIDED') {
        decided += 1;
        // The send this submission came from (its tab long gone) ends with the decision.
        await finishRunningSendJobs(db, p.reportId, {
          status: outcome.status,
          receiptNumber: p.receiptNumber,
        });
      }
    } catch (error) {
      if (!options.onError) throw error;
      options.onError(p.id, error);
    }
  }
  return decided;
}
