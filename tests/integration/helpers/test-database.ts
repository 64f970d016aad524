import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { APP_ROLE } from '@/db/app-role';
import { openDatabase } from '@/db/client';
import { migrate } from '@/db/migrate';
import type { Database, Db } from '@/db/types';

export type TestDatabase = Database & {
  label: string;
  /** The owner's handle, for what only the owner may do (DDL a test sets up); PGlite: `db`. */
  owner: Db;
};

/** Trust authentication ignores it; a cluster that checks passwords gets this one for the role. */
const APP_PASSWORD = process.env.APP_DATABASE_PASSWORD || 'hesabat-app-test-only';

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or — when
 * TEST_DATABASE_URL points at a PostgreSQL server — a new database created on it and dropped
 * afterwards, so the same suite proves both engines. On PostgreSQL the owner migrates and the
 * handle returned logs in as the app's role (hesabat_app), as the app does in production, so
 * the whole suite proves its grants suffice; `role: 'owner'` (and `migrate: false`, whose
 * caller migrates itself) returns the owner's handle instead. `owner` is kept open beside it.
 */
export async function createTestDatabase(
  options: { migrate?: boolean; role?: 'app' | 'owner' } = {},
): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL?.trim();
  let database: Database;
  let drop = async () => {};
  if (adminUrl) {
    const name = `hesabat_test_${randomBytes(6).toString('hex')}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    drop = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    };
    const owner = await openDatabase({
      engine: 'postgres',
      url: url.toString(),
      maxConnections: 5,
    });
    if (options.migrate === false || options.role === 'owner') {
      database = owner;
    } else {
      await migrate(owner, undefined, { appPassword: APP_PASSWORD });
      url.username = APP_ROLE;
      url.password = APP_PASSWORD;
      database = await openDatabase({ engine: 'postgres', url: url.toString(), maxConnections: 5 });
      return withDrop(database, owner.db, async () => {
        await owner.close();
        await drop();
      });
    }
  } else {
    database = await openDatabase({ engine: 'pglite', dir: 'memory://' });
  }
  if (options.migrate !== false) await migrate(database);
  return withDrop(database, database.db, drop);
}

function withDrop(database: Database, owner: Db, drop: () => Promise<void>): TestDatabase {
  const close = database.close;
  return {
    ...database,
    label: database.engine,
    owner,
    close: async () => {
      await close();
      await drop();
    },
  };
}
