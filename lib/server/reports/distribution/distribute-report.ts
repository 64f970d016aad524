import 'server-only';
import { and, eq } from 'drizzle-orm';
import { reports } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../../access';
import { writeAudit } from '../../audit';
import { now } from '../../clock';
import { loadReportContext } from '../persons/report-context';
import {
  computeDistribution,
  type DistributionWarning,
  type MonthFigures,
} from './compute-distribution';
import { loadDistributionInput } from './load-distribution-input';

export type DistributionOutcome = {
  warnings: DistributionWarning[];
  months: MonthFigures[];
  employerTotalQepik: number;
  employeeTotalQepik: number;
  paidQepik: number;
  distributedQepik: number;
  undistributedQepik: number;
  distributedAt: Date;
};

/**
 * "BÖLÜŞDÜR" (SPEC F19, F22, F23): reconciles every month, computes the MDSS of every person
 * and month and splits the paid amount (F6) equally among persons with debt, then records when
 * it was done (reports.distributed_at; any later change of the draft clears it). The per-person
 * shares are recomputed from the draft when needed rather than stored: they are a pure
 * function of it, and nothing is posted to individual accounts before the report is accepted.
 * Today a person's debt is this quarter's dues only (earlier debts arrive with posting).
 */
export async function distributeReport(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string },
  asOf: Date = now(),
): Promise<DistributionOutcome> {
  assertScopeService(scope, 'REPORTS');
  return db.transaction(async (tx) => {
    const report = await loadReportContext(tx, scope, input.reportId, { lock: true, draft: true });
    const figures = computeDistribution(await loadDistributionInput(tx, report));
    await tx
      .update(reports)
      .set({ distributedAt: asOf, updatedAt: asOf })
      .where(and(eq(reports.id, report.id), eq(reports.employerId, scope.employerId)));
    await writeAudit(tx, {
      action: 'REPORT_DISTRIBUTED',
      outcome: 'SUCCESS',
      actorFin: scope.fin,
      employerId: scope.employerId,
      details: {
        reportId: report.id,
        distributedQepik: figures.distributedQepik,
        undistributedQepik: figures.undistributedQepik,
        warnings: figures.warnings.map((w) => w.key),
      },
    });
    return {
      warnings: figures.warnings,
      months: figures.months,
      employerTotalQepik: figures.employerTotalQepik,
      employeeTotalQepik: figures.employeeTotalQepik,
      paidQepik: figures.paidQepik,
      distributedQepik: figures.distributedQepik,
      undistributedQepik: figures.undistributedQepik,
      distributedAt: asOf,
    };
  });
}
