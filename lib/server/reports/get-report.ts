import 'server-only';
import { asc, count, eq } from 'drizzle-orm';
import {
  EDITABLE_STATUSES,
  payments,
  REPORT_LINE_CATEGORIES,
  reportLines,
  reportMonths,
  reportNonLiableIncomes,
  reportPayments,
  reportPersons,
  reportSeniority,
  reportSignatories,
  type ReportLineCategory,
} from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { MonthKey } from '@/lib/domain';
import type { EmployerScope } from '../access';
import { ledgerBalanceBefore } from './report-ledger';
import {
  ofReport,
  quarterBounds,
  reportPeriod,
  type ReportChild,
  type ReportRow,
} from './report-draft';
import { loadReportContext } from './persons/report-context';

export type ReportView = Omit<ReportRow, 'stepState' | 'confirmations'> & {
  stepState: Record<string, string>;
  confirmations: Record<string, unknown>;
  months: { month: MonthKey; labourPaymentsQepik: number | null; headcount: number | null }[];
  nonLiableIncomes: { id: string; reasonCode: string; month: string; amountQepik: number }[];
  payments: {
    paymentId: string;
    usedQepik: number;
    paymentDate: string;
    paymentAmountQepik: number;
    bankReference: string;
    economicClassCode: string;
    activityCode: string | null;
  }[];
  paymentsUsedQepik: number;
  lines: { category: ReportLineCategory; accruedQepik: number; paidQepik: number }[];
  counts: { persons: number; seniority: number };
  seniority: (typeof reportSeniority.$inferSelect)[];
  signatories: (typeof reportSignatories.$inferSelect)[];
};

/**
 * The whole draft as the wizard pages show it (SPEC F4–F25), without the person list (which
 * pages separately, F20). Another employer's report id answers NOT_FOUND.
 */
export async function getReport(
  db: DbOrTx,
  scope: EmployerScope,
  reportId: string,
): Promise<ReportView> {
  const report = await loadReportContext(db, scope, reportId);
  const byReport = (t: ReportChild) => ofReport(t, report.id, scope);
  const monthRows = await db.select().from(reportMonths).where(byReport(reportMonths));
  const incomes = await db
    .select()
    .from(reportNonLiableIncomes)
    .where(byReport(reportNonLiableIncomes))
    .orderBy(asc(reportNonLiableIncomes.month), asc(reportNonLiableIncomes.id));
  const used = await db
    .select({
      paymentId: reportPayments.paymentId,
      usedQepik: reportPayments.amountQepik,
      paymentDate: payments.paymentDate,
      paymentAmountQepik: payments.amountQepik,
      bankReference: payments.bankReference,
      economicClassCode: payments.economicClassCode,
      activityCode: payments.activityCode,
    })
    .from(reportPayments)
    .innerJoin(payments, eq(payments.id, reportPayments.paymentId))
    .where(byReport(reportPayments))
    .orderBy(asc(payments.paymentDate), asc(payments.id));
  const lineRows = await db.select().from(reportLines).where(byReport(reportLines));
  const [persons] = await db
    .select({ n: count() })
    .from(reportPersons)
    .where(byReport(reportPersons));
  const seniority = await db
    .select()
    .from(reportSeniority)
    .where(byReport(reportSeniority))
    .orderBy(asc(reportSeniority.fin), asc(reportSeniority.id));
  const signatories = await db.select().from(reportSignatories).where(byReport(reportSignatories));

  const { months } = reportPeriod(report);
  // F4 as the ledger says now: an earlier quarter accepted since the draft was made counts
  // (issue 10 §4). Sent reports keep the figure they were sent with.
  const debtStartQepik = EDITABLE_STATUSES.has(report.status)
    ? await ledgerBalanceBefore(
        db,
        scope.employerId,
        report.activityCode,
        quarterBounds(report).from,
      )
    : report.debtStartQepik;
  return {
    ...report,
    debtStartQepik,
    stepState: (report.stepState ?? {}) as Record<string, string>,
    confirmations: (report.confirmations ?? {}) as Record<string, unknown>,
    months: months.map((month) => {
      const row = monthRows.find((r) => r.month === month);
      return {
        month,
        labourPaymentsQepik: row?.labourPaymentsQepik ?? null,
        headcount: row?.headcount ?? null,
      };
    }),
    nonLiableIncomes: incomes.map(({ id, reasonCode, month, amountQepik }) => ({
      id,
      reasonCode,
      month,
      amountQepik,
    })),
    payments: used,
    paymentsUsedQepik: used.reduce((sum, p) => sum + p.usedQepik, 0),
    lines: REPORT_LINE_CATEGORIES.map((category) => {
      const row = lineRows.find((l) => l.category === category);
      return { category, accruedQepik: row?.accruedQepik ?? 0, paidQepik: row?.paidQepik ?? 0 };
    }),
    counts: { persons: persons?.n ?? 0, seniority: seniority.length },
    seniority,
    signatories,
  };
}
