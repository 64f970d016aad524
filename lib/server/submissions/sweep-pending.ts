import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/types';
import { decidePendingSubmissions } from './decide-pending';

// Any constant works; it only has to be the same for every instance of this app (the
// migrations use 7_284_113_001).
const SWEEP_LOCK_KEY = 7_284_113_002;

export type SweepOutcome = { ran: boolean; decided: number };

/**
 * The sweep (issue 12 §11): decides the submissions a crash left Received. Every running
 * instance calls it each minute and the cron route on serverless hosting; a transaction-level
 * advisory lock lets one of them work at a time, and the others return at once (`ran: false`).
 * Each decision is a savepoint inside the lock's transaction, so one that fails is rolled back
 * alone and reported, and the rest still commit. Even without the lock nothing could be posted
 * twice — a decision holds the submission's row lock and skips a decided one — the lock only
 * saves the duplicate work.
 */
export async function sweepPendingSubmissions(
  db: Db,
  options: { asOf?: Date; graceMs?: number; onError?: (id: string, error: unknown) => void } = {},
): Promise<SweepOutcome> {
  return db.transaction(async (tx) => {
    const result = await tx.execute<{ locked: boolean }>(
      sql`select pg_try_advisory_xact_lock(${SWEEP_LOCK_KEY}) as locked`,
    );
    const rows = Array.isArray(result) ? result : (result as { rows: { locked: boolean }[] }).rows;
    if (rows[0]?.locked !== true) return { ran: false, decided: 0 };
    const decided = await decidePendingSubmissions(tx, {
      asOf: options.asOf,
      graceMs: options.graceMs,
      onError: options.onError ?? ((id, error) => logFailure(id, error)),
    });
    return { ran: true, decided };
  });
}

function logFailure(submissionId: string, error: unknown): void {
  const line = error instanceof Error ? error.message.split('\n')[0] : String(error);
  console.error(`[hesabat] deciding submission ${submissionId} failed: ${line}`);
}
