import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports, reportStatusHistory, submissions } from '@/db/schema';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import { createReport } from '@/lib/server/reports/create-report';
import { ensureDemoCertificates } from '../integration/helpers/identity-fixtures';
import { directorScope, sendableReport, sendReport } from '../integration/helpers/sending-fixtures';
import { createTestDatabase, type TestDatabase } from '../integration/helpers/test-database';

// Issue 12 §10: the triggers that keep what was sent as it was sent. They hold for every role,
// the owner included, so this runs as the owner on both engines (PGlite is single-user); the
// app's role is refused even earlier, by its privileges (database-role.test.ts).
const AS_OF = new Date('2025-10-15T10:00:00+04:00');

type Failure = Error & { cause?: Error };
async function refused(run: () => Promise<unknown>, pattern: RegExp): Promise<void> {
  const error = await run().then(
    () => null,
    (e: unknown) => e as Failure,
  );
  expect(error, 'the statement should have been refused').not.toBeNull();
  expect(String(error?.cause?.message ?? error?.message)).toMatch(pattern);
}

describe('sent records stay as sent (triggers, both engines)', () => {
  let database: TestDatabase;
  let db: TestDatabase['db'];
  let acceptedReportId: string;
  let acceptedSubmissionId: string;
  let receivedSubmissionId: string;

  beforeAll(async () => {
    database = await createTestDatabase({ role: 'owner' });
    db = database.db;
    await seed(db);
    await ensureDemoCertificates(db);
    const scope = await directorScope(db, 'xezer', AS_OF);
    acceptedReportId = await sendableReport(db, scope, {
      employerKey: 'xezer',
      activityCode: '62.01',
      year: 2025,
      quarter: 3,
      asOf: AS_OF,
    });
    const sent = await sendReport(db, scope, acceptedReportId, AS_OF);
    expect(sent).toMatchObject({ ok: true });
    const [accepted] = await db
      .select()
      .from(submissions)
      .where(eq(submissions.reportId, acceptedReportId));
    expect(accepted?.status).toBe('ACCEPTED');
    acceptedSubmissionId = accepted!.id;
    // A second submission still Received (its checks not run yet), for another draft.
    const { reportId: draftId } = await createReport(
      db,
      scope,
      { reportType: 'INITIAL', activityCode: '47.41', year: 2025, quarter: 3 },
      AS_OF,
    );
    const [received] = await db
      .insert(submissions)
      .values({
        ...accepted!,
        id: crypto.randomUUID(),
        reportId: draftId,
        receiptNumber: `${accepted!.receiptNumber}-R`,
        status: 'RECEIVED',
        returnReasons: null,
        decidedAt: null,
      })
      .returning({ id: submissions.id });
    receivedSubmissionId = received!.id;
  }, 120_000);
  afterAll(async () => database?.close());

  it('a received submission: no column but its first decision changes', async () => {
    const decision = { status: 'RETURNED', decidedAt: AS_OF } as const;
    const changes: Record<string, Partial<typeof submissions.$inferInsert>> = {
      signerFin: { signerFin: '0000000' },
      certificateSerial: { certificateSerial: 'CARD-OTHER' },
      employerId: { employerId: seedEmployer('kur').id },
      late: { late: true },
      dueDate: { dueDate: '2099-01-01' },
      documentHash: { documentHash: 'f'.repeat(64) },
      receiptNumber: { receiptNumber: 'HS-FORGED' },
      receivedAt: { receivedAt: new Date('2030-01-01T00:00:00Z') },
      batchId: { batchId: crypto.randomUUID() },
    };
    for (const [column, change] of Object.entries(changes)) {
      await refused(
        () =>
          db
            .update(submissions)
            .set({ ...decision, ...change })
            .where(eq(submissions.id, receivedSubmissionId)),
        /SUBMISSION_IMMUTABLE/,
      ).catch((error: unknown) => {
        throw new Error(`${column}: ${String(error)}`);
      });
    }
    // Not a decision: still Received, or no decision time.
    await refused(
      () =>
        db
          .update(submissions)
          .set({ returnReasons: [] })
          .where(eq(submissions.id, receivedSubmissionId)),
      /SUBMISSION_IMMUTABLE/,
    );
    await refused(
      () =>
        db
          .update(submissions)
          .set({ status: 'ACCEPTED' })
          .where(eq(submissions.id, receivedSubmissionId)),
      /SUBMISSION_IMMUTABLE/,
    );
    await refused(
      () => db.delete(submissions).where(eq(submissions.id, receivedSubmissionId)),
      /SUBMISSION_IMMUTABLE/,
    );
    // The decision alone is recorded, once.
    await db.update(submissions).set(decision).where(eq(submissions.id, receivedSubmissionId));
    await refused(
      () =>
        db
          .update(submissions)
          .set({ status: 'ACCEPTED', decidedAt: AS_OF })
          .where(eq(submissions.id, receivedSubmissionId)),
      /SUBMISSION_IMMUTABLE/,
    );
  });

  it('a decided submission changes no more', async () => {
    await refused(
      () =>
        db
          .update(submissions)
          .set({ status: 'RETURNED', decidedAt: AS_OF })
          .where(eq(submissions.id, acceptedSubmissionId)),
      /SUBMISSION_IMMUTABLE/,
    );
  });

  it('a sent report’s row: none of its fields change and it is never deleted', async () => {
    const [before] = await db.select().from(reports).where(eq(reports.id, acceptedReportId));
    const changes: Record<string, Partial<typeof reports.$inferInsert>> = {
      mdssQepik: { mdssQepik: 1 },
      debtEndQepik: { debtEndQepik: 0 },
      personsCount: { personsCount: 1 },
      receiptNumber: { receiptNumber: 'HS-FORGED' },
      sentAt: { sentAt: new Date('2030-01-01T00:00:00Z') },
      debtStartQepik: { debtStartQepik: 0 },
      version: { version: 99 },
      confirmations: { confirmations: { forged: true } },
      employerId: { employerId: seedEmployer('kur').id },
      decidedAt: { decidedAt: new Date('2030-01-01T00:00:00Z') },
      updatedAt: { updatedAt: new Date('2030-01-01T00:00:00Z') },
    };
    for (const [column, change] of Object.entries(changes)) {
      await refused(
        () => db.update(reports).set(change).where(eq(reports.id, acceptedReportId)),
        /SENT_REPORT_IMMUTABLE/,
      ).catch((error: unknown) => {
        throw new Error(`${column}: ${String(error)}`);
      });
    }
    // Back to an editable state, or a step its life does not take.
    for (const status of ['DRAFT', 'RETURNED', 'SENT'] as const) {
      await refused(
        () => db.update(reports).set({ status }).where(eq(reports.id, acceptedReportId)),
        /SENT_REPORT_IMMUTABLE/,
      );
    }
    await refused(
      () => db.delete(reports).where(eq(reports.id, acceptedReportId)),
      /SENT_REPORT_IMMUTABLE/,
    );
    const [after] = await db.select().from(reports).where(eq(reports.id, acceptedReportId));
    expect(after).toEqual(before);
  });

  it('a sent report’s status moves only with its history: REPLACED without an entry is refused at commit', async () => {
    await refused(
      () =>
        db.transaction(async (tx) => {
          await tx
            .update(reports)
            .set({ status: 'REPLACED' })
            .where(eq(reports.id, acceptedReportId));
        }),
      /SENT_REPORT_UNRECORDED/,
    );
    const [still] = await db.select().from(reports).where(eq(reports.id, acceptedReportId));
    expect(still?.status).toBe('ACCEPTED');
    await db.transaction(async (tx) => {
      await tx.update(reports).set({ status: 'REPLACED' }).where(eq(reports.id, acceptedReportId));
      await tx.insert(reportStatusHistory).values({
        reportId: acceptedReportId,
        employerId: still!.employerId,
        status: 'REPLACED',
        actor: 'TEST',
        at: AS_OF,
      });
    });
    const [replaced] = await db.select().from(reports).where(eq(reports.id, acceptedReportId));
    expect(replaced?.status).toBe('REPLACED');
  });

  it('every append-only table refuses UPDATE, DELETE and TRUNCATE, whoever asks', async () => {
    for (const table of [
      'ledger_entries',
      'audit_log',
      'signed_documents',
      'person_account_entries',
      'report_status_history',
      'penalty_charges',
    ]) {
      const name = sql.raw(table);
      await refused(
        () => db.execute(sql`update ${name} set id = id where true`),
        /APPEND_ONLY/,
      ).catch((error: unknown) => {
        throw new Error(`${table} UPDATE: ${String(error)}`);
      });
      await refused(() => db.execute(sql`delete from ${name} where true`), /APPEND_ONLY/);
      await refused(() => db.execute(sql`truncate ${name} cascade`), /APPEND_ONLY/);
    }
  });
});
