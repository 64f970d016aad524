import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { payments, reportPersons } from '@/db/schema';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import type { DbOrTx } from '@/db/types';
import { resolveEmployerAccess, type EmployerScope } from '@/lib/server/access';
import { AppError, type AppErrorCode } from '@/lib/server/errors';
import { demoActor, ensureDemoCertificates } from '../helpers/identity-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// Shared set-up of the report use-case tests: a seeded database, scopes for two employers,
// and fixtures for rows other use cases own (payments recorded by the fund, persons).

export const AS_OF = new Date('2026-11-25T10:00:00Z'); // 14:00 in Baku, 2026 Q4
export const XEZER = seedEmployer('xezer').id;
export const KUR = seedEmployer('kur').id;

export async function seededDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  await seed(database.db);
  await ensureDemoCertificates(database.db);
  return database;
}

export async function scopeOf(db: DbOrTx, key: 'xezer' | 'kur'): Promise<EmployerScope> {
  const actor = demoActor(key === 'xezer' ? 'xezer-director' : 'kur-director');
  const access = await resolveEmployerAccess(db, actor, seedEmployer(key).id, 'REPORTS', AS_OF);
  if (!access.ok) throw new Error(`expected access, got ${access.reason}`);
  return access.scope;
}

/** A payment the fund recorded, with no activity code unless given. */
export async function insertPayment(
  db: DbOrTx,
  row: {
    employerId?: string;
    amountQepik: number;
    paymentDate: string;
    activityCode?: string | null;
    /** 121111 (employer side of legal entities) unless given; 121211 is its employee pair. */
    economicClassCode?: string;
  },
): Promise<string> {
  const id = randomUUID();
  await db.insert(payments).values({
    id,
    employerId: row.employerId ?? XEZER,
    activityCode: row.activityCode ?? null,
    paymentDate: row.paymentDate,
    amountQepik: row.amountQepik,
    bankReference: `TEST-${id.slice(0, 8)}`,
    economicClassCode: row.economicClassCode ?? '121111',
    recordedBy: 'TEST',
  });
  return id;
}

/** A person of a report (the persons use cases belong to another module). */
export async function insertPerson(
  db: DbOrTx,
  reportId: string,
  fin: string,
  incomes: [number | null, number | null, number | null],
  employerId = XEZER,
): Promise<void> {
  await db.insert(reportPersons).values({
    reportId,
    employerId,
    fin,
    surname: 'Test',
    name: 'Person',
    patronymic: 'Test',
    incomeM1Qepik: incomes[0],
    incomeM2Qepik: incomes[1],
    incomeM3Qepik: incomes[2],
  });
}

/** Awaits a refusal with the given AppError or AppError code; returns the error. */
export async function expectRefusal(
  promise: Promise<unknown>,
  code: AppErrorCode | AppError['code'],
): Promise<AppError | AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(Error);
  expect(error instanceof AppError || error instanceof AppError).toBe(true);
  expect((error as AppError | AppError).code).toBe(code);
  return error as AppError | AppError;
}
