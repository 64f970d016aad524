import 'server-only';
import { getDatabase } from '@/db/client';
import { migrationStatus } from '@/db/migrate';

export type Health = {
  status: 'ok' | 'degraded' | 'error';
  engine: 'pglite' | 'postgres' | null;
  migrations: { current: boolean; applied: number; expected: number } | null;
};

/** GET /api/health: which engine, and whether the schema is current. No employer data. */
export async function getHealth(): Promise<Health> {
  try {
    const database = await getDatabase();
    const migrations = await migrationStatus(database);
    return { status: migrations.current ? 'ok' : 'degraded', engine: database.engine, migrations };
  } catch {
    return { status: 'error', engine: null, migrations: null };
  }
}
