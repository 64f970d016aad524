import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, reportMonths, reports } from '@/db/schema';
import { buildLedger } from '@/db/seed/finance';
import type { EmployerScope } from '@/lib/server/access';
import { createReport } from '@/lib/server/reports/create-report';
import { getDraftSummary } from '@/lib/server/reports/get-draft-summary';
import { getReport } from '@/lib/server/reports/get-report';
import { markStepSeen } from '@/lib/server/reports/mark-step-seen';
import type { TestDatabase } from '../helpers/test-database';
import { AS_OF, expectRefusal, scopeOf, seededDatabase, XEZER } from './report-fixtures';
import { errorMessage } from '@/lib/server/error-messages';

/** F4 computed independently from the seed's ledger rows. */
function seedDebtBefore(activityCode: string, date: string): number {
  return buildLedger()
    .filter((e) => e.employerId === XEZER && e.activityCode === activityCode && e.entryDate < date)
    .reduce((sum, e) => sum + e.amountQepik, 0);
}

describe('createReport / getReport (F1–F4)', () => {
  let database: TestDatabase;
  let xezer: EmployerScope;

  beforeAll(async () => {
    database = await seededDatabase();
    xezer = await scopeOf(database.db, 'xezer');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('creates a draft with the quarter’s months, F4 from the ledger and an audit entry', async () => {
    const input = { reportType: 'INITIAL', year: 2025, quarter: 4, activityCode: '62.01' };
    const { reportId } = await createReport(database.db, xezer, input, AS_OF);
    const view = await getReport(database.db, xezer, reportId);
    expect(view).toMatchObject({
      status: 'DRAFT',
      reportType: 'INITIAL',
      year: 2025,
      quarter: 4,
      version: 1,
    });
    expect(view.months.map((m) => m.month)).toEqual(['2025-10', '2025-11', '2025-12']);
    // Opening balance 2025-01-01 and the fine of 2025-09-10 are both before Q4.
    expect(view.debtStartQepik).toBe(seedDebtBefore('62.01', '2025-10-01'));
    expect(view.debtStartQepik).toBe(125_040 + 20_000);
    expect(view.lines.map((l) => l.category)).toEqual([
      'PENALTY',
      'SANCTIONS_FINES',
      'SANATORIUM',
      'INJURY_REFUND',
      'FUND_FOUND',
      'OTHER',
    ]);
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'REPORT_CREATED'), eq(auditLog.employerId, XEZER)));
    expect(audits.map((a) => (a.details as { reportId: string }).reportId)).toContain(reportId);
  });

  it('F4 excludes ledger entries dated inside the quarter', async () => {
    const { reportId } = await createReport(
      database.db,
      xezer,
      { reportType: 'INITIAL', year: 2025, quarter: 3, activityCode: '62.01' },
      AS_OF,
    );
    const view = await getReport(database.db, xezer, reportId);
    expect(view.debtStartQepik).toBe(seedDebtBefore('62.01', '2025-07-01'));
    expect(view.debtStartQepik).toBe(125_040);
  });

  it('refuses a second İlkin for the same key, naming the first', async () => {
    const input = { reportType: 'INITIAL', year: 2025, quarter: 2, activityCode: '47.41' };
    const { reportId } = await createReport(database.db, xezer, input, AS_OF);
    const error = await expectRefusal(
      createReport(database.db, xezer, input, AS_OF),
      'REPORT_EXISTS',
    );
    expect(error.params).toEqual({ reportId });
    // Another activity code of the same quarter is its own report.
    await createReport(database.db, xezer, { ...input, activityCode: '62.01' }, AS_OF);
  });

  it('lets the unique index decide two concurrent creations', async () => {
    const input = { reportType: 'INITIAL', year: 2025, quarter: 1, activityCode: '47.41' };
    const results = await Promise.allSettled([
      createReport(database.db, xezer, input, AS_OF),
      createReport(database.db, xezer, input, AS_OF),
    ]);
    const created = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const reason = (refused[0] as PromiseRejectedResult).reason as {
      code: string;
      params: { reportId: string };
    };
    expect(reason.code).toBe('REPORT_EXISTS');
    expect(reason.params.reportId).toBe(
      (created[0] as PromiseFulfilledResult<{ reportId: string }>).value.reportId,
    );
  });

  it('refuses an unregistered activity code, a future quarter, a bad period and corrective reports', async () => {
    const base = { reportType: 'INITIAL', year: 2025, quarter: 3, activityCode: '41.20' };
    await expectRefusal(
      createReport(database.db, xezer, base, AS_OF),
      'ACTIVITY_CODE_NOT_REGISTERED',
    );
    await expectRefusal(
      createReport(database.db, xezer, { ...base, activityCode: 'nope' }, AS_OF),
      'ACTIVITY_CODE_NOT_REGISTERED',
    );
    await expectRefusal(
      createReport(
        database.db,
        xezer,
        { ...base, activityCode: '47.41', year: 2027, quarter: 1 },
        AS_OF,
      ),
      'PERIOD_IN_FUTURE',
    );
    await expectRefusal(
      createReport(database.db, xezer, { ...base, activityCode: '47.41', quarter: 5 }, AS_OF),
      'PERIOD_INVALID',
    );
    await expectRefusal(
      createReport(database.db, xezer, { ...base, activityCode: '47.41', year: 2018 }, AS_OF),
      'PERIOD_INVALID',
    );
    await expectRefusal(
      createReport(
        database.db,
        xezer,
        { ...base, activityCode: '47.41', reportType: 'CORRECTIVE' },
        AS_OF,
      ),
      'CORRECTIVE_NEEDS_ACCEPTED',
    );
    await expectRefusal(
      createReport(database.db, xezer, { ...base, reportType: 'X' }, AS_OF),
      'REPORT_TYPE_UNKNOWN',
    );
  });

  it('refuses an initial report for a quarter that has not ended (its last day included), at the quarter field', async () => {
    const current = { reportType: 'INITIAL', year: 2026, quarter: 4, activityCode: '62.01' };
    const refused = await expectRefusal(
      createReport(database.db, xezer, current, AS_OF),
      'PERIOD_NOT_ENDED',
    );
    expect(refused.field).toBe('quarter');
    expect(errorMessage('PERIOD_NOT_ENDED', {}, 'az')).toContain('başa çatmış rüb');
    expect(errorMessage('PERIOD_NOT_ENDED', {}, 'en')).toContain('quarter that has ended');
    // 30 September 2026 is still 2026 Q3 (Baku); the next day it has ended.
    const q3 = { ...current, quarter: 3, activityCode: '47.41' };
    await expectRefusal(
      createReport(database.db, xezer, q3, new Date('2026-09-30T19:59:00Z')),
      'PERIOD_NOT_ENDED',
    );
    const { reportId } = await createReport(
      database.db,
      xezer,
      q3,
      new Date('2026-09-30T20:00:00Z'),
    );
    const rows = await database.db
      .select()
      .from(reportMonths)
      .where(eq(reportMonths.reportId, reportId));
    expect(rows.map((r) => r.month).sort()).toEqual(['2026-07', '2026-08', '2026-09']);
    const drafts = await database.db
      .select()
      .from(reports)
      .where(and(eq(reports.employerId, XEZER), eq(reports.year, 2026), eq(reports.quarter, 4)));
    expect(drafts).toEqual([]);
  });

  it('summarises the draft for the step registry and records "DAVAM ET"', async () => {
    const { reportId } = await createReport(
      database.db,
      xezer,
      { reportType: 'INITIAL', year: 2026, quarter: 1, activityCode: '62.01' },
      AS_OF,
    );
    const before = await getDraftSummary(database.db, xezer, reportId);
    expect(before).toMatchObject({
      savedSteps: [],
      paymentCount: 0,
      personCount: 0,
      headcounts: [null, null, null],
    });
    const { version } = await markStepSeen(database.db, xezer, { reportId, step: 'F4' }, AS_OF);
    expect(version).toBe(2);
    const after = await getDraftSummary(database.db, xezer, reportId);
    expect(after.savedSteps).toEqual(['F4']);
    await expectRefusal(
      markStepSeen(database.db, xezer, { reportId, step: 'F7' }, AS_OF),
      'STEP_NOT_SEEN_ON_CONTINUE',
    );
    await expectRefusal(
      markStepSeen(database.db, xezer, { reportId, step: 'F99' }, AS_OF),
      'STEP_UNKNOWN',
    );
    // A stale form (version 1) is refused.
    await expectRefusal(
      markStepSeen(database.db, xezer, { reportId, step: 'F5', version: 1 }, AS_OF),
      'CONFLICT',
    );
    const [row] = await database.db.select().from(reports).where(eq(reports.id, reportId));
    expect(row?.updatedAt.toISOString()).toBe(AS_OF.toISOString());
  });
});
