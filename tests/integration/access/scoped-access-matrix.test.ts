import { and, count, eq, getTableColumns, is, sql } from 'drizzle-orm';
import { PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as schema from '@/db/schema';
import { auditLog } from '@/db/schema';
import { seed } from '@/db/seed';
import type { Db, DbOrTx } from '@/db/types';
import { runScoped } from '@/lib/server/access';
import { isAppError } from '@/lib/server/errors';
import { ensureDemoCertificates } from '../helpers/identity-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { SCOPED_USE_CASES, type ScopedUseCase } from './scoped-use-cases';
import { buildWorld, WORLD_AS_OF, type IdKind, type Ids, type World } from './scoped-world';

// The access matrix (ARCHITECTURE.md §5, §8; issue 11 §8), generated from the one list of scoped
// use cases: each is called with employer B's scope and employer A's ids, one id at a time
// (the others are B's own, so the refusal can only come from that id), and also with an id
// that does not exist and one that is not an id at all. Each call goes through runScoped, the
// path the action client, pages and route handlers use, and must answer as its entry says —
// NOT_FOUND with an audit row of the denial, or (a list) nothing of A's. A control call with
// B's own ids, in a transaction rolled back afterwards, must not answer NOT_FOUND: the probes
// really reach the scope check. A's rows are compared before and after.

const ENTRIES = Object.entries(SCOPED_USE_CASES) as [string, ScopedUseCase][];
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const ROLLBACK = new Error('rollback');

type Outcome =
  | { kind: 'returned'; value: unknown }
  | { kind: 'not-found'; returned: boolean }
  | { kind: 'refused'; code: string }
  | { kind: 'crashed'; error: unknown };

async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const value = await run();
    const v = value as { ok?: unknown; code?: unknown } | null;
    if (v && v.ok === false && v.code === 'NOT_FOUND') return { kind: 'not-found', returned: true };
    return { kind: 'returned', value };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND')
      return { kind: 'not-found', returned: false };
    const code = (error as { code?: unknown }).code;
    if (error instanceof Error && typeof code === 'string') return { kind: 'refused', code };
    return { kind: 'crashed', error };
  }
}

/** Every row of every employer-owned table for one employer, as comparable text. */
async function rowsOf(db: Db, employerId: string): Promise<string[]> {
  const rows: string[] = [];
  for (const [name, table] of Object.entries(schema)) {
    if (!is(table, PgTable)) continue;
    const columns: Record<string, PgColumn> = getTableColumns(table);
    const column = columns.employerId;
    if (!column) continue;
    for (const row of await db.select().from(table).where(eq(column, employerId)))
      rows.push(`${name} ${JSON.stringify(row)}`);
  }
  return rows.sort();
}

