import { APP_ROLE, appRolePasswordFromEnv } from './app-role';
import { configFromEnv, getDatabase, openDatabase } from './client';
import { DatabaseStartupError } from './errors';
import { migrate, migrationStatus } from './migrate';
import type { Database } from './types';
import { seedIfEmpty } from './seed';

/**
 * Server start: open the database, apply migrations, and on a brand-new embedded database load
 * the demo data. Any failure prints one line and stops the process: a server on a half-working
 * database would be worse than none.
 */
export async function startDatabase(
  options: {
    afterSeed?: (db: Awaited<ReturnType<typeof getDatabase>>['db']) => Promise<string>;
    /** Work every start does once the schema is current (e.g. finishing interrupted decisions). */
    afterMigrate?: (db: Awaited<ReturnType<typeof getDatabase>>['db']) => Promise<string | null>;
  } = {},
): Promise<void> {
  try {
    const applied = await migrateAtStart();
    const database = await getDatabase();
    if (applied > 0)
      console.log(`[hesabat] ${applied} migration(s) applied on ${database.engine}.`);
    if (database.engine === 'pglite') {
      const seeded = await seedIfEmpty(database.db);
      if (seeded) console.log('[hesabat] Empty embedded database: demo data loaded.');
      if (seeded && options.afterSeed)
        console.log(`[hesabat] ${await options.afterSeed(database.db)}`);
    }
    const note = options.afterMigrate ? await options.afterMigrate(database.db) : null;
    if (note) console.log(`[hesabat] ${note}`);
    console.log(`[hesabat] Database ready: ${database.engine} (${database.location}).`);
  } catch (error) {
    const line =
      error instanceof DatabaseStartupError
        ? error.message
        : `Database start failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    console.error(`[hesabat] ${line}`);
    process.exit(1);
  }
}

/**
 * With MIGRATION_DATABASE_URL the owner migrates first, on its own connection (the app's role,
 * in DATABASE_URL, may not log in before migration 0010 has created it). Without it the app's
 * connection migrates — PGlite, or a single-role PostgreSQL — and only when something is
 * pending, so an app role that may not create anything still starts on a current schema.
 */
async function migrateAtStart(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const app = configFromEnv(env);
  const ownerUrl = env.MIGRATION_DATABASE_URL?.trim();
  const appPassword = appRolePasswordFromEnv(env);
  if (app.engine === 'postgres' && ownerUrl && ownerUrl !== app.url) {
    let owner: Database | undefined;
    try {
      owner = await openDatabase({ engine: 'postgres', url: ownerUrl, maxConnections: 1 });
      return (await migrate(owner, undefined, { appPassword })).applied;
    } finally {
      await owner?.close();
    }
  }
  const database = await getDatabase();
  if (app.engine === 'postgres') {
    const status = await migrationStatus(database);
    if (status.current) return 0;
    if (new URL(app.url).username === APP_ROLE)
      throw new DatabaseStartupError(
        `${status.expected - status.applied} migration(s) pending, and ${APP_ROLE} may not apply them: ` +
          'run `npm run db:migrate` with MIGRATION_DATABASE_URL, or set it for the server.',
      );
  }
  return (await migrate(database, undefined, { appPassword })).applied;
}
