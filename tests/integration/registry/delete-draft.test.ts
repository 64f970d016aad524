import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, reportMonths, reportPayments, reports } from '@/db/schema';
import type { EmployerScope } from '@/lib/server/access';
import { addReportPayment } from '@/lib/server/reports/add-report-payment';
import { deleteDraft } from '@/lib/server/reports/registry/delete-draft';
import { insertDraftReport, reportsScope } from '../helpers/report-fixtures';
import type { TestDatabase } from '../helpers/test-database';
import { AS_OF, expectRefusal, insertPayment, seededDatabase } from '../reports/report-fixtures';
import { insertSubmission, markSent, sampleDocument } from './registry-fixtures';

describe('deleteDraft (SPEC G1 "Sil")', () => {
  let database: TestDatabase;
  let xezer: EmployerScope;
  let kur: EmployerScope;
  beforeAll(async () => {
    database = await seededDatabase();
    xezer = await reportsScope(database.db, 'xezer', 'xezer-director');
    kur = await reportsScope(database.db, 'kur', 'kur-director');
  });
  afterAll(async () => database?.close());

  const exists = async (id: string) =>
    (await database.db.select({ id: reports.id }).from(reports).where(eq(reports.id, id)))
      .length === 1;

  it('deletes a draft with its children, releases the payments it used, and audits', async () => {
    const db = database.db;
    const draft = await insertDraftReport(db, { year: 2025, quarter: 3, activityCode: '62.01' });
    const other = await insertDraftReport(db, { year: 2025, quarter: 3, activityCode: '47.41' });
    const paymentId = await insertPayment(db, { amountQepik: 10_000, paymentDate: '2025-09-12' });
    await addReportPayment(db, xezer, { reportId: draft, paymentId, amountQepik: 10_000 }, AS_OF);
    const usedBy = async () =>
      (await db.select().from(reportPayments).where(eq(reportPayments.paymentId, paymentId))).map(
        (r) => r.reportId,
      );
    expect(await usedBy()).toContain(draft);

    await deleteDraft(db, xezer, { reportId: draft });

    expect(await exists(draft)).toBe(false);
    expect(await db.select().from(reportMonths).where(eq(reportMonths.reportId, draft))).toEqual(
      [],
    );
    expect(
      await db.select().from(reportPayments).where(eq(reportPayments.reportId, draft)),
    ).toEqual([]);
    // No report holds the payment any more: its whole amount is free for other reports.
    expect(await usedBy()).not.toContain(draft);
    expect(await exists(other)).toBe(true);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'REPORT_DELETED'), eq(auditLog.employerId, xezer.employerId)));
    expect(audit).toMatchObject({ outcome: 'SUCCESS', actorFin: xezer.fin });
    expect(audit?.details).toMatchObject({
      reportId: draft,
      releasedPayments: 1,
      releasedQepik: 10_000,
    });
  });

  it('refuses a report that is not a draft (REPORT_NOT_DRAFT) and keeps it', async () => {
    const db = database.db;
    const sent = await insertDraftReport(db, { year: 2025, quarter: 2, activityCode: '62.01' });
    await markSent(db, sent, { receiptNumber: 'D-1' });
    await expectRefusal(deleteDraft(db, xezer, { reportId: sent }), 'REPORT_NOT_DRAFT');
    expect(await exists(sent)).toBe(true);
    // A draft that has a submission behind it (e.g. mid-sending) is evidence too.
    const withSubmission = await insertDraftReport(db, {
      year: 2025,
      quarter: 1,
      activityCode: '62.01',
    });
    await insertSubmission(db, withSubmission, {
      receiptNumber: 'D-2',
      receivedAt: new Date('2025-04-10T10:00:00Z'),
      document: sampleDocument(withSubmission, []),
    });
    await expectRefusal(deleteDraft(db, xezer, { reportId: withSubmission }), 'REPORT_NOT_DRAFT');
    expect(await exists(withSubmission)).toBe(true);
  });

  it("answers NOT_FOUND for another employer's draft and for a malformed id, deleting nothing", async () => {
    const db = database.db;
    const mine = await insertDraftReport(db, { year: 2024, quarter: 4, activityCode: '62.01' });
    await expectRefusal(deleteDraft(db, kur, { reportId: mine }), 'NOT_FOUND');
    await expectRefusal(deleteDraft(db, kur, { reportId: 'not-a-uuid' }), 'NOT_FOUND');
    expect(await exists(mine)).toBe(true);
  });
});
