import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { appRolePasswordFromEnv, migrationUrlFromEnv } from '../app-role';
import { configFromEnv, openDatabase } from '../client';
import { migrate } from '../migrate';
import { seed } from '../seed';
import { runScript } from './run';

// PGlite: remove the directory (the lock refuses this while a server uses it). PostgreSQL: drop
// the schemas. Then migrate and seed afresh.
const config = configFromEnv();
if (config.engine === 'pglite' && !config.dir.startsWith('memory://')) {
  const probe = await openDatabase(config).catch((error: unknown) => {
    console.error(`[db:reset] ${(error as Error).message}`);
    process.exit(1);
  });
  await probe.close();
  rmSync(probe.location, { recursive: true, force: true });
}

await runScript(
  'db:reset',
  async (database) => {
    if (database.engine === 'postgres') {
      await database.db.execute(sql`drop schema if exists drizzle cascade`);
      await database.db.execute(sql`drop schema public cascade`);
      await database.db.execute(sql`create schema public`);
    }
    await migrate(database, undefined, { appPassword: appRolePasswordFromEnv() });
    await seed(database.db);
    return `Database reset on ${database.engine}: migrated and demo data loaded.`;
  },
  ownerConfig(),
);

/** On PostgreSQL the owner drops and recreates (MIGRATION_DATABASE_URL, else DATABASE_URL). */
function ownerConfig() {
  const url = migrationUrlFromEnv();
  return url ? { engine: 'postgres' as const, url, maxConnections: 1 } : configFromEnv();
}
