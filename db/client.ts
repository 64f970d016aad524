import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { DatabaseStartupError } from './errors';
import { oneQueryPerConnection } from './one-query-per-connection';
import { initialiseEmbeddedDirectory } from './pglite-initdb';
import { acquirePgliteLock } from './pglite-lock';
import { poolOptionsFromEnv } from './pool-options';
import * as schema from './schema';
import type { Database, DatabaseConfig, Db } from './types';

export type { DatabaseConfig };

/**
 * DATABASE_URL set → PostgreSQL, with the pool settings of DATABASE_POOL_MAX, DATABASE_PREPARE
 * and DATABASE_IDLE_TIMEOUT (db/pool-options.ts); otherwise PGlite in PGLITE_DIR (default
 * .data/pglite).
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    const pool = poolOptionsFromEnv(env);
    return {
      engine: 'postgres',
      url,
      maxConnections: pool.maxConnections,
      prepare: pool.prepare,
      idleTimeoutSeconds: pool.idleTimeoutSeconds,
    };
  }
  return { engine: 'pglite', dir: env.PGLITE_DIR?.trim() || '.data/pglite' };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL (unparsable)';
  }
}

async function openPglite(dir: string): Promise<Database> {
  const inMemory = dir.startsWith('memory://');
  const location = inMemory ? dir : resolve(dir);
  let release = () => {};
  if (!inMemory) {
    mkdirSync(location, { recursive: true });
    release = acquirePgliteLock(location);
  }
  let client: PGlite;
  try {
    if (!inMemory) await initialiseEmbeddedDirectory(location);
    client = await PGlite.create(inMemory ? dir : location);
    await client.query('select 1');
  } catch (error) {
    release();
    throw new DatabaseStartupError(
      `The embedded database in ${location} could not be opened (missing or corrupt files). ` +
        'Stop the server, move that directory aside (or run `npm run db:reset`), and start again.',
      String(error),
    );
  }
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    config: { engine: 'pglite', dir },
    location,
    close: async () => {
      await client.close();
      release();
    },
  };
}

async function openPostgres(
  config: Extract<DatabaseConfig, { engine: 'postgres' }>,
): Promise<Database> {
  const { url, maxConnections = 10, prepare = true, idleTimeoutSeconds = 0 } = config;
  const location = redact(url);
  // Behind a pooler (no prepared statements) the queries in flight are capped at maxConnections
  // and postgres.js gets twice as many connections, so it always finds an idle one and never
  // pipelines (db/one-query-per-connection.ts says why); pooler connections are cheap.
  const client = postgres(url, {
    max: prepare ? maxConnections : maxConnections * 2,
    prepare,
    // 0 keeps connections open; a serverless instance that sleeps should let them go.
    idle_timeout: idleTimeoutSeconds > 0 ? idleTimeoutSeconds : undefined,
    onnotice: () => {},
    connect_timeout: 10,
  });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new DatabaseStartupError(
      `PostgreSQL at ${location} is unreachable (${(error as Error).message}). ` +
        'Check that the server runs and DATABASE_URL is right, or unset DATABASE_URL to use the embedded database.',
    );
  }
  const queries = prepare ? client : oneQueryPerConnection(client, maxConnections);
  const db = drizzlePostgres(queries, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    config: { engine: 'postgres', url, maxConnections, prepare, idleTimeoutSeconds },
    location,
    close: () => client.end({ timeout: 5 }),
  };
}

/** Opens a database; tests and scripts call this directly, the app goes through getDatabase(). */
export function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.engine === 'postgres' ? openPostgres(config) : openPglite(config.dir);
}

const globalForDb = globalThis as unknown as {
  hesabatDatabase?: Promise<Database>;
  hesabatDatabaseStarting?: () => Promise<void>;
};

/**
 * The process's one handle, as it is, even while the start is still migrating or seeding it:
 * for the start itself (db/startup.ts). Everyone else goes through getDatabase(). One handle per
 * process (dev reloads modules; the handle must survive them).
 */
export function openProcessDatabase(): Promise<Database> {
  globalForDb.hesabatDatabase ??= openDatabase(configFromEnv()).catch((error: unknown) => {
    globalForDb.hesabatDatabase = undefined;
    throw error;
  });
  return globalForDb.hesabatDatabase;
}

/**
 * `npm run dev` serves pages while the database starts (db/startup.ts): getDatabase() first
 * calls `ready`, which begins the start if it has not begun and settles once it is done, so no
 * request sees a schema half-migrated or a demo half-loaded.
 */
export function holdDatabaseUntil(ready: () => Promise<void>): void {
  globalForDb.hesabatDatabaseStarting = ready;
}

/** The process's handle, once the start has made it ready. */
export async function getDatabase(): Promise<Database> {
  const ready = globalForDb.hesabatDatabaseStarting;
  if (ready) await ready();
  return openProcessDatabase();
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
