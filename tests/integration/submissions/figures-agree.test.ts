import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  economicClassCodes,
  ledgerEntries,
  payments,
  personAccountEntries,
  reportPayments,
  reports,
  submissions,
} from '@/db/schema';
import { seed } from '@/db/seed';
import { demoIdentity } from '@/db/seed/demo-identities';
import { addReportPerson } from '@/lib/server/reports/persons/add-report-person';
import { computePenalty } from '@/lib/server/reports/compute-penalty';
import { createReport } from '@/lib/server/reports/create-report';
import { getReportFigures } from '@/lib/server/reports/figures/get-report-figures';
import { getReport } from '@/lib/server/reports/get-report';
import { getReportReview } from '@/lib/server/reports/review/get-report-review';
import { getReceipt } from '@/lib/server/submissions/receipt/get-receipt';
import { receiptSections } from '@/lib/server/submissions/receipt/receipt-rows';
import type { ReportDocument } from '@/lib/server/submissions/report-document-types';
import { formatAmount } from '@/lib/domain';
import { ensureDemoCertificates } from '../helpers/identity-fixtures';
import { directorScope, sendableReport, sendReport } from '../helpers/sending-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const AS_OF = new Date('2025-04-15T10:00:00+04:00');

describe('one set of figures (issue 10 §2–§4)', () => {
  let database: TestDatabase;
  let db: TestDatabase['db'];
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    await seed(db);
    await ensureDemoCertificates(db);
  }, 60_000);
  afterAll(async () => database.close());

  it('F17, the signed document, the posting, persons’ accounts and the receipt split the payments by their classification code, to the qəpik', async () => {
    const scope = await directorScope(db, 'xezer', AS_OF);
    const reportId = await sendableReport(db, scope, {
      employerKey: 'xezer',
      activityCode: '62.01',
      year: 2025,
      quarter: 1,
      asOf: AS_OF,
    });
    // The payments the draft uses, by the side of their classification code.
    const used = await db
      .select({ side: economicClassCodes.side, amount: reportPayments.amountQepik })
      .from(reportPayments)
      .innerJoin(payments, eq(payments.id, reportPayments.paymentId))
      .innerJoin(economicClassCodes, eq(economicClassCodes.code, payments.economicClassCode))
      .where(eq(reportPayments.reportId, reportId));
    const bySide = (side: string) =>
      used.filter((u) => u.side === side).reduce((t, u) => t + u.amount, 0);
    const employer = bySide('EMPLOYER');
    const employee = bySide('EMPLOYEE');
    expect(employer).toBeGreaterThan(0);
    expect(employee).toBeGreaterThan(0);

    const figures = await getReportFigures(db, scope, { reportId });
    expect(figures.balanceLines.slice(0, 2).map((l) => [l.category, l.paidQepik])).toEqual([
      ['MDSS_EMPLOYER', employer],
      ['MDSS_EMPLOYEE', employee],
    ]);
    const review = await getReportReview(db, scope, { reportId });
    expect(review.application).toEqual(figures.application);

    const sent = await sendReport(db, scope, reportId, AS_OF);
    if (!sent.ok) throw new Error(`not sent: ${sent.code}`);
    expect(sent.submission.status).toBe('ACCEPTED');
    const [row] = await db
      .select({ id: submissions.id, json: submissions.documentJson })
      .from(submissions)
      .where(eq(submissions.reportId, reportId));
    const document = JSON.parse(row!.json) as ReportDocument;
    expect(document.schema).toBe('hesabat.report/2');
    const a = document.application!;
    expect([a.paidEmployerQepik, a.paidEmployeeQepik]).toEqual([employer, employee]);
    expect(document.payments.every((p) => p.side === 'EMPLOYER' || p.side === 'EMPLOYEE')).toBe(
      true,
    );

    // Posting: each payment entry settles its own side's MDSS (or a non-MDSS debt).
    const posted = await db
      .select({
        side: economicClassCodes.side,
        target: ledgerEntries.target,
        obligationSide: ledgerEntries.obligationSide,
        amount: ledgerEntries.amountQepik,
      })
      .from(ledgerEntries)
      .innerJoin(payments, eq(payments.id, ledgerEntries.paymentId))
      .innerJoin(economicClassCodes, eq(economicClassCodes.code, payments.economicClassCode))
      .where(eq(ledgerEntries.sourceId, row!.id));
    const postedBySide = (side: string) =>
      -posted.filter((p) => p.side === side).reduce((t, p) => t + p.amount, 0);
    expect([postedBySide('EMPLOYER'), postedBySide('EMPLOYEE')]).toEqual([employer, employee]);
    for (const p of posted) if (p.target === 'MDSS') expect(p.obligationSide).toBe(p.side);

    // Persons' accounts hold what was applied to this quarter, per side.
    const [persons] = await db
      .select({
        employer: sql<string>`sum(${personAccountEntries.paidEmployerQepik})`,
        employee: sql<string>`sum(${personAccountEntries.paidEmployeeQepik})`,
      })
      .from(personAccountEntries)
      .where(eq(personAccountEntries.submissionId, row!.id));
    expect([Number(persons!.employer), Number(persons!.employee)]).toEqual([
      a.toQuarterMdssEmployerQepik,
      a.toQuarterMdssEmployeeQepik,
    ]);

    // The receipt carries the same application and prints both sides.
    const receipt = await getReceipt(db, scope, { submissionId: row!.id });
    expect(receipt.application).toEqual(a);
    const text = receiptSections(receipt, 'az')
      .flatMap((s) => s.rows)
      .map((r) => `${r.label}: ${r.value}`)
      .join('\n');
    expect(text).toContain(formatAmount(employer, 'az'));
    expect(text).toContain(formatAmount(employee, 'az'));
    expect(text).toContain(formatAmount(a.toQuarterMdssEmployeeQepik, 'az'));
  });

  it('never shows a figure older than its inputs: F4 follows the ledger, the penalty follows the persons (issue 10 §4)', async () => {
    const scope = await directorScope(db, 'xezer', AS_OF);
    const at = new Date('2025-07-25T10:00:00+04:00');
    const { reportId } = await createReport(
      db,
      scope,
      { reportType: 'INITIAL', activityCode: '62.01', year: 2025, quarter: 2 },
      at,
    );
    // Q1 was accepted above: Q2's F4 is Q1's closing debt, read when shown.
    const [q1] = await db
      .select({ debtEnd: reports.debtEndQepik })
      .from(reports)
      .where(
        and(eq(reports.activityCode, '62.01'), eq(reports.year, 2025), eq(reports.quarter, 1)),
      );
    expect((await getReport(db, scope, reportId)).debtStartQepik).toBe(q1!.debtEnd);

    // "HESABLA" before any person: only the carried debt accrues.
    const before = await computePenalty(db, scope, { reportId }, at);
    expect(before.obligations.every((o) => !o.inQuarter)).toBe(true);
    const fin = demoIdentity('free-person').fin;
    await addReportPerson(
      db,
      scope,
      { reportId, fin, incomesQepik: [200_000, 200_000, 200_000] },
      at,
    );
    const figures = await getReportFigures(db, scope, { reportId }, at);
    // The person's April and May MDSS are overdue by 25 July: today's penalty is higher, and
    // the check page says the recorded one is out of date.
    expect(figures.penalty.totalQepik).toBeGreaterThan(before.totalQepik);
    expect(figures.storedPenaltyQepik).toBe(before.totalQepik);
    const review = await getReportReview(db, scope, { reportId });
    expect(review.messages.map((m) => m.code)).toContain('PENALTY_OUT_OF_DATE');
  });
});
