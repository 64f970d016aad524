import type { Sql } from 'postgres';
import { describe, expect, it } from 'vitest';
import { oneQueryPerConnection, permits } from '@/db/one-query-per-connection';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/**
 * A stand-in for postgres.js's client that only counts: how many queries and transactions are
 * in flight at once, the most ever, and which ran. The real client is proven in
 * tests/integration/hosting/one-query-per-connection.test.ts on PostgreSQL.
 */
function countingClient() {
  const seen = { inFlight: 0, most: 0, ran: [] as string[] };
  const run = async (label: string, fail = false) => {
    seen.inFlight += 1;
    seen.most = Math.max(seen.most, seen.inFlight);
    seen.ran.push(label);
    await tick();
    seen.inFlight -= 1;
    if (fail) throw new Error(`failed: ${label}`);
    return [{ label }];
  };
  const client = Object.assign(() => 'tagged', {
    unsafe: (query: string) => {
      const result = run(query, query === 'bad');
      return Object.assign(result, {
        values: () => result.then((rows) => rows.map((r) => [r.label])),
      });
    },
    begin: async (work: () => Promise<unknown>) => {
      const rows = await run('begin');
      return [rows, await work()];
    },
    options: { parsers: {} },
  });
  return { client: client as unknown as Sql, seen };
}

describe('behind a pooler, no more queries in flight than connections (issue 15 §8)', () => {
  it('caps autocommit queries, values() and transactions together at the pool size', async () => {
    const { client, seen } = countingClient();
    const gated = oneQueryPerConnection(client, 3);
    const work = Array.from({ length: 30 }, (_, i) =>
      i % 3 === 0
        ? gated.unsafe(`q${i}`)
        : i % 3 === 1
          ? gated.unsafe(`q${i}`).values()
          : gated.begin(async () => 'inside'),
    );
    const results = await Promise.all(work);
    expect(seen.most).toBe(3);
    expect(seen.ran).toHaveLength(30);
    expect(results[0]).toEqual([{ label: 'q0' }]);
    expect(results[1]).toEqual([['q1']]);
    expect(results[2]).toEqual([[{ label: 'begin' }], 'inside']);
  });

  it('passes errors through and gives the permit back, so later queries still run', async () => {
    const { client, seen } = countingClient();
    const gated = oneQueryPerConnection(client, 1);
    await expect(gated.unsafe('bad')).rejects.toThrow('failed: bad');
    await expect(gated.unsafe('good')).resolves.toEqual([{ label: 'good' }]);
    expect(seen.most).toBe(1);
  });

  it('runs nothing until awaited, as postgres.js queries are lazy', async () => {
    const { client, seen } = countingClient();
    const gated = oneQueryPerConnection(client, 2);
    const pending = gated.unsafe('later');
    await tick();
    expect(seen.ran).toEqual([]);
    await pending;
    expect(seen.ran).toEqual(['later']);
  });

  it('leaves everything else of the client as it is', () => {
    const { client } = countingClient();
    const gated = oneQueryPerConnection(client, 2);
    expect(gated.options).toBe(client.options);
  });

  it('permits: first come, first served, none lost', async () => {
    const gate = permits(2);
    await gate.acquire();
    await gate.acquire();
    const order: number[] = [];
    const third = gate.acquire().then(() => order.push(3));
    const fourth = gate.acquire().then(() => order.push(4));
    expect(gate.inUse).toBe(2);
    gate.release();
    gate.release();
    await Promise.all([third, fourth]);
    expect(order).toEqual([3, 4]);
    gate.release();
    gate.release();
    expect(gate.inUse).toBe(0);
  });
});
