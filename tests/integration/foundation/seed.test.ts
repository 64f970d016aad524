import { createHash } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/migrate';
import * as schema from '@/db/schema';
import { seed, seedIfEmpty } from '@/db/seed';
import { DEMO_IDENTITIES } from '@/db/seed/demo-identities';
import { validateFin } from '@/lib/domain/identifiers';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const TABLES = [
  'activity_codes',
  'economic_class_codes',
  'non_liable_income_reasons',
  'preferential_seniority_entries',
  'public_holidays',
  'contribution_regimes',
  'penalty_parameters',
  'registry_persons',
  'tax_registry',
  'employers',
  'employer_addresses',
  'employer_contacts',
  'employer_bank_accounts',
  'employer_activity_codes',
  'employments',
  'payments',
  'ledger_entries',
];
/** Columns that record when a row was written, not what it says. */
const VOLATILE = new Set(['created_at', 'recorded_at', 'id']);

async function fingerprint(database: TestDatabase): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    const columns = rowsOf<{ column_name: string }>(
      await database.db.execute(
        sql`select column_name from information_schema.columns where table_schema = 'public' and table_name = ${table} order by ordinal_position`,
      ),
    )
      .map((c) => c.column_name)
      .filter((c) => !VOLATILE.has(c) || (c === 'id' && table !== 'ledger_entries'));
    const list = sql.raw(columns.map((c) => `"${c}"`).join(', '));
    const rows = rowsOf<Record<string, unknown>>(
      await database.db.execute(sql`select ${list} from ${sql.identifier(table)} order by ${list}`),
    );
    result[table] =
      `${rows.length}:${createHash('sha256').update(JSON.stringify(rows)).digest('hex')}`;
  }
  return result;
}

describe('demo seed', () => {
  let first: TestDatabase;
  let second: TestDatabase;
  beforeAll(async () => {
    first = await createTestDatabase();
    second = await createTestDatabase();
    await seed(first.db);
    expect(await seedIfEmpty(second.db)).toBe(true);
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it('is deterministic: the same rows twice', async () => {
    expect(await fingerprint(first)).toEqual(await fingerprint(second));
  });

  it('does not load twice into a database that has data', async () => {
    expect(await seedIfEmpty(second.db)).toBe(false);
  });

  it('has the three demo employers the issue asks for', async () => {
    const perEmployer = await first.db
      .select({ name: schema.employers.name, n: count() })
      .from(schema.employments)
      .innerJoin(schema.employers, eq(schema.employers.id, schema.employments.employerId))
      .groupBy(schema.employers.name);
    const byName = Object.fromEntries(perEmployer.map((r) => [r.name, r.n]));
    expect(byName['"Xəzər Texnologiyaları" MMC']).toBe(12);
    expect(byName['Səbail rayon Təhsil Şöbəsi']).toBe(40);
    expect(byName['"Kür İnşaat" ASC']).toBe(3000);
    const subs = await first.db
      .select()
      .from(schema.employers)
      .where(sql`${schema.employers.parentEmployerId} is not null`);
    expect(subs).toHaveLength(2);
    const codes = await first.db
      .select({ code: schema.employerActivityCodes.activityCode })
      .from(schema.employerActivityCodes)
      .innerJoin(schema.employers, eq(schema.employers.id, schema.employerActivityCodes.employerId))
      .where(eq(schema.employers.name, '"Xəzər Texnologiyaları" MMC'));
    expect(codes.map((c) => c.code).sort()).toEqual(['47.41', '62.01']);
  });

  it('gives every person a valid FIN and each demo identity a registry entry', async () => {
    const persons = await first.db
      .select({ fin: schema.registryPersons.fin, type: schema.registryPersons.documentType })
      .from(schema.registryPersons);
    for (const p of persons)
      expect(validateFin(p.fin, p.type === 'DIN' ? 'DIN' : 'MIGRATION').ok, p.fin).toBe(true);
    const fins = new Set(persons.map((p) => p.fin));
    for (const d of DEMO_IDENTITIES) expect(fins.has(d.fin)).toBe(true);
  });

  it('has opening debts, one fine, one write-off, holidays and payments into the current quarter', async () => {
    const kinds = await first.db
      .select({ kind: schema.ledgerEntries.kind, n: count() })
      .from(schema.ledgerEntries)
      .groupBy(schema.ledgerEntries.kind);
    const byKind = Object.fromEntries(kinds.map((k) => [k.kind, k.n]));
    expect(byKind.OPENING_BALANCE).toBeGreaterThan(0);
    expect(byKind.FINE).toBe(1);
    expect(byKind.WRITE_OFF).toBe(1);
    const [holidays] = await first.db.select({ n: count() }).from(schema.publicHolidays);
    expect(holidays!.n).toBeGreaterThan(40);
    const [recent] = await first.db
      .select({ n: count() })
      .from(schema.payments)
      .where(sql`${schema.payments.paymentDate} >= '2026-10-01'`);
    expect(recent!.n).toBeGreaterThan(0);
  });
});
