import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';

// Reference data every send reads several times (rates, holidays, penalty and sanction
// parameters: DOMAIN.md §2–§4) kept per process (issue 15 §5), and checked against the
// database on each use by one cheap query, so a change fund staff make at /admin/reference —
// on this instance or another — counts at once, as it did when every use read the tables.

/** The tables the cached values are read from (small: tens of rows each). */
const TABLES = ['contribution_regimes', 'public_holidays', 'penalty_parameters'] as const;

/**
 * A fingerprint of what the tables hold now, as this transaction sees them: per table the row
 * count and the sum of the rows' xmin (every insert or update gives the row the writing
 * transaction's id, a delete lowers the count), and the database's identity (name and start
 * time), so two databases in one process (tests, PGlite) never share an entry.
 */
const FINGERPRINT = sql.raw(
  `select ${TABLES.map(
    (t) => `(select count(*) || '.' || coalesce(sum(xmin::text::bigint), 0) from ${t})`,
  ).join(
    ` || '/' || `,
  )} || '/' || current_database() || '/' || pg_postmaster_start_time()::text as fp`,
);

// One fingerprint per transaction: a send asks for the schedule, the holidays and the
// parameters many times over, and within a transaction they are read once. The pool itself
// (no transaction) is not memoised: each use checks.
const perTransaction = new WeakMap<object, Promise<string>>();

async function readFingerprint(db: DbOrTx): Promise<string> {
  const rows = (await db.execute(FINGERPRINT)) as unknown as
    { fp: string }[] | { rows: { fp: string }[] };
  const row = Array.isArray(rows) ? rows[0] : rows.rows[0];
  if (!row) throw new Error('reference-cache: no fingerprint');
  return row.fp;
}

function fingerprint(db: DbOrTx): Promise<string> {
  // A drizzle transaction has `rollback`; the database object does not.
  if (!('rollback' in db)) return readFingerprint(db);
  let found = perTransaction.get(db);
  if (!found) {
    found = readFingerprint(db);
    perTransaction.set(db, found);
    found.catch(() => perTransaction.delete(db));
  }
  return found;
}

/** A few entries: the current version of each database this process talks to. */
const MAX_ENTRIES = 16;
const entries = new Map<string, unknown>();

/**
 * The value `load` gives for the reference data as it is now: from memory while the tables
 * are unchanged, read again (through the same transaction) when they changed. Only values
 * already read are shared, never a read in flight: that read runs on its caller's connection,
 * and a caller holding another connection of a full pool must not wait on it (it would wait
 * for a connection that callers like it hold).
 */
export async function cachedReference<T>(
  db: DbOrTx,
  name: string,
  load: (db: DbOrTx) => Promise<T>,
): Promise<T> {
  const key = `${name}@${await fingerprint(db)}`;
  if (entries.has(key)) return entries.get(key) as T;
  const value = await load(db);
  entries.set(key, value);
  while (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
  return value;
}
