import { getDatabase } from './client';
import { DatabaseStartupError } from './errors';
import { migrate } from './migrate';
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
    const database = await getDatabase();
    const { applied } = await migrate(database);
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
