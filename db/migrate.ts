import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { configureAppRole } from './app-role';
import { DatabaseStartupError } from './errors';
import type { Database } from './types';

/**
 * Committed migrations, found from the working directory: every entry point (next, scripts,
 * vitest) runs from the repository root, and bundlers would try to inline a module-relative URL.
 */
export function migrationsFolder(): string {
  return join(process.cwd(), 'db', 'migrations');
}

// Any constant works; it only has to be the same for every instance of this app.
const MIGRATION_LOCK_KEY = 7_284_113_001;

/**
 * Applies pending migrations in one transaction (drizzle's migrator), so a failure leaves the
 * schema as it was. On PostgreSQL a session advisory lock, held on a dedicated single connection,
 * keeps two deploys from racing — so the owner's URL must reach PostgreSQL directly, not through
 * a transaction-mode pooler, which could run the unlock on another server connection. `database` must be the owner's connection
 * (MIGRATION_DATABASE_URL); given `appPassword`, the app's role may then log in with it.
 */
export async function migrate(
  database: Database,
  folder: string = migrationsFolder(),
  options: { appPassword?: string } = {},
): Promise<{ applied: number }> {
  const before = await appliedCount(database);
  try {
    if (database.config.engine === 'postgres') {
      const client = postgres(database.config.url, {
        max: 1,
        prepare: database.config.prepare ?? true,
        onnotice: () => {},
      });
      try {
        await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migratePostgres(drizzlePostgres(client), { migrationsFolder: folder });
        if (options.appPassword) await configureAppRole(client, options.appPassword);
        await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
      } finally {
        await client.end({ timeout: 5 });
      }
    } else {
      await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: folder });
    }
  } catch (error) {
    throw new DatabaseStartupError(
      `Database migration failed and was rolled back (${firstLine(error)}). ` +
        'Nothing was changed; fix the cause or restore the database, then start again.',
      String(error),
    );
  }
  return { applied: (await appliedCount(database)) - before };
}

/** An error's first line: what the start prints. */
export function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? 'unknown error';
}

async function appliedCount(database: Database): Promise<number> {
  const rows = await database.db.execute<{ n: string | number }>(sql`
    select count(*)::int as n from information_schema.tables
    where table_schema = 'drizzle' and table_name = '__drizzle_migrations'`);
  if (Number(rowsOf<{ n: string | number }>(rows)[0]?.n ?? 0) === 0) return 0;
  const counted = await database.db.execute<{ n: string | number }>(
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return Number(rowsOf<{ n: string | number }>(counted)[0]?.n ?? 0);
}

/** postgres.js returns an array; PGlite returns { rows }. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** Whether every committed migration has been applied (GET /api/health). */
export async function migrationStatus(
  database: Database,
): Promise<{ current: boolean; applied: number; expected: number }> {
  const expected = readMigrationFiles({ migrationsFolder: migrationsFolder() }).length;
  const applied = await appliedCount(database);
  return { current: applied === expected, applied, expected };
}
