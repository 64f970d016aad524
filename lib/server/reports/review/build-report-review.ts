import 'server-only';
import { and, eq } from 'drizzle-orm';
import { activityCodes, reportSignatories, reports } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import {
  checkHeadcount,
  distributedToPersonsQepik,
  notToPersonsQepik,
  findDuplicateFins,
  reconciliationResults,
  type PaymentApplication,
  type ReportBalance,
  type ValidationResult,
} from '@/lib/domain';
import { withWarningTexts, type MonthFigures } from '../distribution/distribution-warnings';
import { loadReportFigures, type LoadedFigures } from '../figures/load-report-figures';
import { findOverBoundAmounts } from '../find-over-bound-amounts';
import type { ReportContext } from '../persons/report-context';
import { readConfirmations } from './confirmations';
import { toReviewMessage, type ReviewMessage } from './review-messages';

export type ReportReview = {
  reportId: string;
  status: ReportContext['status'];
  period: { year: number; quarter: number; months: string[] };
  activity: { code: string; nameAz: string; nameEn: string; sector: string };
  /** F4 as the ledger says now. */
  debtStartQepik: number;
  paymentsUsedQepik: number;
  /** Write-offs the fund booked in the quarter (DOMAIN.md §6). */
  writeOffsQepik: number;
  months: MonthFigures[];
  lines: { category: string; accruedQepik: number; paidQepik: number }[];
  balance: ReportBalance;
  /** How the payments (and any credit carried in) were applied (issue 10 §3). */
  application: PaymentApplication;
  /** The penalty's calculation date (today, or a corrective report's original date). */
  penaltyThrough: string;
  persons: number;
  /** Applied to this quarter's MDSS: what the insured persons receive (F19, F22). */
  distributedQepik: number;
  /** Paid but not for this quarter's persons: older debt, penalty, fines, other, overpayment. */
  undistributedQepik: number;
  signatories: {
    role: string;
    fin: string;
    surname: string;
    name: string;
    patronymic: string;
    documentType: string;
  }[];
  distributedAt: Date | null;
  readyAt: Date | null;
  messages: ReviewMessage[];
  blockingCount: number;
  unconfirmedWarningCount: number;
  /** The figures behind it all, for the document. */
  figures: LoadedFigures;
};

const blocking = (code: string, step: string, month?: string): ValidationResult => ({
  severity: 'blocking',
  code,
  step,
  ...(month === undefined ? {} : { month }),
  params: month === undefined ? {} : { month: { kind: 'month', month } },
});

/**
 * Every section of a report summarised with every blocking error and warning (issue 5 §7,
 * DOMAIN.md §6). Every figure comes from loadReportFigures (lib/domain's one computation, on
 * the ledger as it stands), so the page never shows a figure older than its inputs; a warning
 * counts as confirmed only while its difference is the one the reason was given for.
 */
