import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, employers, ledgerEntries } from '@/db/schema';
import { seed } from '@/db/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('append-only tables', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    // The owner: these prove the triggers, which hold even for it (the app's role is stopped
    // earlier, by its missing privileges: tests/security/database-role.test.ts).
    database = await createTestDatabase({ role: 'owner' });
    await seed(database.db);
    await database.db
      .insert(auditLog)
      .values({ actorRole: 'SYSTEM', action: 'TEST', outcome: 'SUCCESS' });
  });
  afterAll(async () => database.close());

  const refused = async (run: () => Promise<unknown>) => {
    const error = await run().then(
      () => null,
      (e: unknown) => e as Error & { cause?: Error },
    );
    expect(error).not.toBeNull();
    expect(String(error?.cause?.message ?? error?.message)).toContain('APPEND_ONLY');
  };

  it('the ledger refuses UPDATE, DELETE and TRUNCATE', async () => {
    const [entry] = await database.db.select().from(ledgerEntries).limit(1);
    expect(entry).toBeDefined();
    await refused(() =>
      database.db
        .update(ledgerEntries)
        .set({ amountQepik: 1 })
        .where(eq(ledgerEntries.id, entry!.id)),
    );
    await refused(() => database.db.delete(ledgerEntries).where(eq(ledgerEntries.id, entry!.id)));
    await refused(() => database.db.execute(sql`truncate ledger_entries cascade`));
    const [after] = await database.db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.id, entry!.id));
    expect(after).toEqual(entry);
  });

  it('the audit log refuses UPDATE, DELETE and TRUNCATE', async () => {
    const [entry] = await database.db.select().from(auditLog).limit(1);
    await refused(() =>
      database.db.update(auditLog).set({ action: 'X' }).where(eq(auditLog.id, entry!.id)),
    );
    await refused(() => database.db.delete(auditLog).where(eq(auditLog.id, entry!.id)));
    await refused(() => database.db.execute(sql`truncate audit_log`));
  });

  it('the ledger refuses an entry whose sign contradicts its kind', async () => {
    const [employer] = await database.db.select().from(employers).limit(1);
    const error = await database.db
      .insert(ledgerEntries)
      .values({
        employerId: employer!.id,
        activityCode: '62.01',
        entryDate: '2026-01-01',
        kind: 'PAYMENT',
        amountQepik: 500,
        createdBy: 'TEST',
      })
      .then(
        () => null,
        (e: unknown) => e as Error & { cause?: Error },
      );
    expect(String(error?.cause?.message ?? error?.message)).toContain('ledger_sign_chk');
  });
});
