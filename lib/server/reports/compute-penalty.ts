import 'server-only';
import { and, eq } from 'drizzle-orm';
import { reportLines, reports } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { AccountTarget, MonthKey, ReportPenalty } from '@/lib/domain';
import { assertScopeService, type EmployerScope } from '../access';
import { now } from '../clock';
import { loadReportTotals, type ReviewFigures } from './figures/load-report-figures';
import { loadReportContext } from './persons/report-context';

import { upsertReportLine } from './report-line-store';
import { changeDraft } from './draft-change';

export type PenaltyBreakdown = {
  /** The calculation date: today in Baku (for a corrective report, its original's date). */
  asOfDate: string;
  totalQepik: number;
  /** The most days one obligation can be charged (DOMAIN.md §4), for "days of cap". */
  capDays: number;
  /** Per MDSS obligation the report charges now, or that belongs to its own quarter. */
  obligations: (ReportPenalty['obligations'][number] & { inQuarter: boolean })[];
  /** How each payment the report uses is applied (DOMAIN.md §5), in the order it is applied. */
  allocations: { paymentId: string; date: string; target: AccountTarget; amountQepik: number }[];
};

/** The F11 view of a report's figures: what a user can follow from obligation to penalty. */
export function penaltyBreakdown(
  figures: Pick<ReviewFigures, 'payments' | 'penalty' | 'account' | 'posting'>,
  months: readonly MonthKey[],
): PenaltyBreakdown {
  const dates = new Map(figures.payments.map((p) => [p.paymentId, p.paymentDate]));
  return {
    asOfDate: figures.penalty.through,
    totalQepik: figures.penalty.totalQepik,
    capDays: figures.account.parameters.at(-1)?.capDays ?? 365,
    obligations: figures.penalty.obligations
      .map((o) => ({ ...o, inQuarter: months.includes(o.month) }))
      .filter((o) => o.days > 0 || o.penaltyQepik > 0 || o.inQuarter),
    allocations: figures.posting.ledger
      .filter((e) => e.kind === 'PAYMENT' && e.paymentId !== null)
      .map((e) => ({
        paymentId: e.paymentId as string,
        date: dates.get(e.paymentId as string) ?? '',
        target: e.target,
        amountQepik: -e.amountQepik,
      })),
  };
}

/**
 * F11 penalty as the check page and sending see it — computed now from the draft and the
 * ledger, never a stored copy (issue 10 §4). Reads only.
 */
export async function getPenaltyBreakdown(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string },
  asOf: Date = now(),
): Promise<PenaltyBreakdown & { storedQepik: number | null; computedAt: Date | null }> {
  assertScopeService(scope, 'REPORTS');
  const report = await loadReportContext(db, scope, input.reportId);
  const figures = await loadReportTotals(db, report, { asOf });
  const [row] = await db
    .select({ computedAt: reports.penaltyComputedAt })
    .from(reports)
    .where(and(eq(reports.id, report.id), eq(reports.employerId, scope.employerId)));
  return {
    ...penaltyBreakdown(figures, report.months),
    storedQepik: row?.computedAt
      ? (figures.lines.find((l) => l.category === 'PENALTY')?.accruedQepik ?? 0)
      : null,
    computedAt: row?.computedAt ?? null,
  };
}

/**
 * "HESABLA" (SPEC F11, DOMAIN.md §4–§5): the penalty over every overdue MDSS month of the
 * activity code — this quarter's and every older month still unpaid — with the report's own
 * payments applied in the §5 order, from the day after the last posted calculation up to and
 * including today in Baku (a late report owes it to the day it is made; the 365-day cap per
 * obligation bounds it). Records it as the PENALTY line's accrued amount and F4 as re-read from
 * the ledger, so the draft keeps what the user saw.
 */
export async function computePenalty(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; version?: number; forSending?: boolean },
  asOf: Date = now(),
): Promise<PenaltyBreakdown & { version: number }> {
  return db.transaction(async (tx) => {
    const report = await loadReportContext(tx, scope, input.reportId, {
      lock: true,
      draft: true,
      version: input.version,
    });
    const figures = await loadReportTotals(tx, report, { asOf });
    const [stored] = await tx
      .select({ accruedQepik: reportLines.accruedQepik })
      .from(reportLines)
      .where(and(eq(reportLines.reportId, report.id), eq(reportLines.category, 'PENALTY')));
    await upsertReportLine(tx, scope, report.id, 'PENALTY', {
      accruedQepik: figures.penalty.totalQepik,
    });
    // "GÖNDƏR" recomputes the penalty; when nothing moved, the version (which the signed
    // document names) stays, so two tabs sending at once sign the same document and the one
    // that loses the race is told the report was already sent (issue 12 §6).
    const unchanged =
      stored?.accruedQepik === figures.penalty.totalQepik &&
      report.debtStartQepik === figures.debtStartQepik;
    const version = await changeDraft(tx, scope, report, {
      step: 'F11',
      asOf,
      markSaved: true,
      keepReady: input.forSending === true,
      keepVersion: input.forSending === true && unchanged,
      set: { penaltyComputedAt: asOf, debtStartQepik: figures.debtStartQepik },
      details: { penaltyQepik: figures.penalty.totalQepik, asOfDate: figures.penalty.through },
    });
    return { ...penaltyBreakdown(figures, report.months), version };
  });
}
