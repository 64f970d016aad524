import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { rowsOf } from '@/db/migrate';
import type { Database } from '@/db/types';

// The pooler settings on a real PostgreSQL (TEST_DATABASE_URL): with prepared statements off,
// drizzle's queries and transactions through the capped client give the right rows, in any
// number at once (a semaphore that lost a permit, or kept one after an error, would hang here).
const adminUrl = process.env.TEST_DATABASE_URL?.trim();

describe.skipIf(!adminUrl)('postgres.js behind a pooler: one query per connection', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({
      engine: 'postgres',
      url: adminUrl!,
      maxConnections: 2,
      prepare: false,
      idleTimeoutSeconds: 0,
    });
  });
  afterAll(() => database?.close());

  it('answers 60 concurrent queries and transactions, each with its own rows', async () => {
    const { db } = database;
    const work = Array.from({ length: 60 }, async (_, i) => {
      if (i % 2 === 0) {
        const rows = rowsOf<{ n: number }>(
          await db.execute(sql`select ${i}::int as n, pg_sleep(0.005)`),
        );
        return rows[0]?.n;
      }
      return db.transaction(async (tx) => {
        const rows = rowsOf<{ n: number }>(await tx.execute(sql`select ${i}::int + 0 as n`));
        return rows[0]?.n;
      });
    });
    expect(await Promise.all(work)).toEqual(Array.from({ length: 60 }, (_, i) => i));
  });

  it('a failed transaction rolls back and the pool goes on', async () => {
    const { db } = database;
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    const rows = rowsOf<{ ok: number }>(await db.execute(sql`select 1 as ok`));
    expect(rows[0]?.ok).toBe(1);
  });
});
