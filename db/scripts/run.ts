import { configFromEnv, openDatabase } from '../client';
import { DatabaseStartupError } from '../errors';
import type { Database, DatabaseConfig } from '../types';

/** Runs a database script and turns failures into one line and exit code 1. */
export async function runScript(
  name: string,
  body: (database: Database) => Promise<string>,
  config: DatabaseConfig = configFromEnv(),
): Promise<void> {
  let database: Database | undefined;
  try {
    database = await openDatabase(config);
    console.log(`[${name}] ${await body(database)}`);
  } catch (error) {
    const message =
      error instanceof DatabaseStartupError || error instanceof ScriptError
        ? error.message
        : error instanceof Error
          ? error.message.split('\n')[0]
          : String(error);
    console.error(`[${name}] ${message}`);
    process.exitCode = 1;
  } finally {
    await database?.close();
  }
}

export class ScriptError extends Error {}
