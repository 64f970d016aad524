import { appRolePasswordFromEnv, APP_ROLE, migrationUrlFromEnv } from '../app-role';
import { configFromEnv } from '../client';
import { migrate } from '../migrate';
import { runScript } from './run';

// As the tables' owner (MIGRATION_DATABASE_URL, else DATABASE_URL); PGlite has one connection.
const ownerUrl = migrationUrlFromEnv();
const appPassword = appRolePasswordFromEnv();
await runScript(
  'db:migrate',
  async (database) => {
    const { applied } = await migrate(database, undefined, { appPassword });
    const role = database.engine === 'postgres' && appPassword ? ` ${APP_ROLE} may log in.` : '';
    return `${applied} migration(s) applied on ${database.engine} (${database.location}).${role}`;
  },
  ownerUrl ? { engine: 'postgres', url: ownerUrl, maxConnections: 1 } : configFromEnv(),
);
