import { count } from 'drizzle-orm';
import * as schema from '../schema';
import type { DbOrTx } from '../types';
import { buildLedger, buildPayments } from './finance';
import { buildPeople } from './people';
import { createRandom } from './random';
import { SEED_EMPLOYERS } from './employers';
import {
  ACTIVITY_CODES,
  CONTRIBUTION_REGIMES,
  ECONOMIC_CLASS_CODES,
  NON_LIABLE_INCOME_REASONS,
  PENALTY_PARAMETERS,
  PREFERENTIAL_SENIORITY_ENTRIES,
  publicHolidays,
} from './reference-data';
import { seedIdentities, type SeedHook } from './hooks';
import { seedMessages } from './messages';
import { seedStaff } from './staff';

/** PostgreSQL allows 65 535 parameters per statement; stay well below with any column count. */
async function insertChunked<T extends Record<string, unknown>>(
  db: DbOrTx,
  table: Parameters<DbOrTx['insert']>[0],
  rows: T[],
  chunk = 1000,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await db.insert(table).values(rows.slice(i, i + chunk) as never);
  }
}

/**
 * Loads the deterministic demo data (foundation issue §4). Same input, same rows: the PRNG seed
 * is fixed and every id is derived from a stable key.
 */
export async function seed(db: DbOrTx, hooks: SeedHook[] = [seedIdentities]): Promise<void> {
  const random = createRandom(20_260_101);
  await db.transaction(async (tx) => {
    await insertChunked(tx, schema.activityCodes, ACTIVITY_CODES);
    await insertChunked(tx, schema.economicClassCodes, ECONOMIC_CLASS_CODES);
    await insertChunked(tx, schema.nonLiableIncomeReasons, NON_LIABLE_INCOME_REASONS);
    await insertChunked(tx, schema.preferentialSeniorityEntries, PREFERENTIAL_SENIORITY_ENTRIES);
    await insertChunked(tx, schema.publicHolidays, publicHolidays());
    await insertChunked(tx, schema.contributionRegimes, CONTRIBUTION_REGIMES);
    await insertChunked(tx, schema.penaltyParameters, PENALTY_PARAMETERS);

    const { registry, employments } = buildPeople(random);
    await insertChunked(tx, schema.registryPersons, registry);
    await insertChunked(
      tx,
      schema.taxRegistry,
      SEED_EMPLOYERS.map((e) => ({
        voen: e.voen,
        name: e.name,
        taxpayerType: 'LEGAL' as const,
        legalAddress: e.legalAddress,
      })),
    );
    // Parents first: sub-employers reference them.
    const ordered = [...SEED_EMPLOYERS].sort(
      (a, b) => Number(!!a.parentKey) - Number(!!b.parentKey),
    );
    for (const e of ordered) {
      const parent = e.parentKey ? SEED_EMPLOYERS.find((p) => p.key === e.parentKey) : undefined;
      await tx.insert(schema.employers).values({
        id: e.id,
        name: e.name,
        employerType: e.employerType,
        dsmfRegNumber: e.dsmfRegNumber,
        voen: e.voen,
        localBodyCode: e.localBodyCode,
        localBodyName: e.localBodyName,
        responsibleFin: e.responsibleFin,
        parentEmployerId: parent?.id ?? null,
      });
      await tx
        .insert(schema.employerActivityCodes)
        .values(e.activityCodes.map((activityCode) => ({ employerId: e.id, activityCode })));
      await tx.insert(schema.employerAddresses).values([
        {
          id: `${e.id.slice(0, 24)}00000000000a`,
          employerId: e.id,
          kind: 'LEGAL',
          address: e.legalAddress,
        },
      ]);
      await tx.insert(schema.employerContacts).values([
        { id: `${e.id.slice(0, 24)}00000000000b`, employerId: e.id, kind: 'PHONE', value: e.phone },
        { id: `${e.id.slice(0, 24)}00000000000c`, employerId: e.id, kind: 'EMAIL', value: e.email },
      ]);
      await tx.insert(schema.employerBankAccounts).values({
        id: `${e.id.slice(0, 24)}00000000000d`,
        employerId: e.id,
        bankName: e.bank.name,
        bankCode: e.bank.code,
        iban: e.bank.iban,
      });
    }
    await insertChunked(tx, schema.employments, employments);
    const classCodes = new Map(
      ACTIVITY_CODES.map((a) => [
        a.code,
        { employer: a.employerClassCode, employee: a.employeeClassCode },
      ]),
    );
    await insertChunked(tx, schema.payments, buildPayments(employments, classCodes));
    await insertChunked(tx, schema.ledgerEntries, buildLedger());
    await seedStaff(tx);
    await seedMessages(tx);
    for (const hook of hooks) await hook(tx);
  });
}

/** First start of an empty embedded database: load the demo data. Returns whether it did. */
export async function seedIfEmpty(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(schema.employers);
  if ((row?.n ?? 0) > 0) return false;
  await seed(db);
  return true;
}
