import 'server-only';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../../access';
import { writeAudit } from '../../audit';
import { now } from '../../clock';
import { loadReportContext } from '../persons/report-context';
import { distributedToPersonsQepik, notToPersonsQepik, type MonthFigures } from '@/lib/domain';
import { loadReportTotals } from '../figures/load-report-figures';
import { withWarningTexts, type DistributionWarning } from './distribution-warnings';
import { changeDraft } from '../draft-change';

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
 * and month and splits what the payments settle of each month and side (DOMAIN.md §5) equally
 * among the persons who owe it, then records when it was done (reports.distributed_at; any
 * later change of the draft clears it). The per-person shares are recomputed from the draft
 * when needed rather than stored: they are a pure function of it and the ledger, and nothing
 * is posted to individual accounts before the report is accepted.
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
    const loaded = await loadReportTotals(tx, report, { asOf });
    const figures = {
      warnings: withWarningTexts(loaded.warnings),
      months: [...loaded.months],
      employerTotalQepik: loaded.employerTotalQepik,
      employeeTotalQepik: loaded.employeeTotalQepik,
      paidQepik: loaded.application.paidQepik,
      distributedQepik: distributedToPersonsQepik(loaded.application),
      undistributedQepik: notToPersonsQepik(loaded.application),
    };
    await changeDraft(tx, scope, report, {
      step: 'F22',
      asOf,
      silent: true,
      set: { distributedAt: asOf },
    });
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
