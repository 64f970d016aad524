import { migrate } from '../migrate';
import { runScript } from './run';

await runScript('db:migrate', async (database) => {
  const { applied } = await migrate(database);
  return `${applied} migration(s) applied on ${database.engine} (${database.location}).`;
});
