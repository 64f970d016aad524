import { getDatabase } from './client';
import { DatabaseStartupError } from './errors';
import { migrate, migrationStatus } from './migrate';
import type { Database } from './types';
import { seedIfEmpty } from './seed';

/**
 * Server start: open the database and make sure its schema is current. On the embedded database
 * (PGlite, `npm run dev` with no setup) the start migrates and, when brand-new, loads the demo
 * data. On PostgreSQL migrating is a deploy step (`npm run db:migrate`, before `next start` or in
 * the build command): many instances start at once there, often as a role that may not migrate,
 * so the start only checks. Any failure prints one line and stops the process: a server on a
 * half-working database would be worse than none.
 */
export async function startDatabase(
  options: {
    afterSeed?: (db: Awaited<ReturnType<typeof getDatabase>>['db']) => Promise<string>;
    /**
     * Run `afterSeed` (the demo history, ~20 s of PGlite work) after the start instead of before
     * it: `npm run dev` serves its first page meanwhile. The returned promise settles when it ends.
     */
    afterSeedInBackground?: boolean;
    /** Work every start does once the schema is current (e.g. finishing interrupted decisions). */
    afterMigrate?: (db: Awaited<ReturnType<typeof getDatabase>>['db']) => Promise<string | null>;
  } = {},
): Promise<{ background: Promise<void> }> {
  let background: Promise<void> = Promise.resolve();
  try {
    const database = await getDatabase();
    let seeded = false;
    if (database.engine === 'pglite') {
      const { applied } = await migrate(database);
      if (applied > 0) console.log(`[hesabat] ${applied} migration(s) applied on pglite.`);
      seeded = await seedIfEmpty(database.db);
      if (seeded) console.log('[hesabat] Empty embedded database: demo data loaded.');
    } else {
      await requireCurrentSchema(database);
    }
    // Before the history: a brand-new database has nothing pending, and the history's own
    // submissions (received at past instants) must not be taken for interrupted ones.
    const note = options.afterMigrate ? await options.afterMigrate(database.db) : null;
    if (note) console.log(`[hesabat] ${note}`);
    const { afterSeed } = options;
    if (seeded && afterSeed) {
      if (options.afterSeedInBackground) {
        console.log('[hesabat] Demo history: filing the past quarters while the server starts…');
        background = afterSeed(database.db).then(
          (line) => console.log(`[hesabat] ${line}`),
          (error: unknown) =>
            console.error(
              `[hesabat] Demo history stopped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}. ` +
                'The demo data is there without it; `npm run db:reset` and a new start file it again.',
            ),
        );
      } else {
        console.log(`[hesabat] ${await afterSeed(database.db)}`);
      }
    }
    console.log(`[hesabat] Database ready: ${database.engine} (${database.location}).`);
  } catch (error) {
    const line =
      error instanceof DatabaseStartupError
        ? error.message
        : `Database start failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    console.error(`[hesabat] ${line}`);
    process.exit(1);
  }
  return { background };
}

/** PostgreSQL: the deploy's `npm run db:migrate` must have run; the start never migrates. */
export async function requireCurrentSchema(database: Database): Promise<void> {
  const status = await migrationStatus(database);
  if (status.current) return;
  const behind = status.expected - status.applied;
  throw new DatabaseStartupError(
    behind > 0
      ? `${behind} migration(s) pending on PostgreSQL: run \`npm run db:migrate\` (as the owner, MIGRATION_DATABASE_URL) before starting the server.`
      : `The database has ${status.applied} migration(s) applied but this build knows ${status.expected}: deploy the build that matches it.`,
  );
}
