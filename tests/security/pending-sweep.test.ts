import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ledgerEntries, personAccountEntries, reports, submissions } from '@/db/schema';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import { ledgerBalanceThrough } from '@/lib/server/reports/report-ledger';
import { sweepPendingSubmissions } from '@/lib/server/submissions/sweep-pending';
import { useAsAppDatabase } from '../integration/helpers/action-harness';
import { ensureDemoCertificates } from '../integration/helpers/identity-fixtures';
import { directorScope, sendableReport, sendReport } from '../integration/helpers/sending-fixtures';
import { createTestDatabase, type TestDatabase } from '../integration/helpers/test-database';

// Issue 12 §11: a submission a crash left Received is decided by the minute sweep (any instance,
// one at a time under an advisory lock) or the cron route, once.
const AS_OF = new Date('2025-10-15T10:00:00+04:00');
const SECONDS = 1_000;

describe('the sweep of submissions left Received', () => {
  let database: TestDatabase;
  let db: TestDatabase['db'];
  const savedSecret = process.env.CRON_SECRET;

  /**
   * A report sent while the database refuses the persons' rows, as a crash midway through
   * posting: its submission stays Received with nothing posted.
   */
  async function stuckSubmission(activityCode: string, quarter: number) {
    const scope = await directorScope(db, 'xezer', AS_OF);
    const reportId = await sendableReport(db, scope, {
      employerKey: 'xezer',
      activityCode,
      year: 2025,
      quarter,
      asOf: AS_OF,
    });
    await database.owner.execute(
      sql`create trigger sweep_test_refuse before insert on person_account_entries for each row execute function sweep_test_refuse()`,
    );
    try {
      await expect(sendReport(db, scope, reportId, AS_OF)).rejects.toThrow();
    } finally {
      await database.owner.execute(sql`drop trigger sweep_test_refuse on person_account_entries`);
    }
    const [submission] = await db
      .select()
      .from(submissions)
      .where(eq(submissions.reportId, reportId));
    expect(submission?.status).toBe('RECEIVED');
    return { reportId, submission: submission! };
  }

  const counts = async (submissionId: string) => {
    const [ledger] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.sourceId, submissionId));
    const [persons] = await db
      .select({
        n: sql<number>`count(*)::int`,
        distinct: sql<number>`count(distinct (${personAccountEntries.fin}, ${personAccountEntries.month}))::int`,
      })
      .from(personAccountEntries)
      .where(eq(personAccountEntries.submissionId, submissionId));
    return { ledger: Number(ledger?.n), persons: Number(persons?.n), distinct: persons?.distinct };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    await seed(db);
    await ensureDemoCertificates(db);
    await database.owner.execute(
      sql`create function sweep_test_refuse() returns trigger language plpgsql as $$ begin raise exception 'crash'; end $$`,
    );
    useAsAppDatabase(database);
  }, 120_000);
  afterEach(() => {
    if (savedSecret === undefined) delete process.env.CRON_SECRET;
    else process.env.CRON_SECRET = savedSecret;
  });
  afterAll(async () => database?.close());

  it('decides a submission stuck over 60 s once, even when two sweeps run at once', async () => {
    const { reportId, submission } = await stuckSubmission('62.01', 3);
    expect(await counts(submission.id)).toMatchObject({ ledger: 0, persons: 0 });
    // Within the grace period the request that sent it may still be deciding it.
    const early = new Date(submission.receivedAt.getTime() + 30 * SECONDS);
    expect(await sweepPendingSubmissions(db, { asOf: early })).toEqual({ ran: true, decided: 0 });

    const later = new Date(submission.receivedAt.getTime() + 2 * 60 * SECONDS);
    const outcomes = await Promise.all([
      sweepPendingSubmissions(db, { asOf: later }),
      sweepPendingSubmissions(db, { asOf: later }),
    ]);
    expect(outcomes.reduce((n, o) => n + o.decided, 0)).toBe(1);
    const [report] = await db.select().from(reports).where(eq(reports.id, reportId));
    expect(report?.status).toBe('ACCEPTED');
    const posted = await counts(submission.id);
    expect(posted.ledger).toBeGreaterThan(0);
    expect(posted.persons).toBe(posted.distinct);
    expect(posted.persons).toBeGreaterThan(0);
    // Posted once: the closing debt is the ledger's balance, and later sweeps change nothing.
    expect(await ledgerBalanceThrough(db, seedEmployer('xezer').id, '62.01', '2025-09')).toBe(
      report!.debtEndQepik,
    );
    expect(await sweepPendingSubmissions(db, { asOf: later })).toEqual({ ran: true, decided: 0 });
    expect(await counts(submission.id)).toEqual(posted);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'on PostgreSQL a sweep while another instance holds the lock returns at once, touching nothing',
    async () => {
      const { submission } = await stuckSubmission('47.41', 3);
      const later = new Date(submission.receivedAt.getTime() + 2 * 60 * SECONDS);
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked = () => {};
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      // "Another instance": a transaction on its own connection holding the sweep's lock.
      const other = database.owner.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(7284113002)`);
        locked();
        await held;
      });
      await isLocked;
      expect(await sweepPendingSubmissions(db, { asOf: later })).toEqual({
        ran: false,
        decided: 0,
      });
      release();
      await other;
      const [still] = await db.select().from(submissions).where(eq(submissions.id, submission.id));
      expect(still?.status).toBe('RECEIVED');
      expect(await sweepPendingSubmissions(db, { asOf: later })).toEqual({ ran: true, decided: 1 });
    },
  );

  it('the cron route is absent without CRON_SECRET, refuses a wrong one, and answers what it decided', async () => {
    const route = await import('@/app/api/cron/decide-pending/route');
    const call = (method: 'GET' | 'POST', authorization?: string) =>
      route[method](
        new Request('http://localhost/api/cron/decide-pending', {
          method,
          headers: authorization ? { authorization } : {},
        }),
      );
    delete process.env.CRON_SECRET;
    expect((await call('GET', 'Bearer anything')).status).toBe(404);
    process.env.CRON_SECRET = 'cron-secret-for-tests';
    expect((await call('GET')).status).toBe(401);
    expect((await call('POST', 'Bearer wrong')).status).toBe(401);
    expect((await call('GET', 'cron-secret-for-tests')).status).toBe(401);
    const { reportId, submission } = await stuckSubmission('62.01', 2);
    // Refused calls decided nothing.
    const [before] = await db.select().from(submissions).where(eq(submissions.id, submission.id));
    expect(before?.status).toBe('RECEIVED');
    // The route decides with the real clock: the stuck submission (received in 2025) is overdue.
    const answered = await call('POST', 'Bearer cron-secret-for-tests');
    expect(answered.status).toBe(200);
    expect(await answered.json()).toEqual({ ran: true, decided: 1 });
    const [report] = await db
      .select({ status: reports.status })
      .from(reports)
      .where(and(eq(reports.id, reportId)));
    expect(report?.status).not.toBe('SENT');
    const again = await call('GET', 'Bearer cron-secret-for-tests');
    expect(await again.json()).toEqual({ ran: true, decided: 0 });
  });
});
