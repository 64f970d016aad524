import type { Sql } from 'postgres';

// postgres.js pipelines: when every connection of its pool is busy, it writes the next query
// down a busy connection before the first has answered. Behind a transaction-mode pooler older
// than PgBouncer 1.21 that loses results: the pooler hands the server connection back at the
// first query's ReadyForQuery, and the second query's rows arrive for nobody ("got packet 'T'
// from server when not linked"), so the request waits for ever. `max_pipeline: 0` is no cure
// (postgres.js then refuses `sql.begin` with UNSAFE_TRANSACTION). So, behind a pooler, this
// process never has more autocommit queries and transactions in flight than connections: each
// one waits for a permit, and a free permit means a free connection, which postgres.js always
// prefers to a busy one. Queries inside a transaction run on its reserved connection and take
// no permit (they may pipeline: the pooler keeps the connection linked until COMMIT).

type Unsafe = Sql['unsafe'];
type Begin = Sql['begin'];

/** A counting semaphore; `acquire` resolves when one of `permits` is free. */
export function permits(count: number) {
  let free = count;
  const waiting: (() => void)[] = [];
  return {
    async acquire(): Promise<void> {
      if (free > 0) {
        free -= 1;
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    },
    release(): void {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    },
    get inUse(): number {
      return count - free;
    },
  };
}

/**
 * The same client, with `unsafe` (every drizzle query) and `begin` (every drizzle transaction)
 * holding one of `connections` permits while they run. Drizzle awaits `unsafe(…)` or
 * `unsafe(…).values()`; both are answered, lazily, as postgres.js does.
 */
export function oneQueryPerConnection(client: Sql, connections: number): Sql {
  const gate = permits(connections);
  const held = async <T>(work: () => Promise<T>): Promise<T> => {
    await gate.acquire();
    try {
      return await work();
    } finally {
      gate.release();
    }
  };
  const unsafe = ((...args: Parameters<Unsafe>) => {
    let ran: Promise<unknown> | undefined;
    const rows = () => (ran ??= held(async () => await client.unsafe(...args)));
    return {
      then: (onValue: (v: unknown) => unknown, onError?: (e: unknown) => unknown) =>
        rows().then(onValue, onError),
      catch: (onError: (e: unknown) => unknown) => rows().catch(onError),
      finally: (onFinally: () => void) => rows().finally(onFinally),
      values: () => held(async () => await client.unsafe(...args).values()),
    };
  }) as unknown as Unsafe;
  const begin = ((...args: unknown[]) =>
    held(() => (client.begin as (...a: unknown[]) => Promise<unknown>)(...args))) as Begin;
  return new Proxy(client, {
    get(target, key, receiver) {
      if (key === 'unsafe') return unsafe;
      if (key === 'begin') return begin;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}
