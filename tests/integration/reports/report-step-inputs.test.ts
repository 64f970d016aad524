import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, ledgerEntries, reports } from '@/db/schema';
import type { EmployerScope } from '@/lib/server/access';
import { addNonLiableIncome } from '@/lib/server/reports/add-non-liable-income';
import { createReport } from '@/lib/server/reports/create-report';
import { deleteNonLiableIncome } from '@/lib/server/reports/delete-non-liable-income';
import { getDraftSummary } from '@/lib/server/reports/get-draft-summary';
import { getReport } from '@/lib/server/reports/get-report';
import { saveHeadcount } from '@/lib/server/reports/save-headcount';
import { saveLabourPayments } from '@/lib/server/reports/save-labour-payments';
import { saveReportLines } from '@/lib/server/reports/save-report-lines';
import { updateNonLiableIncome } from '@/lib/server/reports/update-non-liable-income';
import { toUserErrors } from '@/lib/server/user-error';
import { stepStatus } from '@/lib/report-wizard/steps';
import type { TestDatabase } from '../helpers/test-database';
import { AS_OF, expectRefusal, scopeOf, seededDatabase, XEZER } from './report-fixtures';
import { AppError } from '@/lib/server/errors';

describe('F7, F8, F13–F16, F18 inputs', () => {
  let database: TestDatabase;
  let xezer: EmployerScope;
  let reportId: string;
  let reasonCode: string;

  beforeAll(async () => {
    database = await seededDatabase();
    xezer = await scopeOf(database.db, 'xezer');
    ({ reportId } = await createReport(
      database.db,
      xezer,
      { reportType: 'INITIAL', year: 2025, quarter: 3, activityCode: '62.01' },
      AS_OF,
    ));
    const reasons = await database.db.query.nonLiableIncomeReasons.findMany();
    reasonCode = reasons[0]!.code;
  });
  afterAll(async () => {
    await database?.close();
  });

  it('F7 saves labour payments per month, partial saves allowed, and bumps the version', async () => {
    const first = await saveLabourPayments(
      database.db,
      xezer,
      { reportId, months: [{ month: '2025-07', labourPaymentsQepik: 300_000 }] },
      AS_OF,
    );
    expect(stepStatus(await getDraftSummary(database.db, xezer, reportId), 'F7')).toBe(
      'in-progress',
    );
    const second = await saveLabourPayments(
      database.db,
      xezer,
      {
        reportId,
        months: [
          { month: '2025-08', labourPaymentsQepik: 300_000 },
          { month: '2025-09', labourPaymentsQepik: 0 },
        ],
      },
      AS_OF,
    );
    expect(second.version).toBe(first.version + 1);
    const view = await getReport(database.db, xezer, reportId);
    expect(view.months.map((m) => m.labourPaymentsQepik)).toEqual([300_000, 300_000, 0]);
    expect(view.stepState.F7).toBe(AS_OF.toISOString());
    expect(stepStatus(await getDraftSummary(database.db, xezer, reportId), 'F7')).toBe('complete');
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'REPORT_UPDATED'));
    expect(audits.some((a) => (a.details as { step: string }).step === 'F7')).toBe(true);
  });

  it('F7 refuses months outside the quarter and bad amounts, saving nothing', async () => {
    const save = (month: string, labourPaymentsQepik: number) =>
      saveLabourPayments(
        database.db,
        xezer,
        {
          reportId,
          months: [
            { month: '2025-07', labourPaymentsQepik: 1 },
            { month, labourPaymentsQepik },
          ],
        },
        AS_OF,
      );
    const outside = await expectRefusal(save('2025-10', 100), 'MONTH_OUTSIDE_QUARTER');
    expect(outside.field).toBe('labourPayments.2025-10');
    await expectRefusal(save('2025-08', -1), 'AMOUNT_INVALID');
    await expectRefusal(save('2025-08', 1.5), 'AMOUNT_INVALID');
    // Past the bound of one figure (issue 10 §5), however it got here.
    await expectRefusal(save('2025-08', Number.MAX_SAFE_INTEGER + 2), 'AMOUNT_TOO_LARGE');
    const view = await getReport(database.db, xezer, reportId);
    expect(view.months[0]?.labourPaymentsQepik).toBe(300_000);
  });

  it('F8 adds, edits and deletes non-liable income with its checks', async () => {
    const { id } = await addNonLiableIncome(
      database.db,
      xezer,
      { reportId, reasonCode, month: '2025-08', amountQepik: 50_000 },
      AS_OF,
    );
    await updateNonLiableIncome(
      database.db,
      xezer,
      { reportId, incomeId: id, reasonCode, month: '2025-09', amountQepik: 60_000 },
      AS_OF,
    );
    let view = await getReport(database.db, xezer, reportId);
    expect(view.nonLiableIncomes).toEqual([
      { id, reasonCode, month: '2025-09', amountQepik: 60_000 },
    ]);
    const add = (over: Partial<{ reasonCode: string; month: string; amountQepik: number }>) =>
      addNonLiableIncome(
        database.db,
        xezer,
        { reportId, reasonCode, month: '2025-08', amountQepik: 1, ...over },
        AS_OF,
      );
    await expectRefusal(add({ month: '2025-06' }), 'MONTH_OUTSIDE_QUARTER');
    await expectRefusal(add({ month: 'August' }), 'MONTH_OUTSIDE_QUARTER');
    await expectRefusal(add({ reasonCode: 'NO_SUCH_REASON' }), 'REASON_UNKNOWN');
    await expectRefusal(add({ amountQepik: 0 }), 'AMOUNT_NOT_POSITIVE');
    await deleteNonLiableIncome(database.db, xezer, { reportId, incomeId: id }, AS_OF);
    view = await getReport(database.db, xezer, reportId);
    expect(view.nonLiableIncomes).toEqual([]);
    await expectRefusal(
      deleteNonLiableIncome(database.db, xezer, { reportId, incomeId: id }, AS_OF),
      'NOT_FOUND',
    );
  });

  it('F8 refuses every wrong field at once, in the form’s order, and saves nothing', async () => {
    const error = await expectRefusal(
      addNonLiableIncome(
        database.db,
        xezer,
        { reportId, reasonCode: 'NO_SUCH_REASON', month: '2025-06', amountQepik: 0 },
        AS_OF,
      ),
      'REASON_UNKNOWN',
    );
    expect(error).toBeInstanceOf(AppError);
    const fields = (error as AppError).fieldErrors.map((e) => [e.field, e.code]);
    expect(fields).toEqual([
      ['reasonCode', 'REASON_UNKNOWN'],
      ['month', 'MONTH_OUTSIDE_QUARTER'],
      ['amount', 'AMOUNT_NOT_POSITIVE'],
    ]);
    expect(toUserErrors(error, 'az').map((e) => e.field)).toEqual([
      'reasonCode',
      'month',
      'amount',
    ]);
    // One wrong field is the plain refusal it always was.
    const single = await expectRefusal(
      addNonLiableIncome(
        database.db,
        xezer,
        { reportId, reasonCode, month: '2025-06', amountQepik: 1 },
        AS_OF,
      ),
      'MONTH_OUTSIDE_QUARTER',
    );
    // One wrong field is one refusal, with no list of others.
    expect(single.fieldErrors).toEqual([]);
    expect((await getReport(database.db, xezer, reportId)).nonLiableIncomes).toEqual([]);
  });

  it('F18 saves the headcount per month', async () => {
    await saveHeadcount(
      database.db,
      xezer,
      {
        reportId,
        months: [
          { month: '2025-07', headcount: 3 },
          { month: '2025-08', headcount: 3 },
          { month: '2025-09', headcount: 2 },
        ],
      },
      AS_OF,
    );
    const summary = await getDraftSummary(database.db, xezer, reportId);
    expect(summary.headcounts).toEqual([3, 3, 2]);
    expect(stepStatus(summary, 'F18')).toBe('complete');
    await expectRefusal(
      saveHeadcount(
        database.db,
        xezer,
        { reportId, months: [{ month: '2025-07', headcount: -1 }] },
        AS_OF,
      ),
      'HEADCOUNT_INVALID',
    );
    await expectRefusal(
      saveHeadcount(
        database.db,
        xezer,
        { reportId, months: [{ month: '2025-12', headcount: 1 }] },
        AS_OF,
      ),
      'MONTH_OUTSIDE_QUARTER',
    );
  });

  it('F13–F16 save accrued and paid; F15’s accrued comes from the fund’s ledger', async () => {
    await database.db.insert(ledgerEntries).values({
      employerId: XEZER,
      activityCode: '62.01',
      entryDate: '2025-08-20',
      kind: 'OTHER_ACCRUAL',
      amountQepik: 12_345,
      createdBy: 'TEST',
    });
    await saveReportLines(
      database.db,
      xezer,
      { reportId, step: 'F13', accruedQepik: 1_000, paidQepik: 500 },
      AS_OF,
    );
    await saveReportLines(
      database.db,
      xezer,
      { reportId, step: 'F15', accruedQepik: 999_999, paidQepik: 2_000 },
      AS_OF,
    );
    await saveReportLines(
      database.db,
      xezer,
      { reportId, step: 'F16', accruedQepik: 700, paidQepik: 0 },
      AS_OF,
    );
    const view = await getReport(database.db, xezer, reportId);
    const line = (c: string) => view.lines.find((l) => l.category === c);
    expect(line('SANATORIUM')).toMatchObject({ accruedQepik: 1_000, paidQepik: 500 });
    expect(line('FUND_FOUND')).toMatchObject({ accruedQepik: 12_345, paidQepik: 2_000 });
    expect(line('OTHER')).toMatchObject({ accruedQepik: 700, paidQepik: 0 });
    expect(line('INJURY_REFUND')).toMatchObject({ accruedQepik: 0, paidQepik: 0 });
    await expectRefusal(
      saveReportLines(
        database.db,
        xezer,
        { reportId, step: 'F14', accruedQepik: -5, paidQepik: 0 },
        AS_OF,
      ),
      'AMOUNT_INVALID',
    );
    await expectRefusal(
      saveReportLines(
        database.db,
        xezer,
        { reportId, step: 'F11', accruedQepik: 5, paidQepik: 0 },
        AS_OF,
      ),
      'STEP_UNKNOWN',
    );
  });

  it('refuses every change once the report is not a draft', async () => {
    const { reportId: sent } = await createReport(
      database.db,
      xezer,
      { reportType: 'INITIAL', year: 2025, quarter: 2, activityCode: '62.01' },
      AS_OF,
    );
    await database.db.update(reports).set({ status: 'SENT' }).where(eq(reports.id, sent));
    const month = '2025-04';
    await expectRefusal(
      saveLabourPayments(
        database.db,
        xezer,
        { reportId: sent, months: [{ month, labourPaymentsQepik: 1 }] },
        AS_OF,
      ),
      'REPORT_NOT_DRAFT',
    );
    await expectRefusal(
      saveHeadcount(
        database.db,
        xezer,
        { reportId: sent, months: [{ month, headcount: 1 }] },
        AS_OF,
      ),
      'REPORT_NOT_DRAFT',
    );
    await expectRefusal(
      addNonLiableIncome(
        database.db,
        xezer,
        { reportId: sent, reasonCode, month, amountQepik: 1 },
        AS_OF,
      ),
      'REPORT_NOT_DRAFT',
    );
    await expectRefusal(
      saveReportLines(
        database.db,
        xezer,
        { reportId: sent, step: 'F16', accruedQepik: 1, paidQepik: 0 },
        AS_OF,
      ),
      'REPORT_NOT_DRAFT',
    );
  });
});
