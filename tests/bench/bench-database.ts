// A fresh, migrated and seeded database for a benchmark: PGlite in memory, or — with an admin URL
// — a new PostgreSQL database dropped again by close(). Not a benchmark itself (no .bench.ts).
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export async function openBenchDatabase(
  engine: 'pglite' | 'postgres',
  adminUrl: string | undefined,
  maxConnections: number,
) {
  const { openDatabase } = await import('@/db/client');
  const { migrate } = await import('@/db/migrate');
  const { seed } = await import('@/db/seed');
  const { ensureDemoCertificates } = await import('../integration/helpers/identity-fixtures');
  let url: string | undefined;
  let drop = async () => {};
  if (engine === 'postgres' && adminUrl) {
    // BENCH_DATABASE_PREFIX: a shared server's sessions each name (and clean up) their own.
    const prefix = process.env.BENCH_DATABASE_PREFIX?.trim() || 'hesabat_bench';
    if (!/^[a-z_][a-z0-9_]*$/.test(prefix))
      throw new Error('BENCH_DATABASE_PREFIX: [a-z0-9_] only');
    const name = `${prefix}_${randomBytes(4).toString('hex')}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const target = new URL(adminUrl);
    target.pathname = `/${name}`;
    url = target.toString();
    drop = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    };
  }
  const database = await openDatabase(
    url ? { engine: 'postgres', url, maxConnections } : { engine: 'pglite', dir: 'memory://' },
  );
  await migrate(database);
  await seed(database.db);
  await ensureDemoCertificates(database.db);
  return {
    database,
    /** The PostgreSQL URL of the bench database (for COPY), when there is one. */
    url,
    close: async () => {
      await database.close();
      await drop();
    },
  };
}
