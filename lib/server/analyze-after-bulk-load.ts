import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';

/** Tables a bulk load writes tens of thousands of rows into at once. */
type BulkTable = 'report_persons' | 'person_account_entries';

/** Below this many rows autovacuum's own analyze keeps up; above it plans go wrong at once. */
export const BULK_ANALYZE_ROWS = 10_000;

/**
 * Refreshes a table's planner statistics after a bulk load (issue 15 §4): a 200 000-person
 * import left report_persons planned for 8 rows until autovacuum came round, and the persons
 * page chose a sort over the index. Small writes skip it (ANALYZE takes a lock that
 * concurrent ANALYZEs of the same table queue on). A role that does not own the table only
 * gets PostgreSQL's warning, so this never fails the load it follows.
 */
export async function analyzeAfterBulkLoad(
  db: DbOrTx,
  table: BulkTable,
  rows: number,
): Promise<void> {
  if (rows < BULK_ANALYZE_ROWS) return;
  await db.execute(sql.raw(`analyze ${table}`));
}
