import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

type Schema = typeof schema;
type Relations = ExtractTablesWithRelations<Schema>;

/** Both engines (PGlite, postgres.js) are a PgDatabase; code depends on this, never on a driver. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, Relations>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, Relations>;
/** Use cases take either, so a caller can compose them inside one transaction. */
export type DbOrTx = Db | Tx;
export type Engine = 'pglite' | 'postgres';

export type DatabaseConfig =
  | {
      engine: 'postgres';
      url: string;
      maxConnections?: number;
      /** false behind a transaction-mode pooler (db/pool-options.ts). */
      prepare?: boolean;
      idleTimeoutSeconds?: number;
    }
  | { engine: 'pglite'; dir: string };

export type Database = {
  db: Db;
  engine: Engine;
  config: DatabaseConfig;
  /** Where the data lives, for messages (never includes a password). */
  location: string;
  close: () => Promise<void>;
};