export async function buildReportReview(
  db: DbOrTx,
  report: ReportContext,
  options: { asOf?: Date } = {},
): Promise<ReportReview> {
  const [figures, [activity], [row], signatories] = await Promise.all([
    loadReportFigures(db, report, options),
    db.select().from(activityCodes).where(eq(activityCodes.code, report.activityCode)),
    db
      .select({ computedAt: reports.penaltyComputedAt })
      .from(reports)
      .where(and(eq(reports.id, report.id), eq(reports.employerId, report.employerId))),
    db
      .select()
      .from(reportSignatories)
      .where(
        and(
          eq(reportSignatories.reportId, report.id),
          eq(reportSignatories.employerId, report.employerId),
        ),
      ),
  ]);
  const input = { persons: figures.persons };
  const warnings = withWarningTexts(figures.warnings);
  // Amounts stored before the bound existed block sending (issue 10 §5).
  const results: ValidationResult[] = await findOverBoundAmounts(db, report);
  if (input.persons.length === 0) results.push(blocking('PERSONS_MISSING', 'F20'));
  for (const m of figures.months) {
    if (m.labourPaymentsQepik === null)
      results.push(blocking('LABOUR_PAYMENTS_MISSING', 'F7', m.month));
    if (m.headcount === null) results.push(blocking('HEADCOUNT_MISSING', 'F18', m.month));
  }
  const headcountByMonth = Object.fromEntries(
    figures.months.filter((m) => m.headcount !== null).map((m) => [m.month, m.headcount as number]),
  );
  const headcountChecked = checkHeadcount({
    months: report.months,
    headcountByMonth,
    persons: figures.persons.map((p) => ({
      fin: p.fin,
      incomeQepikByMonth: Object.fromEntries(
        [p.m1, p.m2, p.m3].flatMap((v, i) => (v === null ? [] : [[report.months[i], v]])),
      ),
    })),
  });
  results.push(
    ...headcountChecked.filter(
      (r) => r.month === undefined || headcountByMonth[r.month] !== undefined,
    ),
  );
  results.push(...findDuplicateFins(input.persons));
  for (const role of ['RESPONSIBLE', 'CHIEF_ACCOUNTANT'] as const) {
    if (!signatories.some((s) => s.role === role))
      results.push(blocking(`SIGNATORY_MISSING_${role}`, 'F25'));
  }
  if (report.distributedAt === null && input.persons.length > 0)
    results.push(blocking('NOT_DISTRIBUTED', 'F22'));
  const stored = row?.computedAt ? figures.storedPenaltyQepik : null;
  if (stored !== null && stored !== figures.penalty.totalQepik) {
    // HESABLA recorded another figure: the page shows today's, and says the record is old.
    results.push({
      severity: 'info',
      code: 'PENALTY_OUT_OF_DATE',
      step: 'F11',
      params: {
        storedQepik: { kind: 'money', qepik: stored },
        currentQepik: { kind: 'money', qepik: figures.penalty.totalQepik },
      },
    });
  }

  const confirmations = readConfirmations(report.confirmations);
  const warningMessages = reconciliationResults(warnings).map((result, i): ReviewMessage => {
    const w = warnings[i]!;
    const stored = confirmations[w.key];
    const valid = stored !== undefined && stored.differenceQepik === w.differenceQepik;
    return {
      ...toReviewMessage(result),
      key: w.key,
      confirmation: valid
        ? {
            reason: stored.reason,
            confirmedAt: stored.confirmedAt,
            confirmedByFin: stored.confirmedByFin,
          }
        : null,
    };
  });
  const messages = [...results.map(toReviewMessage), ...warningMessages];
  const distributedQepik = distributedToPersonsQepik(figures.application);
  return {
    reportId: report.id,
    status: report.status,
    period: { year: report.year, quarter: report.quarter, months: report.months },
    activity: {
      code: report.activityCode,
      nameAz: activity?.nameAz ?? '',
      nameEn: activity?.nameEn ?? '',
      sector: report.sector,
    },
    debtStartQepik: figures.debtStartQepik,
    paymentsUsedQepik: figures.application.paidQepik,
    writeOffsQepik: figures.writeOffsQepik,
    months: [...figures.months],
    lines: figures.lines.map((l) => ({
      category: l.category,
      accruedQepik: l.accruedQepik,
      paidQepik: l.paidQepik,
    })),
    balance: figures.balance,
    application: figures.application,
    penaltyThrough: figures.penalty.through,
    persons: figures.persons.length,
    distributedQepik,
    undistributedQepik: notToPersonsQepik(figures.application),
    signatories: signatories.map((s) => ({
      role: s.role,
      fin: s.fin,
      surname: s.surname,
      name: s.name,
      patronymic: s.patronymic,
      documentType: s.documentType,
    })),
    distributedAt: report.distributedAt,
    readyAt: report.readyAt,
    messages,
    blockingCount: messages.filter((m) => m.severity === 'blocking').length,
    unconfirmedWarningCount: warningMessages.filter((m) => m.confirmation === null).length,
    figures,
  };
}
