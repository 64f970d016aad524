import { describe, expect, it } from 'vitest';
import { configFromEnv } from '@/db/client';
import { poolOptionsFromEnv } from '@/db/pool-options';

/** An environment of just these variables (ProcessEnv's type also demands NODE_ENV). */
const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;

describe('postgres.js pool settings from the environment', () => {
  it('defaults to a long-running server on a direct connection', () => {
    expect(poolOptionsFromEnv(env({}))).toEqual({
      maxConnections: 10,
      prepare: true,
      idleTimeoutSeconds: 0,
    });
  });

  it('a transaction-mode pooler: no prepared statements, a small pool, an idle timeout', () => {
    const vars = {
      DATABASE_URL: 'postgres://hesabat_app:x@pooler:6543/hesabat',
      DATABASE_PREPARE: 'false',
      DATABASE_POOL_MAX: '2',
      DATABASE_IDLE_TIMEOUT: '20',
    };
    expect(configFromEnv(env(vars))).toEqual({
      engine: 'postgres',
      url: vars.DATABASE_URL,
      maxConnections: 2,
      prepare: false,
      idleTimeoutSeconds: 20,
    });
  });

  it('PGlite ignores them', () => {
    expect(configFromEnv(env({ DATABASE_PREPARE: 'false', PGLITE_DIR: '/tmp/x' }))).toEqual({
      engine: 'pglite',
      dir: '/tmp/x',
    });
  });

  it.each([
    [{ DATABASE_PREPARE: 'no' }, /DATABASE_PREPARE=no must be true or false/],
    [{ DATABASE_POOL_MAX: '0' }, /DATABASE_POOL_MAX=0 is not a whole number of at least 1/],
    [{ DATABASE_POOL_MAX: '2.5' }, /DATABASE_POOL_MAX/],
    [{ DATABASE_IDLE_TIMEOUT: '-1' }, /DATABASE_IDLE_TIMEOUT/],
  ])('refuses %j in one line', (vars, message) => {
    expect(() => poolOptionsFromEnv(env(vars))).toThrow(message);
  });
});
