import 'server-only';
import { and, eq, lt } from 'drizzle-orm';
import { submissions } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { now } from '../clock';
import { decideSubmission } from './decide-submission';

/**
 * Decides every submission still Received after `graceMs` (its checks stopped midway — a crash,
 * a lost connection — and everything they wrote was rolled back). Run at server start; safe on
 * several instances at once, because a decision takes the submission's row lock and a decided
 * submission is left alone. Returns how many were decided.
 */
export async function decidePendingSubmissions(
  db: DbOrTx,
  options: { graceMs?: number; asOf?: Date } = {},
): Promise<number> {
  const asOf = options.asOf ?? now();
  const before = new Date(asOf.getTime() - (options.graceMs ?? 60_000));
  const pending = await db
    .select({ id: submissions.id })
    .from(submissions)
    .where(and(eq(submissions.status, 'RECEIVED'), lt(submissions.receivedAt, before)));
  let decided = 0;
  for (const p of pending) {
    const outcome = await decideSubmission(db, { submissionId: p.id, asOf });
    if (outcome.status !== 'ALREADY_DECIDED') decided += 1;
  }
  return decided;
}
