import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerEntries, reports } from '@/db/schema';
import type { EmployerScope } from '@/lib/server/access';
import { addReportPayment } from '@/lib/server/reports/add-report-payment';
import { computePenalty } from '@/lib/server/reports/compute-penalty';
import { getReportFigures } from '@/lib/server/reports/figures/get-report-figures';
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
/** Xəzər's carried 62.01 debt: MDSS of December 2024 (seed), split 22 : 3, due 15.01.2025. */
const OPENING = { employer: 110_035, employee: 15_005, due: '2025-01-15' } as const;
const SIDES = { employer: 16_400, employee: 8_600 } as const;

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

  it('charges every overdue MDSS obligation of the code — the carried December 2024 debt too — up to the report date', async () => {
    const result = await computePenalty(database.db, xezer, { reportId }, REPORT_AT);
    expect(result.asOfDate).toBe('2025-11-14');
    const rows = (month: string) =>
      result.obligations
        .filter((o) => o.month === month)
        .map((o) => [o.side, o.dueDate, o.amountQepik, o.days, o.penaltyQepik]);
    const opening = daysAfter(OPENING.due, '2025-11-14');
    expect(opening).toBe(303);
    expect(rows('2024-12')).toEqual([
      ['EMPLOYER', OPENING.due, OPENING.employer, opening, penaltyFor(OPENING.employer, opening)],
      ['EMPLOYEE', OPENING.due, OPENING.employee, opening, penaltyFor(OPENING.employee, opening)],
    ]);
    const quarter = (Object.entries(DUE) as [keyof typeof DUE, string][]).flatMap(
      ([month, due]) => {
        const days = daysAfter(due, '2025-11-14');
        return [
          [month, 'EMPLOYER', days, penaltyFor(SIDES.employer, days)],
          [month, 'EMPLOYEE', days, penaltyFor(SIDES.employee, days)],
        ];
      },
    );
    expect(
      result.obligations
        .filter((o) => o.inQuarter)
        .map((o) => [o.month, o.side, o.days, o.penaltyQepik]),
    ).toEqual(quarter);
    // Each side rounded on its own: July 1 492 + 783, August 984 + 516, September 492 + 258.
    const quarterTotal = quarter.reduce((t, r) => t + (r[3] as number), 0);
    expect(quarterTotal).toBe(2_275 + 1_500 + 750);
    const total =
      penaltyFor(OPENING.employer, opening) + penaltyFor(OPENING.employee, opening) + quarterTotal;
    expect(result.totalQepik).toBe(total);
    const view = await getReport(database.db, xezer, reportId);
    expect(view.lines.find((l) => l.category === 'PENALTY')?.accruedQepik).toBe(total);
    expect(view.penaltyComputedAt?.toISOString()).toBe(REPORT_AT.toISOString());
  });

  it('applies a payment to its own side, this quarter oldest month first, and stops the penalty on the payment day', async () => {
    const paymentId = await insertPayment(database.db, {
      amountQepik: 25_000,
      paymentDate: '2025-09-12',
    });
    await addReportPayment(database.db, xezer, { reportId, paymentId }, REPORT_AT);
    const result = await computePenalty(database.db, xezer, { reportId }, REPORT_AT);
    // 121111 is the employer side: July's 164 ₼, then 86 ₼ of August's employer share.
    expect(result.allocations).toEqual([
      {
        paymentId,
        date: '2025-09-12',
        target: { category: 'MDSS', side: 'EMPLOYER', month: '2025-07' },
        amountQepik: SIDES.employer,
      },
      {
        paymentId,
        date: '2025-09-12',
        target: { category: 'MDSS', side: 'EMPLOYER', month: '2025-08' },
        amountQepik: 8_600,
      },
    ]);
    const employer = (month: string) =>
      result.obligations.find((o) => o.month === month && o.side === 'EMPLOYER')?.penaltyQepik;
    // July: overdue from 08-16 up to and including the payment day 09-12.
    expect(employer('2025-07')).toBe(
      penaltyFor(SIDES.employer, daysAfter(DUE['2025-07'], '2025-09-12')),
    );
    // August: paid in part before its due date, so only the rest is ever overdue.
    expect(employer('2025-08')).toBe(
      penaltyFor(SIDES.employer - 8_600, daysAfter(DUE['2025-08'], '2025-11-14')),
    );
    // The employee side owes the same as without the payment.
    const employee = result.obligations
      .filter((o) => o.inQuarter && o.side === 'EMPLOYEE')
      .map((o) => o.penaltyQepik);
    expect(employee).toEqual([783, 516, 258]);
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
    const view = await getReportFigures(database.db, xezer, { reportId }, REPORT_AT);
    expect(view.months.map((m) => [m.month, m.employerQepik, m.employeeQepik, m.persons])).toEqual([
      ['2025-07', 16_400, 8_600, 1],
      ['2025-08', 16_400, 8_600, 1],
      ['2025-09', 16_400, 8_600, 1],
    ]);
    // The figures carry the penalty as of the report date, computed now: the write-off of 10 ₼
    // dated 1 August settled the oldest MDSS (December 2024), so 105 days of 0,1 % on it go;
    // what "HESABLA" recorded before the write-off is out of date (issue 10 §4).
    const stored =
      (await getReport(database.db, xezer, reportId)).lines.find((l) => l.category === 'PENALTY')
        ?.accruedQepik ?? 0;
    const penalty = view.penalty.totalQepik;
    expect(penalty).toBe(stored - penaltyFor(1_000, daysAfter('2025-08-01', '2025-11-14')));
    expect(view.storedPenaltyQepik).toBe(stored);
    const accrued = 3 * MONTHLY_MDSS + penalty + 20_000 + 3_000 + 400;
    const paid = 25_000 + 1_000 + 400;
    // The payment's classification code is the employer's: F17 shows it on that side only.
    expect(view.balanceLines.slice(0, 2).map((l) => [l.category, l.paidQepik])).toEqual([
      ['MDSS_EMPLOYER', 25_000],
      ['MDSS_EMPLOYEE', 0],
    ]);
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
      (await getReportFigures(database.db, xezer, { reportId }, REPORT_AT)).balance.debtStartQepik,
    ).toBe(125_040);
  });
});
