import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { payments, reportPayments, reports } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import {
  allocatePayment,
  calculatePenalty,
  contributionDueDate,
  type PenaltyObligation,
  type PenaltyPayment,
  type PenaltyResult,
} from '@/lib/domain';
import type { EmployerScope } from '../access';
import { now, todayInBaku } from '../clock';
import { lockDraft, ofReport, quarterBounds, reportPeriod, touchDraft } from './report-draft';
import { ReportError } from './report-errors';
import { reportContributions } from './report-contributions';
import { ledgerBalanceBefore } from './report-ledger';
import { upsertReportLine } from './report-line-store';
import { loadHolidays, loadPenaltyParameters } from './report-rates';

export type PenaltyBreakdown = {
  /** The calculation date: the report date, today in Baku. */
  asOfDate: string;
  totalQepik: number;
  obligations: (PenaltyObligation & { month: string })[];
  /** How each added payment was applied to the months (DOMAIN.md §5). */
  allocations: { paymentId: string; date: string; month: string; amountQepik: number }[];
  penalty: PenaltyResult;
};

/**
 * "HESABLA" (SPEC F11, DOMAIN.md §4–§5): the quarter's MDSS per month (from the persons) are the
 * obligations, each due on contributionDueDate; the report's added payments, oldest first, are
 * applied to them by allocatePayment; the penalty runs up to and including the report date
 * (today in Baku — not capped at the report due date: a late report owes the penalty to the day
 * it is made; the 365-day cap bounds it). Stored as the PENALTY line's accrued amount; F4 is
 * re-read from the ledger at the same time.
 */
export async function computePenalty(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; version?: number; forSending?: boolean },
  asOf: Date = now(),
): Promise<PenaltyBreakdown & { version: number }> {
  return db.transaction(async (tx) => {
    const report = await lockDraft(tx, scope, input.reportId, input.version);
    const { period } = reportPeriod(report);
    const holidays = await loadHolidays(tx);
    const contributions = await reportContributions(tx, scope, report);
    const obligations: (PenaltyObligation & { month: string })[] = [];
    for (const m of contributions.months) {
      if (m.totalQepik === 0) continue;
      const due = contributionDueDate(m.month, holidays);
      if (!due.ok) throw new ReportError('CALCULATION_FAILED', { params: { reason: due.code } });
      obligations.push({
        id: m.month,
        month: m.month,
        dueDate: due.value,
        amountQepik: m.totalQepik,
      });
    }
    const used = await tx
      .select({
        paymentId: reportPayments.paymentId,
        date: payments.paymentDate,
        amountQepik: reportPayments.amountQepik,
      })
      .from(reportPayments)
      .innerJoin(payments, eq(payments.id, reportPayments.paymentId))
      .where(ofReport(reportPayments, report.id, scope))
      .orderBy(asc(payments.paymentDate), asc(payments.id));
    const open = new Map(obligations.map((o) => [o.id, o.amountQepik]));
    const allocations: PenaltyBreakdown['allocations'] = [];
    for (const p of used) {
      const items = obligations.map((o) => ({
        id: o.id,
        category: 'MDSS' as const,
        month: o.month,
        openQepik: open.get(o.id) ?? 0,
      }));
      const applied = allocatePayment({
        paymentQepik: p.amountQepik,
        currentQuarter: period,
        items,
      });
      if (!applied.ok)
        throw new ReportError('CALCULATION_FAILED', { params: { reason: applied.code } });
      for (const a of applied.value.allocations) {
        open.set(a.itemId, (open.get(a.itemId) ?? 0) - a.amountQepik);
        allocations.push({
          paymentId: p.paymentId,
          date: p.date,
          month: a.itemId,
          amountQepik: a.amountQepik,
        });
      }
    }
    const asOfDate = todayInBaku(asOf);
    const penaltyPayments: PenaltyPayment[] = allocations.map((a) => ({
      obligationId: a.month,
      date: a.date,
      amountQepik: a.amountQepik,
    }));
    const penalty = calculatePenalty({
      obligations,
      payments: penaltyPayments,
      asOf: asOfDate,
      parameters: await loadPenaltyParameters(tx),
    });
    if (!penalty.ok)
      throw new ReportError('CALCULATION_FAILED', { params: { reason: penalty.code } });
    await upsertReportLine(tx, scope, report.id, 'PENALTY', {
      accruedQepik: penalty.value.totalQepik,
    });
    const debtStartQepik = await ledgerBalanceBefore(
      tx,
      scope.employerId,
      report.activityCode,
      quarterBounds(report).from,
    );
    await tx
      .update(reports)
      .set({ penaltyComputedAt: asOf, debtStartQepik })
      .where(eq(reports.id, report.id));
    const version = await touchDraft(tx, scope, report, {
      step: 'F11',
      asOf,
      markSaved: true,
      keepReady: input.forSending === true,
      details: { penaltyQepik: penalty.value.totalQepik, asOfDate },
    });
    return {
      asOfDate,
      totalQepik: penalty.value.totalQepik,
      obligations,
      allocations,
      penalty: penalty.value,
      version,
    };
  });
}
