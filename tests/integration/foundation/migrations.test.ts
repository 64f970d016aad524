import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, migrationStatus, rowsOf } from '@/db/migrate';
import { requireCurrentSchema } from '@/db/startup';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => database.close());

  it('apply on a fresh database and are reported current', async () => {
    expect((await migrationStatus(database)).current).toBe(false);
    // A PostgreSQL server start only checks (the deploy migrates): pending → one line, no change.
    const refused = await requireCurrentSchema(database).then(
      () => null,
      (error: unknown) => error as Error,
    );
    expect(refused?.name).toBe('DatabaseStartupError');
    expect(refused?.message).toMatch(
      /^\d+ migration\(s\) pending on PostgreSQL: run `npm run db:migrate`/,
    );
    expect(refused?.message).not.toContain('\n');
    expect((await migrationStatus(database)).applied).toBe(0);
    const { applied } = await migrate(database);
    expect(applied).toBeGreaterThanOrEqual(2);
    const status = await migrationStatus(database);
    expect(status).toEqual({ current: true, applied: status.expected, expected: status.expected });
    await requireCurrentSchema(database);
    const tables = rowsOf<{ table_name: string }>(
      await database.db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
      ),
    ).map((r) => r.table_name);
    for (const table of [
      'employers',
      'ledger_entries',
      'audit_log',
      'payments',
      'registry_persons',
      'contribution_regimes',
      'public_holidays',
    ]) {
      expect(tables).toContain(table);
    }
  });

  it('are idempotent: a second run applies nothing', async () => {
    expect((await migrate(database)).applied).toBe(0);
  });
});

describe('a failing migration', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => database.close());

  it('rolls back completely and says so in one line', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'hesabat-mig-'));
    mkdirSync(join(folder, 'meta'));
    writeFileSync(join(folder, '0000_good.sql'), 'CREATE TABLE half_done (id int);');
    writeFileSync(join(folder, '0001_bad.sql'), 'CREATE TABLE broken (id int;');
    writeFileSync(
      join(folder, 'meta', '_journal.json'),
      JSON.stringify({
        version: '7',
        dialect: 'postgresql',
        entries: [
          { idx: 0, version: '7', when: 1, tag: '0000_good', breakpoints: true },
          { idx: 1, version: '7', when: 2, tag: '0001_bad', breakpoints: true },
        ],
      }),
    );
    const failure = await migrate(database, folder).then(
      () => null,
      (error: unknown) => error as Error,
    );
    expect(failure?.name).toBe('DatabaseStartupError');
    expect(failure?.message).toMatch(/^Database migration failed and was rolled back/);
    expect(failure?.message).not.toContain('\n');
    const exists = rowsOf<{ n: number }>(
      await database.db.execute(
        sql`select count(*)::int as n from information_schema.tables where table_name = 'half_done'`,
      ),
    );
    expect(Number(exists[0]?.n)).toBe(0);
  });
});
