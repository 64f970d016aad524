import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerEntries, reports } from '@/db/schema';
import type { EmployerScope } from '@/lib/server/access';
import { addReportPayment } from '@/lib/server/reports/add-report-payment';
import { computePenalty } from '@/lib/server/reports/compute-penalty';
import { computeReportBalance } from '@/lib/server/reports/compute-report-balance';
import { createReport } from '@/lib/server/reports/create-report';
import { getReport } from '@/lib/server/reports/get-report';
import { getSanctions } from '@/lib/server/reports/get-sanctions';
import { markStepSeen } from '@/lib/server/reports/mark-step-seen';
import { saveReportLines } from '@/lib/server/reports/save-report-lines';
import type { TestDatabase } from '../helpers/test-database';
import {
  expectRefusal,
  insertPayment,
  insertPerson,
  scopeOf,
  seededDatabase,
  XEZER,
} from './report-fixtures';

// 2025-11-14 12:00 in Baku: the report date of these tests.
const REPORT_AT = new Date('2025-11-14T08:00:00Z');
/** 1 000 AZN in 2025, non-oil non-state: 86.00 employee + 164.00 employer (DOMAIN.md §2). */
const MONTHLY_MDSS = 8_600 + 16_400;
/** The 15th of the next month; in 2025 none of these falls on a weekend or holiday. */
const DUE = { '2025-07': '2025-08-15', '2025-08': '2025-09-15', '2025-09': '2025-10-15' } as const;

/** Days from the day after `due` up to and including `until` — the 0.1 %/day rule by hand. */
function daysAfter(due: string, until: string): number {
  return (Date.parse(until) - Date.parse(due)) / 86_400_000;
}
const penaltyFor = (overdueQepik: number, days: number) => Math.round((overdueQepik * days) / 1000);

describe('F11 penalty, F12 sanctions, F10/F17 balance', () => {
  let database: TestDatabase;
  let xezer: EmployerScope;
  let reportId: string;

  beforeAll(async () => {
    database = await seededDatabase();
    xezer = await scopeOf(database.db, 'xezer');
    ({ reportId } = await createReport(
      database.db,
      xezer,
      { reportType: 'INITIAL', year: 2025, quarter: 3, activityCode: '62.01' },
      REPORT_AT,
    ));
    await insertPerson(database.db, reportId, 'AAAAAA1', [100_000, 100_000, 100_000]);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('computes the penalty on each month’s MDSS up to the report date, no payments', async () => {
    const result = await computePenalty(database.db, xezer, { reportId }, REPORT_AT);
    expect(result.asOfDate).toBe('2025-11-14');
    expect(result.obligations.map((o) => [o.month, o.dueDate, o.amountQepik])).toEqual([
      ['2025-07', DUE['2025-07'], MONTHLY_MDSS],
      ['2025-08', DUE['2025-08'], MONTHLY_MDSS],
      ['2025-09', DUE['2025-09'], MONTHLY_MDSS],
    ]);
    const expected = Object.values(DUE).map((due) =>
      penaltyFor(MONTHLY_MDSS, daysAfter(due, '2025-11-14')),
    );
    expect(expected).toEqual([2_275, 1_500, 750]);
    expect(result.penalty.obligations.map((o) => o.penaltyQepik)).toEqual(expected);
    expect(result.penalty.obligations.map((o) => o.days)).toEqual([91, 60, 30]);
    expect(result.totalQepik).toBe(4_525);
    const view = await getReport(database.db, xezer, reportId);
    expect(view.lines.find((l) => l.category === 'PENALTY')?.accruedQepik).toBe(4_525);
    expect(view.penaltyComputedAt?.toISOString()).toBe(REPORT_AT.toISOString());
  });

  it('applies added payments oldest month first and stops the penalty on the payment day', async () => {
    const paymentId = await insertPayment(database.db, {
      amountQepik: MONTHLY_MDSS,
      paymentDate: '2025-09-12',
    });
    await addReportPayment(database.db, xezer, { reportId, paymentId }, REPORT_AT);
    const result = await computePenalty(database.db, xezer, { reportId }, REPORT_AT);
    expect(result.allocations).toEqual([
      { paymentId, date: '2025-09-12', month: '2025-07', amountQepik: MONTHLY_MDSS },
    ]);
    // July: overdue from 08-16 up to and including the payment day 09-12.
    const july = penaltyFor(MONTHLY_MDSS, daysAfter(DUE['2025-07'], '2025-09-12'));
    expect(july).toBe(700);
    expect(result.totalQepik).toBe(july + 1_500 + 750);
  });

  it('shows the quarter’s fines and stores them on "DAVAM ET"', async () => {
    const sanctions = await getSanctions(database.db, xezer, { reportId });
    expect(sanctions.entries.map((e) => [e.entryDate, e.kind, e.amountQepik])).toEqual([
      ['2025-09-10', 'FINE', 20_000],
    ]);
    expect(sanctions.totalQepik).toBe(20_000);
    await markStepSeen(database.db, xezer, { reportId, step: 'F12' }, REPORT_AT);
    const view = await getReport(database.db, xezer, reportId);
    expect(view.lines.find((l) => l.category === 'SANCTIONS_FINES')?.accruedQepik).toBe(20_000);
  });

  it('derives the end debt: start + accrued − paid − write-offs', async () => {
    await database.db.insert(ledgerEntries).values({
      employerId: XEZER,
      activityCode: '62.01',
      entryDate: '2025-08-01',
      kind: 'WRITE_OFF',
      amountQepik: -1_000,
      createdBy: 'TEST',
    });
    await saveReportLines(
      database.db,
      xezer,
      { reportId, step: 'F13', accruedQepik: 3_000, paidQepik: 1_000 },
      REPORT_AT,
    );
    await saveReportLines(
      database.db,
      xezer,
      { reportId, step: 'F16', accruedQepik: 400, paidQepik: 400 },
      REPORT_AT,
    );
    const view = await computeReportBalance(database.db, xezer, { reportId });
    expect(
      view.contributions.map((m) => [m.month, m.employerQepik, m.employeeQepik, m.persons]),
    ).toEqual([
      ['2025-07', 16_400, 8_600, 1],
      ['2025-08', 16_400, 8_600, 1],
      ['2025-09', 16_400, 8_600, 1],
    ]);
    const accrued = 3 * MONTHLY_MDSS + 2_950 + 20_000 + 3_000 + 400;
    const paid = MONTHLY_MDSS + 1_000 + 400;
    expect(view.balance).toEqual({
      debtStartQepik: 125_040,
      accruedQepik: accrued,
      paidQepik: paid,
      writeOffsQepik: 1_000,
      debtEndQepik: 125_040 + accrued - paid - 1_000,
    });
  });

  it('refuses "HESABLA" on a report that is no longer a draft', async () => {
    await database.db.update(reports).set({ status: 'SENT' }).where(eq(reports.id, reportId));
    await expectRefusal(
      computePenalty(database.db, xezer, { reportId }, REPORT_AT),
      'REPORT_NOT_DRAFT',
    );
    // Read-only views still answer.
    expect(
      (await computeReportBalance(database.db, xezer, { reportId })).balance.debtStartQepik,
    ).toBe(125_040);
  });
});
