import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { getDatabase } from '@/db/client';
import { migrationStatus } from '@/db/migrate';
import * as schema from '@/db/schema';
import { startDatabase } from '@/db/startup';
import type { Db } from '@/db/types';

const directory = mkdtempSync(join(tmpdir(), 'hesabat-dev-start-'));
const saved = { url: process.env.DATABASE_URL, dir: process.env.PGLITE_DIR };
const handle = globalThis as unknown as {
  hesabatDatabase?: Promise<{ close(): Promise<void> }>;
  hesabatDatabaseStarting?: unknown;
};

afterAll(async () => {
  await (await handle.hesabatDatabase)?.close();
  delete handle.hesabatDatabase;
  delete handle.hesabatDatabaseStarting;
  if (saved.url === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = saved.url;
  if (saved.dir === undefined) delete process.env.PGLITE_DIR;
  else process.env.PGLITE_DIR = saved.dir;
  rmSync(directory, { recursive: true, force: true });
});

// `npm run dev` on a fresh clone (issue 15): the first page is served before the embedded
// database is set up; a request that needs it waits for the whole start, never a half of it.
describe('the dev start on a brand-new embedded database', () => {
  it('starts nothing before the first page, gives requests only a ready database, and files the history after the page', async () => {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = directory;
    delete handle.hesabatDatabase;
    let firstPage!: () => void;
    const historyRuns: Db[] = [];
    const { background } = await startDatabase({
      serveWhileStarting: { firstPage: new Promise<void>((resolve) => (firstPage = resolve)) },
      afterSeed: async (db) => {
        historyRuns.push(db);
        return 'history filed';
      },
    });
    // Returned at once, with nothing done: the first page's compile has the machine to itself.
    expect(existsSync(join(directory, 'PG_VERSION'))).toBe(false);

    // Fifty requests at once, before the first page is out: each waits for the one start.
    const handles = await Promise.all(Array.from({ length: 50 }, () => getDatabase()));
    expect(new Set(handles).size).toBe(1);
    const [database] = handles;
    expect((await migrationStatus(database!)).current).toBe(true);
    const [employers] = await database!.db.select({ n: count() }).from(schema.employers);
    expect(employers!.n).toBeGreaterThan(0);
    expect(historyRuns).toHaveLength(0);

    firstPage();
    await background;
    expect(historyRuns).toEqual([database!.db]);
  });
});
