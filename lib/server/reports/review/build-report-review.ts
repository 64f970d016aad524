import 'server-only';
import { and, eq } from 'drizzle-orm';
import { activityCodes, reportLines, reportSignatories } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import {
  checkHeadcount,
  computeReportBalance,
  findDuplicateFins,
  reconciliationResults,
  type BalanceCategory,
  type ReportBalance,
  type ValidationResult,
} from '@/lib/domain';
import { computeDistribution, type MonthFigures } from '../distribution/compute-distribution';
import { loadDistributionInput } from '../distribution/load-distribution-input';
import { findOverBoundAmounts } from '../find-over-bound-amounts';
import { PersonError } from '../persons/person-errors';
import type { ReportContext } from '../persons/report-context';
import { quarterBounds } from '../report-draft';
import { ledgerEntriesBetween } from '../report-ledger';
import { readConfirmations } from './confirmations';
import { toReviewMessage, type ReviewMessage } from './review-messages';

const LINE_CATEGORY: Record<(typeof reportLines.$inferSelect)['category'], BalanceCategory> = {
  PENALTY: 'PENALTY',
  SANCTIONS_FINES: 'SANCTION',
  SANATORIUM: 'SANATORIUM_VOUCHER',
  INJURY_REFUND: 'INJURY_BENEFIT_REFUND',
  FUND_FOUND: 'FUND_FINDINGS',
  OTHER: 'OTHER_ACCRUALS',
};

export type ReportReview = {
  reportId: string;
  status: ReportContext['status'];
  period: { year: number; quarter: number; months: string[] };
  activity: { code: string; nameAz: string; nameEn: string; sector: string };
  debtStartQepik: number;
  paymentsUsedQepik: number;
  /** Write-offs the fund booked in the quarter (DOMAIN.md §6). */
  writeOffsQepik: number;
  months: MonthFigures[];
  lines: { category: string; accruedQepik: number; paidQepik: number }[];
  balance: ReportBalance;
  persons: number;
  distributedQepik: number;
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
 * DOMAIN.md §6). MDSS, reconciliation and the balance come from lib/domain; a warning counts
 * as confirmed only while its difference is the one the reason was given for.
 */
export async function buildReportReview(db: DbOrTx, report: ReportContext): Promise<ReportReview> {
  const [input, [activity], lines, signatories] = await Promise.all([
    loadDistributionInput(db, report),
    db.select().from(activityCodes).where(eq(activityCodes.code, report.activityCode)),
    db
      .select()
      .from(reportLines)
      .where(
        and(eq(reportLines.reportId, report.id), eq(reportLines.employerId, report.employerId)),
      ),
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
  const figures = computeDistribution(input);
  // Payments used (F6) are MDSS payments: the employee side gets what the distribution gave
  // it, the employer side the rest (including what stayed undistributed).
  const paidEmployeeQepik = figures.months.reduce((t, m) => t + m.paidEmployeeQepik, 0);
  const writeOffs = await ledgerEntriesBetween(
    db,
    report.employerId,
    report.activityCode,
    ['WRITE_OFF'],
    quarterBounds(report),
  );
  const writeOffsQepik = -writeOffs.reduce((t, e) => t + e.amountQepik, 0);
  const balance = computeReportBalance({
    debtStartQepik: report.debtStartQepik,
    writeOffsQepik,
    lines: [
      {
        category: 'MDSS_EMPLOYER',
        accruedQepik: figures.employerTotalQepik,
        paidQepik: input.paidQepik - paidEmployeeQepik,
      },
      {
        category: 'MDSS_EMPLOYEE',
        accruedQepik: figures.employeeTotalQepik,
        paidQepik: paidEmployeeQepik,
      },
      ...lines.map((l) => ({
        category: LINE_CATEGORY[l.category],
        accruedQepik: l.accruedQepik,
        paidQepik: l.paidQepik,
      })),
    ],
  });
  if (!balance.ok)
    throw new PersonError('CALCULATION_FAILED', { params: { reason: balance.code } });

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
    persons: figures.personIncomes,
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

  const confirmations = readConfirmations(report.confirmations);
  const warningMessages = reconciliationResults(figures.warnings).map(
    (result, i): ReviewMessage => {
      const w = figures.warnings[i]!;
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
    },
  );
  const messages = [...results.map(toReviewMessage), ...warningMessages];
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
    debtStartQepik: report.debtStartQepik,
    paymentsUsedQepik: input.paidQepik,
    writeOffsQepik,
    months: figures.months,
    lines: lines.map((l) => ({
      category: l.category,
      accruedQepik: l.accruedQepik,
      paidQepik: l.paidQepik,
    })),
    balance: balance.value,
    persons: input.persons.length,
    distributedQepik: figures.distributedQepik,
    undistributedQepik: figures.undistributedQepik,
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
  };
}