describe('access matrix: every scoped use case, employer B’s scope, employer A’s ids', () => {
  let database: TestDatabase;
  let db: Db;
  let a: World;
  let b: World;
  let before: string[];
  /** Texts that would betray employer A in an answer to B. */
  let secrets: string[];
  const figures = {
    useCases: 0,
    probes: 0,
    audited: 0,
    leaks: [] as string[],
    unaudited: [] as string[],
  };

  beforeAll(async () => {
    // The sending core reads the clock (signing sessions); it must agree with every asOf.
    vi.stubEnv('HESABAT_NOW', WORLD_AS_OF.toISOString());
    database = await createTestDatabase();
    db = database.db;
    await seed(db);
    await ensureDemoCertificates(db);
    a = await buildWorld(db, 'xezer');
    b = await buildWorld(db, 'sebail-edu');
    secrets = [a.employerId, ...Object.values(a.ids)];
    before = await rowsOf(db, a.employerId);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await database?.close();
  });

  async function denials(name: string): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'ACCESS'),
          eq(auditLog.outcome, 'DENIED'),
          eq(auditLog.employerId, b.employerId),
          sql`${auditLog.details}->>'action' = ${name}`,
          sql`${auditLog.details}->>'reason' = 'NOT_IN_SCOPE'`,
        ),
      );
    return row?.n ?? 0;
  }

  function leaked(value: unknown): string | undefined {
    const text = JSON.stringify(value, (_key, v: unknown) =>
      v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : v,
    );
    return secrets.find((secret) => text?.includes(secret));
  }

  /** With B's own ids, in a transaction that is rolled back: whatever it does, not NOT_FOUND. */
  async function control(name: string, entry: ScopedUseCase): Promise<Outcome> {
    let outcome: Outcome | undefined;
    await db
      .transaction(async (tx) => {
        outcome = await outcomeOf(() => entry.call(tx as DbOrTx, b.scope[entry.service], b.ids, b));
        throw ROLLBACK;
      })
      .catch((error: unknown) => {
        if (error !== ROLLBACK) throw error;
      });
    if (!outcome) throw new Error(`${name}: no control outcome`);
    return outcome;
  }

  function variants(kind: IdKind): string[] {
    return kind === 'receiptNumber'
      ? [a.ids.receiptNumber, 'HS-1999-0000001']
      : [a.ids[kind], UNKNOWN_ID, 'not-an-id'];
  }

  it.each(ENTRIES)('%s', async (name, entry) => {
    figures.useCases += 1;
    const scope = b.scope[entry.service];
    const own = await control(name, entry);
    expect(own.kind, `${name} with B's own ids: ${JSON.stringify(own)}`).not.toBe('not-found');
    expect(
      own.kind,
      `${name} with B's own ids crashed: ${String((own as { error?: unknown }).error)}`,
    ).not.toBe('crashed');
    if (own.kind === 'returned') {
      const secret = leaked(own.value);
      if (secret) figures.leaks.push(`${name} (own ids) shows ${secret}`);
    }

    for (const kind of entry.ids) {
      for (const value of variants(kind)) {
        const ids: Ids = { ...b.ids, [kind]: value };
        const label = `${name} with ${kind} = ${value === a.ids[kind] ? `A's ${kind}` : value}`;
        const audits = await denials(name);
        const outcome = await outcomeOf(() =>
          runScoped(db, scope, name, () => entry.call(db, scope, ids, b)),
        );
        figures.probes += 1;
        const audited = (await denials(name)) - audits;
        if (entry.answer === 'EMPTY') {
          expect(outcome.kind, label).toBe('returned');
          const secret = outcome.kind === 'returned' ? leaked(outcome.value) : undefined;
          if (secret) figures.leaks.push(`${label} shows ${secret}`);
          continue;
        }
        expect(outcome, label).toEqual({
          kind: 'not-found',
          returned: entry.answer === 'NOT_FOUND_RESULT',
        });
        if (audited === 1) figures.audited += 1;
        else figures.unaudited.push(`${label}: ${audited} audit rows`);
      }
    }
    expect(figures.leaks.filter((l) => l.startsWith(name))).toEqual([]);
  });

  it.each(ENTRIES)(
    '%s refuses a scope of another service (a wiring mistake)',
    async (name, entry) => {
      const other =
        entry.wrongService ?? (entry.service === 'REPORTS' ? 'EMPLOYER_DATA' : 'REPORTS');
      const outcome = await control(name, { ...entry, service: other });
      expect(outcome, name).toEqual({ kind: 'refused', code: 'FORBIDDEN' });
    },
  );

  it('leaked nothing, audited every denial and changed nothing of employer A', async () => {
    console.info(
      `access matrix: ${figures.useCases} use cases, ${figures.probes} probes, ${figures.audited} denials audited, ${figures.leaks.length} leaks, ${figures.unaudited.length} without an audit row`,
    );
    expect(figures.useCases).toBe(ENTRIES.length);
    expect(figures.leaks).toEqual([]);
    expect(figures.unaudited).toEqual([]);
    expect(await rowsOf(db, a.employerId)).toEqual(before);
  });
});
