import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports } from '@/db/schema';
import type { EmployerScope } from '@/lib/server/access';
import { createReport } from '@/lib/server/reports/create-report';
import { findDefaultReportPeriods } from '@/lib/server/reports/find-default-report-periods';
import type { TestDatabase } from '../helpers/test-database';
import { AS_OF, scopeOf, seededDatabase, XEZER } from './report-fixtures';

type Status = (typeof reports.$inferSelect)['status'];

describe('"Yeni Hesabat" starts on the earliest quarter not filed (SPEC F2, issue 10)', () => {
  let database: TestDatabase;
  let xezer: EmployerScope;
  let kur: EmployerScope;

  /** An initial report of Xəzər (or Kür) in the given status, made as a person makes it. */
  const filed = async (
    scope: EmployerScope,
    activityCode: string,
    year: number,
    quarter: number,
    status: Status,
  ) => {
    const { reportId } = await createReport(
      database.db,
      scope,
      { reportType: 'INITIAL', year, quarter, activityCode },
      AS_OF,
    );
    await database.db.update(reports).set({ status }).where(eq(reports.id, reportId));
  };

  beforeAll(async () => {
    database = await seededDatabase();
    xezer = await scopeOf(database.db, 'xezer');
    kur = await scopeOf(database.db, 'kur');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('with nothing filed: the quarter of the employer’s first data (the opening balance of 2025-01-01)', async () => {
    const periods = await findDefaultReportPeriods(database.db, xezer, AS_OF);
    expect(periods.byActivityCode).toEqual({
      '47.41': { year: 2025, quarter: 1 },
      '62.01': { year: 2025, quarter: 1 },
    });
    expect(periods.earliestYear).toBe(2025);
  });

  it('per activity code; drafts and returned reports are not filed, sent, accepted and replaced ones are', async () => {
    await filed(xezer, '62.01', 2025, 1, 'ACCEPTED');
    await filed(xezer, '62.01', 2025, 2, 'REPLACED');
    await filed(xezer, '62.01', 2025, 3, 'SENT');
    await filed(xezer, '62.01', 2025, 4, 'RETURNED');
    await filed(xezer, '62.01', 2026, 1, 'ACCEPTED');
    await filed(xezer, '47.41', 2025, 1, 'DRAFT');
    // Another employer's filings change nothing for Xəzər.
    await filed(kur, '41.20', 2025, 4, 'ACCEPTED');
    const periods = await findDefaultReportPeriods(database.db, xezer, AS_OF);
    expect(periods.byActivityCode).toEqual({
      '47.41': { year: 2025, quarter: 1 },
      '62.01': { year: 2025, quarter: 4 },
    });
  });

  it('every ended quarter filed: the latest ended one, never the quarter still running', async () => {
    await database.db
      .update(reports)
      .set({ status: 'ACCEPTED' })
      .where(
        and(
          eq(reports.employerId, XEZER),
          eq(reports.activityCode, '62.01'),
          inArray(reports.status, ['RETURNED']),
        ),
      );
    await filed(xezer, '62.01', 2026, 2, 'ACCEPTED');
    let periods = await findDefaultReportPeriods(database.db, xezer, AS_OF);
    expect(periods.byActivityCode['62.01']).toEqual({ year: 2026, quarter: 3 });
    await filed(xezer, '62.01', 2026, 3, 'ACCEPTED');
    // 25 November 2026: 2026 Q4 is running, so the latest ended quarter stays the default.
    periods = await findDefaultReportPeriods(database.db, xezer, AS_OF);
    expect(periods.byActivityCode['62.01']).toEqual({ year: 2026, quarter: 3 });
    // After the year ends, 2026 Q4 is next.
    periods = await findDefaultReportPeriods(database.db, xezer, new Date('2027-01-05T08:00:00Z'));
    expect(periods.byActivityCode['62.01']).toEqual({ year: 2026, quarter: 4 });
  });

  it('another employer: its own codes and data only', async () => {
    const periods = await findDefaultReportPeriods(database.db, kur, AS_OF);
    expect(Object.keys(periods.byActivityCode)).not.toContain('62.01');
    expect(periods.byActivityCode['41.20']).toEqual({ year: 2025, quarter: 1 });
  });
});
