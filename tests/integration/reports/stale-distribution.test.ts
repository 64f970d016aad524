import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports } from '@/db/schema';
import type { EmployerScope } from '@/lib/server/access';
import { createReport } from '@/lib/server/reports/create-report';
import { distributeReport } from '@/lib/server/reports/distribution/distribute-report';
import { markStepSeen } from '@/lib/server/reports/mark-step-seen';
import { saveHeadcount } from '@/lib/server/reports/save-headcount';
import { saveLabourPayments } from '@/lib/server/reports/save-labour-payments';
import type { TestDatabase } from '../helpers/test-database';
import { AS_OF, insertPerson, scopeOf, seededDatabase } from './report-fixtures';

// A distribution or a "ready" mark must never vouch for figures that changed after it.
describe('changes after distributing', () => {
  let database: TestDatabase;
  let xezer: EmployerScope;
  let reportId: string;
  const state = async () => {
    const [row] = await database.db
      .select({ distributedAt: reports.distributedAt, readyAt: reports.readyAt })
      .from(reports)
      .where(eq(reports.id, reportId));
    return row!;
  };

  beforeAll(async () => {
    database = await seededDatabase();
    xezer = await scopeOf(database.db, 'xezer');
    ({ reportId } = await createReport(
      database.db,
      xezer,
      { reportType: 'INITIAL', year: 2025, quarter: 3, activityCode: '62.01' },
      AS_OF,
    ));
    await insertPerson(database.db, reportId, 'TST0001', [100_000, 100_000, 100_000]);
  });
  afterAll(async () => database?.close());

  it('passing a read-only step keeps the distribution; new labour payments withdraw it', async () => {
    await distributeReport(database.db, xezer, { reportId }, AS_OF);
    expect((await state()).distributedAt).not.toBeNull();
    await markStepSeen(database.db, xezer, { reportId, step: 'F9' }, AS_OF);
    expect((await state()).distributedAt).not.toBeNull();
    await saveLabourPayments(
      database.db,
      xezer,
      { reportId, months: [{ month: '2025-07', labourPaymentsQepik: 100_000 }] },
      AS_OF,
    );
    expect((await state()).distributedAt).toBeNull();
  });

  it('a headcount change keeps the distribution but is not "ready" any more', async () => {
    await distributeReport(database.db, xezer, { reportId }, AS_OF);
    await database.db.update(reports).set({ readyAt: AS_OF }).where(eq(reports.id, reportId));
    await saveHeadcount(
      database.db,
      xezer,
      { reportId, months: [{ month: '2025-07', headcount: 1 }] },
      AS_OF,
    );
    const after = await state();
    expect(after.distributedAt).not.toBeNull();
    expect(after.readyAt).toBeNull();
  });
});
