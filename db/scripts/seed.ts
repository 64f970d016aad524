import { count } from 'drizzle-orm';
import { migrate, migrationStatus } from '../migrate';
import { employers } from '../schema';
import { seed } from '../seed';
import { runScript, ScriptError } from './run';

await runScript('db:seed', async (database) => {
  // The app's role (DATABASE_URL) may seed but not migrate: `npm run db:migrate` does that.
  if (!(await migrationStatus(database)).current) await migrate(database);
  const [row] = await database.db.select({ n: count() }).from(employers);
  if ((row?.n ?? 0) > 0) {
    // The ledger and audit log are append-only, so demo data cannot be loaded over existing data.
    throw new ScriptError(
      'The database already has data. Run `npm run db:reset` first to start from an empty one.',
    );
  }
  const started = performance.now();
  await seed(database.db);
  // The history goes through lib/server (server-only): package.json preloads
  // allow-server-only.mjs, which lets this script import it outside Next.
  const { seedDemoHistory } = await import('../../lib/server/demo/seed-history');
  const filed = await seedDemoHistory(database.db);
  return `Demo data and ${filed} past reports loaded on ${database.engine} in ${Math.round(performance.now() - started)} ms.`;
});
