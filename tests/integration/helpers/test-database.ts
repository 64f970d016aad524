import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase } from '@/db/client';
import { migrate } from '@/db/migrate';
import type { Database } from '@/db/types';

export type TestDatabase = Database & { label: string };

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or — when
 * TEST_DATABASE_URL points at a PostgreSQL server — a new database created on it and dropped
 * afterwards, so the same suite proves both engines.
 */
export async function createTestDatabase(
  options: { migrate?: boolean } = {},
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
    database = await openDatabase({ engine: 'postgres', url: url.toString(), maxConnections: 5 });
    drop = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    };
  } else {
    database = await openDatabase({ engine: 'pglite', dir: 'memory://' });
  }
  if (options.migrate !== false) await migrate(database);
  const close = database.close;
  return {
    ...database,
    label: database.engine,
    close: async () => {
      await close();
      await drop();
    },
  };
}
