import { DatabaseStartupError } from './errors';

/** How postgres.js talks to the server (or to a pooler in front of it). */
export type PoolOptions = {
  /** Connections this process may open: small behind a pooler, where every instance has its own. */
  maxConnections: number;
  /**
   * Named prepared statements. A transaction-mode pooler (PgBouncer, Supavisor, Neon's pooler)
   * hands each transaction to any server connection, where a statement prepared on another one
   * does not exist: DATABASE_PREPARE=false sends every query unnamed.
   */
  prepare: boolean;
  /** Seconds an unused connection stays open (0 = until the process ends). */
  idleTimeoutSeconds: number;
};

const DEFAULTS: PoolOptions = { maxConnections: 10, prepare: true, idleTimeoutSeconds: 0 };

function wholeNumber(name: string, raw: string, min: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min)
    throw new DatabaseStartupError(`${name}=${raw} is not a whole number of at least ${min}.`);
  return value;
}

/**
 * DATABASE_POOL_MAX, DATABASE_PREPARE (true|false) and DATABASE_IDLE_TIMEOUT (seconds); unset →
 * the defaults of a long-running server on a direct connection. A value that cannot be read
 * stops the start with one line rather than silently falling back.
 */
export function poolOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): PoolOptions {
  const max = env.DATABASE_POOL_MAX?.trim();
  const prepare = env.DATABASE_PREPARE?.trim().toLowerCase();
  const idle = env.DATABASE_IDLE_TIMEOUT?.trim();
  if (prepare && prepare !== 'true' && prepare !== 'false')
    throw new DatabaseStartupError(`DATABASE_PREPARE=${prepare} must be true or false.`);
  return {
    maxConnections: max ? wholeNumber('DATABASE_POOL_MAX', max, 1) : DEFAULTS.maxConnections,
    prepare: prepare ? prepare === 'true' : DEFAULTS.prepare,
    idleTimeoutSeconds: idle
      ? wholeNumber('DATABASE_IDLE_TIMEOUT', idle, 0)
      : DEFAULTS.idleTimeoutSeconds,
  };
}
