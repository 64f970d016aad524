import { asc } from 'drizzle-orm';
import { registryPersons } from '@/db/schema';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import type { DbOrTx } from '@/db/types';
import { resolveEmployerAccess, type EmployerScope } from '@/lib/server/access';
import { createApiToken } from '@/lib/server/api/create-api-token';
import { demoActor, ensureDemoCertificates } from '../helpers/identity-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// Shared set-up of the payroll-API tests (issue 5 §9): a seeded database, scopes, tokens, and
// requests as a client would send them.

/** 2025 Q4 in Baku: 2025 Q3 is the last whole quarter. */
export const AS_OF = new Date('2025-10-10T09:00:00Z');
export const XEZER = seedEmployer('xezer').id;
export const KUR = seedEmployer('kur').id;

export async function seededDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  await seed(database.db);
  await ensureDemoCertificates(database.db);
  return database;
}

export async function scopeOf(
  db: DbOrTx,
  employerKey: string,
  actorKey: string,
): Promise<EmployerScope> {
  const access = await resolveEmployerAccess(
    db,
    demoActor(actorKey),
    seedEmployer(employerKey).id,
    'REPORTS',
    AS_OF,
  );
  if (!access.ok) throw new Error(`expected access, got ${access.reason}`);
  return access.scope;
}

export async function tokenFor(
  db: DbOrTx,
  scope: EmployerScope,
  name = 'Payroll',
): Promise<string> {
  return (await createApiToken(db, scope, { name }, AS_OF)).token;
}

/** FINs of the population registry, in order (none is a signatory or in a report yet). */
export async function registryFins(db: DbOrTx, count: number, offset = 0): Promise<string[]> {
  const rows = await db
    .select({ fin: registryPersons.fin })
    .from(registryPersons)
    .orderBy(asc(registryPersons.fin))
    .limit(count)
    .offset(offset);
  return rows.map((r) => r.fin);
}

export function apiRequest(path: string, token: string | null, body?: unknown): Request {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body ?? {}),
  });
}

/** The manual's worked example: 3 persons × 1 000,00 each month, 500,00 non-liable in August. */
export function workedExample(fins: string[]) {
  const months = ['2025-07', '2025-08', '2025-09'];
  const each = <T>(value: T) => Object.fromEntries(months.map((m) => [m, value]));
  return {
    activityCode: '62.01',
    year: 2025,
    quarter: 3,
    labourPayments: each('3000.00'),
    headcount: each(fins.length),
    nonLiableIncome: [{ reasonCode: 'GIFTS_AID', month: '2025-08', amount: '500.00' }],
    persons: fins.map((fin) => ({ fin, incomes: each('1000.00') })),
  };
}

export type ErrorBody = {
  error: {
    code: string;
    message: { az: string; en: string };
    problems?: { path: string; code: string; message: { az: string; en: string } }[];
  };
};
