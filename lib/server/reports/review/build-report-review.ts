import 'server-only';
import { and, eq } from 'drizzle-orm';
import { activityCodes, reportSignatories } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import {
  distributedToPersonsQepik,
  notToPersonsQepik,
  personsCount,
  type PaymentApplication,
  type ValidationResult,
  type ReportBalance,
} from '@/lib/domain';
import { withWarningTexts, type MonthFigures } from '../distribution/distribution-warnings';
import {
  loadReportFigures,
  loadReportTotals,
  type LoadedFigures,
  type PreloadedReportRows,
  type ReviewFigures,
} from '../figures/load-report-figures';
import type { ReportContext } from '../persons/report-context';
import { checkDraftDetailed } from './check-draft';
import { readConfirmations } from './confirmations';
import { toReviewMessage, type ReviewMessage } from './review-messages';

export type ReportReview<F extends ReviewFigures = LoadedFigures> = {
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
  /** Amounts stored beyond the bound (among the blocking messages too), for the step pages. */
  overBound: ValidationResult[];
  /** The figures behind it all, for the document. */
  figures: F;
};

/**
 * Every section of a report summarised with every blocking error and warning (issue 5 §7,
 * DOMAIN.md §6). Every figure comes from loadReportFigures (lib/domain's one computation, on
 * the ledger as it stands), so the page never shows a figure older than its inputs; a warning
 * counts as confirmed only while its difference is the one the reason was given for.
 */
export async function buildReportReview(
  db: DbOrTx,
  report: ReportContext,
  options: {
    asOf?: Date;
    preloaded?: PreloadedReportRows;
    /** `report` was loaded under its lock in this transaction and is unchanged since. */
    current?: boolean;
  } = {},
): Promise<ReportReview> {
  return reviewOf(db, report, loadReportFigures(db, report, options), options.current);
}

/**
 * buildReportReview without the rows per person behind it (loadReportTotals): the same review,
 * for the check page, the wizard and their kept copy (issue 15).
 */
export async function buildReportReviewTotals(
  db: DbOrTx,
  report: ReportContext,
  options: { asOf?: Date } = {},
): Promise<ReportReview<ReviewFigures>> {
  return reviewOf(db, report, loadReportTotals(db, report, options), false);
}

async function reviewOf<F extends ReviewFigures>(
  db: DbOrTx,
  report: ReportContext,
  loading: Promise<F>,
  current: boolean | undefined,
): Promise<ReportReview<F>> {
  const [figures, [activity], signatories] = await Promise.all([
    loading,
    db.select().from(activityCodes).where(eq(activityCodes.code, report.activityCode)),
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
  const warnings = withWarningTexts(figures.warnings);
  const { results: checked, overBound } = await checkDraftDetailed(db, report, figures, {
    signatories,
    penaltyComputedAt: current ? report.penaltyComputedAt : undefined,
  });
  const results = checked.filter((r) => r.severity !== 'warning');
  const confirmations = readConfirmations(report.confirmations);
  // The engine's warnings are the reconciliation's, in its order: each is confirmed by its key.
  const warningMessages = checked
    .filter((r) => r.severity === 'warning')
    .map((result, i): ReviewMessage => {
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
    persons: personsCount(figures.personsUnderCheck),
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
    overBound,
    figures,
  };
}
