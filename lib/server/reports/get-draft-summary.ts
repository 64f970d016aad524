import 'server-only';
import type { DbOrTx } from '@/db/types';
import type { DraftSummary } from '@/lib/report-wizard/steps';
import type { EmployerScope } from '../access';
import { getReport, type ReportView } from './get-report';

/**
 * What the step registry needs of a draft (ARCHITECTURE.md §4), from the draft as the wizard
 * loaded it: saved steps, counts, months filled, persons per month, signatories. The person
 * counts are the row's (kept by draft-change.ts), so nothing here counts report_persons.
 */
export function draftSummaryOf(report: ReportView): DraftSummary {
  const headcounts = report.months.map((m) => m.headcount);
  return {
    reportType: report.reportType,
    status: report.status,
    savedSteps: Object.keys(report.stepState),
    paymentCount: report.payments.length,
    nonLiableIncomeCount: report.nonLiableIncomes.length,
    labourPaymentMonths: report.months.filter((m) => m.labourPaymentsQepik !== null).length,
    headcountMonths: headcounts.filter((v) => v !== null).length,
    headcounts,
    personsPerMonth: [report.draftPersonsM1, report.draftPersonsM2, report.draftPersonsM3],
    personCount: report.draftPersons,
    seniorityCount: report.seniority.length,
    hasResponsibleSignatory: report.signatories.some((r) => r.role === 'RESPONSIBLE'),
    hasChiefAccountantSignatory: report.signatories.some((r) => r.role === 'CHIEF_ACCOUNTANT'),
    penaltyComputedAt: report.penaltyComputedAt?.toISOString() ?? null,
    distributedAt: report.distributedAt?.toISOString() ?? null,
    readyAt: report.readyAt?.toISOString() ?? null,
  };
}

/** The summary of one of the scope's drafts; another employer's id answers NOT_FOUND. */
export async function getDraftSummary(
  db: DbOrTx,
  scope: EmployerScope,
  reportId: string,
): Promise<DraftSummary> {
  return draftSummaryOf(await getReport(db, scope, reportId));
}
