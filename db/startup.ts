import { holdDatabaseUntil, openProcessDatabase } from './client';
import { DatabaseStartupError } from './errors';
import { firstLine, migrate, migrationStatus } from './migrate';
import type { Database, Db } from './types';
import { seedIfEmpty } from './seed';

type StartOptions = {
  /** The demo history, after a brand-new embedded database got its demo data; returns its line. */
  afterSeed?: (db: Db) => Promise<string>;
  /** Work every start does once the schema is current (e.g. finishing interrupted decisions). */
  afterMigrate?: (db: Db) => Promise<string | null>;
  /**
   * `npm run dev`: return at once. The embedded database is initialised off the event loop
   * (db/pglite-initdb.ts) while the first page is compiled and served; migrating and seeding
   * wait for `firstPage`, or for the first request that needs the database (getDatabase() waits
   * for them). The demo history (~20 s of PGlite work) follows.
   */
  serveWhileStarting?: { firstPage: Promise<void> };
};

/**
 * Server start: open the database and make sure its schema is current. On the embedded database
 * (PGlite, `npm run dev` with no setup) the start migrates and, when brand-new, loads the demo
 * data. On PostgreSQL migrating is a deploy step (`npm run db:migrate`, before `next start` or in
 * the build command): many instances start at once there, often as a role that may not migrate,
 * so the start only checks. Any failure prints one line and stops the process: a server on a
 * half-working database would be worse than none. `background` settles when all of it, the demo
 * history included, is done.
 */
export async function startDatabase(
  options: StartOptions = {},
): Promise<{ background: Promise<void> }> {
  const { serveWhileStarting, afterSeed } = options;
  if (!serveWhileStarting) {
    const { db, seeded } = await prepare(options);
    if (seeded && afterSeed) {
      console.log(`[hesabat] ${await afterSeed(db).catch(stop('Demo history failed'))}`);
    }
    return { background: Promise.resolve() };
  }
  let prepared: ReturnType<typeof prepare> | undefined;
  const prepareOnce = () => (prepared ??= prepare(options));
  holdDatabaseUntil(() => prepareOnce().then(() => undefined));
  const background = serveWhileStarting.firstPage.then(prepareOnce).then(async ({ db, seeded }) => {
    if (!seeded || !afterSeed) return;
    console.log('[hesabat] Demo history: filing the past quarters…');
    await afterSeed(db).then(
      (line) => console.log(`[hesabat] ${line}`),
      (error: unknown) =>
        console.error(
          `[hesabat] Demo history stopped: ${firstLine(error)}. ` +
            'The demo data is there without it; `npm run db:reset` and a new start file it again.',
        ),
    );
  });
  return { background };
}

/** Open, migrate or check, seed when brand-new, and the work after migrating; exits on failure. */
async function prepare(options: StartOptions): Promise<{ db: Db; seeded: boolean }> {
  try {
    const database = await openProcessDatabase();
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
    console.log(`[hesabat] Database ready: ${database.engine} (${database.location}).`);
    return { db: database.db, seeded };
  } catch (error) {
    return stop('Database start failed')(error);
  }
}

/** Prints the failure in one line and ends the process. */
function stop(what: string): (error: unknown) => never {
  return (error) => {
    const line =
      error instanceof DatabaseStartupError ? error.message : `${what}: ${firstLine(error)}`;
    console.error(`[hesabat] ${line}`);
    process.exit(1);
  };
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
