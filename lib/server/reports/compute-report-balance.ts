import 'server-only';
import { reportLines, reportPayments, type ReportLineCategory } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import {
  computeReportBalance as deriveBalance,
  type BalanceCategory,
  type BalanceLine,
  type ReportBalance,
} from '@/lib/domain';
import type { EmployerScope } from '../access';
import { exactQepikTotal, sumAsText } from '../exact-sum';
import { getReportInScope, ofReport, quarterBounds } from './report-draft';
import { ReportError } from './report-errors';
import { reportContributions, type MonthContribution } from './report-contributions';
import { ledgerEntriesBetween } from './report-ledger';

/** Report lines (db) → the domain's balance categories (DOMAIN.md §6). */
const CATEGORY: Record<ReportLineCategory, BalanceCategory> = {
  PENALTY: 'PENALTY',
  SANCTIONS_FINES: 'FINE',
  SANATORIUM: 'SANATORIUM_VOUCHER',
  INJURY_REFUND: 'INJURY_BENEFIT_REFUND',
  FUND_FOUND: 'FUND_FINDINGS',
  OTHER: 'OTHER_ACCRUALS',
};

export type ReportBalanceView = {
  contributions: MonthContribution[];
  paymentsUsedQepik: number;
  lines: BalanceLine[];
  balance: ReportBalance;
};

/**
 * F10 and F17 (SPEC F10, F17; DOMAIN.md §2, §6): MDSS per month and side from the persons, and
 * debt_end = debt_start + Σ accrued (MDSS employer + employee and every report line) − Σ paid
 * (the payments added in F6, booked against MDSS, plus each line's paid) − write-offs (the
 * ledger's WRITE_OFF entries dated in the quarter). Read-only; works on any status.
 */
export async function computeReportBalance(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string },
): Promise<ReportBalanceView> {
  const report = await getReportInScope(db, scope, input.reportId);
  const contributions = await reportContributions(db, scope, report);
  const [used] = await db
    .select({ total: sumAsText(reportPayments.amountQepik) })
    .from(reportPayments)
    .where(ofReport(reportPayments, report.id, scope));
  const paymentsUsedQepik = exactQepikTotal(used?.total);
  const stored = await db
    .select()
    .from(reportLines)
    .where(ofReport(reportLines, report.id, scope));
  const lines: BalanceLine[] = [
    {
      category: 'MDSS_EMPLOYER',
      accruedQepik: contributions.employerQepik,
      paidQepik: paymentsUsedQepik,
    },
    { category: 'MDSS_EMPLOYEE', accruedQepik: contributions.employeeQepik, paidQepik: 0 },
    ...stored.map((l) => ({
      category: CATEGORY[l.category],
      accruedQepik: l.accruedQepik,
      paidQepik: l.paidQepik,
    })),
  ];
  const writeOffs = await ledgerEntriesBetween(
    db,
    scope.employerId,
    report.activityCode,
    ['WRITE_OFF'],
    quarterBounds(report),
  );
  const balance = deriveBalance({
    debtStartQepik: report.debtStartQepik,
    lines,
    // WRITE_OFF entries are negative in the ledger; the balance takes the amount written off.
    writeOffsQepik: -writeOffs.reduce((sum, e) => sum + e.amountQepik, 0),
  });
  if (!balance.ok)
    throw new ReportError('CALCULATION_FAILED', { params: { reason: balance.code } });
  return { contributions: contributions.months, paymentsUsedQepik, lines, balance: balance.value };
}
