import 'server-only';
import { count } from 'drizzle-orm';
import {
  reportMonths,
  reportNonLiableIncomes,
  reportPayments,
  reportPersons,
  reportSeniority,
  reportSignatories,
} from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { DraftSummary } from '@/lib/report-wizard/steps';
import type { EmployerScope } from '../access';
import { ofReport, reportPeriod } from './report-draft';
import { loadReportContext } from './persons/report-context';

/**
 * What the step registry needs of a draft (ARCHITECTURE.md §4): saved steps, counts, months
 * filled, persons per month, signatories. Counts only — cheap for a 30 000-person report.
 */
export async function getDraftSummary(
  db: DbOrTx,
  scope: EmployerScope,
  reportId: string,
): Promise<DraftSummary> {
  const report = await loadReportContext(db, scope, reportId);
  const countOf = async (
    table: typeof reportPayments | typeof reportNonLiableIncomes | typeof reportSeniority,
  ) => {
    const [row] = await db
      .select({ n: count() })
      .from(table)
      .where(ofReport(table, report.id, scope));
    return row?.n ?? 0;
  };
  const monthRows = await db
    .select()
    .from(reportMonths)
    .where(ofReport(reportMonths, report.id, scope));
  const [persons] = await db
    .select({
      n: count(),
      // count(column) skips nulls: a null income means not employed that month.
      m1: count(reportPersons.incomeM1Qepik),
      m2: count(reportPersons.incomeM2Qepik),
      m3: count(reportPersons.incomeM3Qepik),
    })
    .from(reportPersons)
    .where(ofReport(reportPersons, report.id, scope));
  const roles = await db
    .select({ role: reportSignatories.role })
    .from(reportSignatories)
    .where(ofReport(reportSignatories, report.id, scope));
  const { months } = reportPeriod(report);
  const headcounts = months.map((m) => monthRows.find((r) => r.month === m)?.headcount ?? null);
  const labour = months.map(
    (m) => monthRows.find((r) => r.month === m)?.labourPaymentsQepik ?? null,
  );
  return {
    reportType: report.reportType,
    status: report.status,
    savedSteps: Object.keys((report.stepState ?? {}) as Record<string, unknown>),
    paymentCount: await countOf(reportPayments),
    nonLiableIncomeCount: await countOf(reportNonLiableIncomes),
    labourPaymentMonths: labour.filter((v) => v !== null).length,
    headcountMonths: headcounts.filter((v) => v !== null).length,
    headcounts,
    personsPerMonth: [persons?.m1 ?? 0, persons?.m2 ?? 0, persons?.m3 ?? 0],
    personCount: persons?.n ?? 0,
    seniorityCount: await countOf(reportSeniority),
    hasResponsibleSignatory: roles.some((r) => r.role === 'RESPONSIBLE'),
    hasChiefAccountantSignatory: roles.some((r) => r.role === 'CHIEF_ACCOUNTANT'),
    penaltyComputedAt: report.penaltyComputedAt?.toISOString() ?? null,
    distributedAt: report.distributedAt?.toISOString() ?? null,
    readyAt: report.readyAt?.toISOString() ?? null,
  };
}
