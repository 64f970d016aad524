import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ledgerEntries,
  payments,
  personAccountEntries,
  reportPayments,
  reportPersons,
  reports,
  reportStatusHistory,
  submissions,
} from '@/db/schema';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import { AppError } from '@/lib/server/errors';

import { ledgerBalanceThrough } from '@/lib/server/reports/report-ledger';
import { saveLabourPayments } from '@/lib/server/reports/save-labour-payments';
import { decideSubmission } from '@/lib/server/submissions/decide-submission';
import { retryAutomaticChecks } from '@/lib/server/submissions/retry-checks';
import { decidePendingSubmissions } from '@/lib/server/submissions/decide-pending';
import { completeReportSending, startReportSending } from '@/lib/server/submissions/send-report';
import { ensureDemoCertificates } from '../helpers/identity-fixtures';
import { directorScope, sendableReport, sendReport, signReport } from '../helpers/sending-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { loadReportContext } from '@/lib/server/reports/persons/report-context';
import { testBrowser } from '../helpers/test-browser';

const AS_OF = new Date('2025-10-15T10:00:00+04:00');

async function ledgerSum(db: TestDatabase['db'], submissionId: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${ledgerEntries.amountQepik}), 0)` })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.sourceId, submissionId));
  return Number(row?.total ?? 0);
}

describe('sending a report: signature, receipt, automatic checks, posting', () => {
  let database: TestDatabase;
  let db: TestDatabase['db'];
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    await seed(db);
    await ensureDemoCertificates(db);
  }, 60_000);
  afterAll(async () => database.close());

  it('refuses to start while blocking errors remain, listing them with their steps', async () => {
    const scope = await directorScope(db, 'xezer', AS_OF);
    const { createReport } = await import('@/lib/server/reports/create-report');
    const { reportId } = await createReport(
      db,
      scope,
      { reportType: 'INITIAL', activityCode: '47.41', year: 2025, quarter: 1 },
      AS_OF,
    );
    const started = await startReportSending(db, scope, {
      browser: testBrowser,
      reportId,
      method: 'ESIGN',
    });
    expect(started.ok).toBe(false);
    if (started.ok || !('messages' in started)) throw new Error('expected blocking errors');
    expect(started.code).toBe('REPORT_HAS_BLOCKING_ERRORS');
    expect(started.messages.map((m) => m.step)).toContain('F20');
    expect((await db.select().from(submissions)).length).toBe(0);
  });

  it('received then accepted; the closing debt equals the ledger balance at the period end; persons’ accounts hold the MDSS', async () => {
    const scope = await directorScope(db, 'xezer', AS_OF);
    const reportId = await sendableReport(db, scope, {
      employerKey: 'xezer',
      activityCode: '62.01',
      year: 2025,
      quarter: 3,
      asOf: AS_OF,
    });
    const sent = await sendReport(db, scope, reportId, AS_OF);
    if (!sent.ok) throw new Error(`send failed: ${sent.code}`);
    expect(sent.submission.status).toBe('ACCEPTED');
    expect(sent.submission.receiptNumber).toMatch(/^HS-2025-\d+$/);
    expect(sent.submission.late).toBe(false);
    const history = await db
      .select()
      .from(reportStatusHistory)
      .where(eq(reportStatusHistory.reportId, reportId))
      .orderBy(reportStatusHistory.id);
    expect(history.map((h) => h.status)).toEqual(['RECEIVED', 'ACCEPTED']);
    const [report] = await db.select().from(reports).where(eq(reports.id, reportId));
    expect(report!.status).toBe('ACCEPTED');
    const balance = await ledgerBalanceThrough(db, seedEmployer('xezer').id, '62.01', '2025-09');
    expect(balance).toBe(report!.debtEndQepik);
    // The fine the fund booked in September is part of both, not posted twice.
    const [persons] = await db
      .select({
        mdss: sql<string>`sum(${personAccountEntries.employerMdssQepik} + ${personAccountEntries.employeeMdssQepik})`,
        n: sql<string>`count(distinct ${personAccountEntries.fin})`,
      })
      .from(personAccountEntries)
      .where(eq(personAccountEntries.reportId, reportId));
    expect(Number(persons!.mdss)).toBe(report!.mdssQepik);
    expect(Number(persons!.n)).toBe(report!.personsCount);
    // The report is no longer editable.
    await expect(
      saveLabourPayments(
        db,
        scope,
        { reportId, months: [{ month: '2025-07', labourPaymentsQepik: 1 }] },
        AS_OF,
      ),
    ).rejects.toMatchObject({ code: 'REPORT_NOT_DRAFT' });
  });

  it('is idempotent: a retry and 50 concurrent completions create exactly one submission', async () => {
    const scope = await directorScope(db, 'xezer', AS_OF);
    const reportId = await sendableReport(db, scope, {
      employerKey: 'xezer',
      activityCode: '47.41',
      year: 2025,
      quarter: 3,
      asOf: AS_OF,
    });
    const signed = await signReport(db, scope, reportId);
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () =>
        completeReportSending(db, scope, { browser: testBrowser, reportId, ...signed }, AS_OF),
      ),
    );
    const receipts = new Set(outcomes.map((o) => (o.ok ? o.submission.receiptNumber : o.code)));
    expect([...receipts]).toHaveLength(1);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const again = await completeReportSending(
      db,
      scope,
      { browser: testBrowser, reportId, ...signed },
      AS_OF,
    );
    expect(again.ok && again.submission.receiptNumber).toBe([...receipts][0]);
    const rows = await db.select().from(submissions).where(eq(submissions.reportId, reportId));
    expect(rows).toHaveLength(1);
    const [ledger] = await db
      .select({ n: sql<string>`count(distinct ${ledgerEntries.sourceId})` })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.sourceType, 'REPORT'), eq(ledgerEntries.activityCode, '47.41')));
    expect(Number(ledger!.n)).toBe(1);
  });

  it('a report changed after signing is not received', async () => {
    const scope = await directorScope(db, 'kur', AS_OF);
    const reportId = await sendableReport(db, scope, {
      employerKey: 'kur',
      activityCode: '41.20',
      year: 2025,
      quarter: 1,
      asOf: AS_OF,
    });
    const signed = await signReport(db, scope, reportId);
    // Any change to what was signed (here a person's surname, e.g. edited in another tab).
    await db
      .update(reportPersons)
      .set({ surname: 'Dəyişdirilmiş' })
      .where(eq(reportPersons.reportId, reportId));
    await db
      .update(reports)
      .set({ version: sql`${reports.version} + 1` })
      .where(eq(reports.id, reportId));
    const outcome = await completeReportSending(
      db,
      scope,
      { browser: testBrowser, reportId, ...signed },
      AS_OF,
    );
    expect(outcome).toMatchObject({ ok: false, code: 'REPORT_CHANGED_SINCE_SIGNING' });
    expect(
      await db.select().from(submissions).where(eq(submissions.reportId, reportId)),
    ).toHaveLength(0);
    const [report] = await db.select().from(reports).where(eq(reports.id, reportId));
    expect(report!.status).toBe('DRAFT');
  });

  it('posting is all or nothing: a failure midway leaves the report Received with nothing posted; a retry accepts it', async () => {
    const scope = await directorScope(db, 'kur', AS_OF);
    const reportId = await sendableReport(db, scope, {
      employerKey: 'kur',
      activityCode: '41.20',
      year: 2025,
      quarter: 2,
      asOf: AS_OF,
    });
    // The database refuses the persons' rows, after the ledger rows were written in the same transaction.
    // DDL is the owner's (the app's role may not create functions or triggers).
    await database.owner.execute(
      sql`create function test_refuse() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`,
    );
    await database.owner.execute(
      sql`create trigger test_refuse before insert on person_account_entries for each row execute function test_refuse()`,
    );
    await expect(sendReport(db, scope, reportId, AS_OF)).rejects.toThrow();
    const [submission] = await db
      .select()
      .from(submissions)
      .where(eq(submissions.reportId, reportId));
    expect(submission!.status).toBe('RECEIVED');
    expect(await ledgerSum(db, submission!.id)).toBe(0);
    expect(
      await db
        .select()
        .from(personAccountEntries)
        .where(eq(personAccountEntries.reportId, reportId)),
    ).toHaveLength(0);
    // A second report stuck the same way (another employer), for the start-up sweep.
    const xezer = await directorScope(db, 'xezer', AS_OF);
    const stuck = await sendableReport(db, xezer, {
      employerKey: 'xezer',
      activityCode: '62.01',
      year: 2025,
      quarter: 1,
      asOf: AS_OF,
    });
    await expect(sendReport(db, xezer, stuck, AS_OF)).rejects.toThrow();
    await database.owner.execute(sql`drop trigger test_refuse on person_account_entries`);
    // Not yet due for the start-up sweep (received less than its grace period ago).
    expect(await decidePendingSubmissions(db, { asOf: submission!.receivedAt })).toBe(0);
    // Another employer cannot trigger the retry; the owner's retry accepts the report.
    await expect(retryAutomaticChecks(db, xezer, { reportId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await retryAutomaticChecks(db, scope, { reportId }, AS_OF))?.status).toBe('ACCEPTED');
    // The next server start decides the other one; after that, sweeps leave everything alone.
    const later = new Date(submission!.receivedAt.getTime() + 5 * 60_000);
    expect(await decidePendingSubmissions(db, { asOf: later })).toBe(1);
    const [swept] = await db.select().from(reports).where(eq(reports.id, stuck));
    expect(swept!.status).toBe('ACCEPTED');
    expect(await decidePendingSubmissions(db, { asOf: later })).toBe(0);
    expect((await decideSubmission(db, { submissionId: submission!.id, asOf: AS_OF })).status).toBe(
      'ALREADY_DECIDED',
    );
    const [report] = await db.select().from(reports).where(eq(reports.id, reportId));
    expect(await ledgerBalanceThrough(db, seedEmployer('kur').id, '41.20', '2025-06')).toBe(
      report!.debtEndQepik,
    );
  });

  it('a payment used beyond what was paid (the fund corrected the amount meanwhile) returns the report', async () => {
    const scope = await directorScope(db, 'xezer', AS_OF);
    const reportId = await sendableReport(db, scope, {
      employerKey: 'xezer',
      activityCode: '47.41',
      year: 2025,
      quarter: 2,
      asOf: AS_OF,
    });
    const [used] = await db
      .select()
      .from(reportPayments)
      .where(eq(reportPayments.reportId, reportId))
      .limit(1);
    const signed = await signReport(db, scope, reportId);
    await db.update(payments).set({ amountQepik: 1 }).where(eq(payments.id, used!.paymentId));
    const outcome = await completeReportSending(
      db,
      scope,
      { browser: testBrowser, reportId, ...signed },
      AS_OF,
    );
    if (!outcome.ok) throw new Error(outcome.code);
    expect(outcome.submission.status).toBe('RETURNED');
    expect(outcome.submission.returnReasons.map((r) => [r.code, r.step])).toContainEqual([
      'PAYMENT_OVERUSED',
      'F6',
    ]);
    const [report] = await db.select().from(reports).where(eq(reports.id, reportId));
    expect(report!.status).toBe('RETURNED');
    expect(await ledgerSum(db, outcome.submission.submissionId)).toBe(0);
  });

  it('another employer’s report id answers NOT_FOUND and sends nothing', async () => {
    const kur = await directorScope(db, 'kur', AS_OF);
    const [xezerReport] = await db
      .select({ id: reports.id })
      .from(reports)
      .where(eq(reports.employerId, seedEmployer('xezer').id));
    await expect(
      startReportSending(db, kur, {
        browser: testBrowser,
        reportId: xezerReport!.id,
        method: 'ESIGN',
      }),
    ).rejects.toBeInstanceOf(AppError);
    await expect(loadReportContext(db, kur, xezerReport!.id)).rejects.toBeInstanceOf(AppError);
  });
});
