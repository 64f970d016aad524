import { appRolePasswordFromEnv, APP_ROLE, migrationUrlFromEnv } from '../app-role';
import { configFromEnv } from '../client';
import { migrate } from '../migrate';
import { runScript, ScriptError } from './run';

// As the tables' owner (MIGRATION_DATABASE_URL, else DATABASE_URL); PGlite has one connection.
const ownerUrl = migrationUrlFromEnv();
const appPassword = appRolePasswordFromEnv();
await runScript(
  'db:migrate',
  async (database) => {
    if (ownerUrl && new URL(ownerUrl).username === APP_ROLE)
      throw new ScriptError(
        `${APP_ROLE} owns nothing and may not migrate: set MIGRATION_DATABASE_URL to the owner's URL.`,
      );
    const { applied } = await migrate(database, undefined, { appPassword });
    const role = database.engine === 'postgres' && appPassword ? ` ${APP_ROLE} may log in.` : '';
    return `${applied} migration(s) applied on ${database.engine} (${database.location}).${role}`;
  },
  ownerUrl ? { engine: 'postgres', url: ownerUrl, maxConnections: 1 } : configFromEnv(),
);
