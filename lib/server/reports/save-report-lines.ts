import 'server-only';
import type { ReportLineCategory } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { EmployerScope } from '../access';
import { now } from '../clock';
import { checkQepik, quarterBounds } from './report-draft';
import { ledgerEntriesBetween } from './report-ledger';
import { upsertReportLine } from './report-line-store';
import { AppError } from '../errors';
import { loadReportContext } from './persons/report-context';
import { changeDraft } from './draft-change';

/** The steps entered as (accrued, paid) and the report line each one fills (DOMAIN.md §6). */
export const LINE_STEPS = {
  F13: 'SANATORIUM',
  F14: 'INJURY_REFUND',
  F15: 'FUND_FOUND',
  F16: 'OTHER',
} as const satisfies Record<string, ReportLineCategory>;
export type LineStep = keyof typeof LINE_STEPS;

/**
 * F13 sanatorium vouchers, F14 injury-benefit refunds, F15 amounts found by the fund, F16
 * other accruals (SPEC F13–F16): accrued and paid, each ≥ 0. F15's accrued amount is the
 * fund's, not the employer's: it is taken from the ledger (OTHER_ACCRUAL entries dated in the
 * quarter) and only the payments to it are entered.
 */
export async function saveReportLines(
  db: DbOrTx,
  scope: EmployerScope,
  input: {
    reportId: string;
    step: string;
    accruedQepik: number;
    paidQepik: number;
    version?: number;
  },
  asOf: Date = now(),
): Promise<{ accruedQepik: number; paidQepik: number; version: number }> {
  if (!(input.step in LINE_STEPS)) throw new AppError('STEP_UNKNOWN', { field: 'step' });
  const step = input.step as LineStep;
  return db.transaction(async (tx) => {
    const report = await loadReportContext(tx, scope, input.reportId, {
      lock: true,
      draft: true,
      version: input.version,
    });
    const paidQepik = checkQepik(input.paidQepik, 'paid');
    let accruedQepik: number;
    if (step === 'F15') {
      const found = await ledgerEntriesBetween(
        tx,
        scope.employerId,
        report.activityCode,
        ['OTHER_ACCRUAL'],
        quarterBounds(report),
      );
      accruedQepik = found.reduce((sum, e) => sum + e.amountQepik, 0);
    } else {
      accruedQepik = checkQepik(input.accruedQepik, 'accrued');
    }
    await upsertReportLine(tx, scope, report.id, LINE_STEPS[step], { accruedQepik, paidQepik });
    const version = await changeDraft(tx, scope, report, {
      step,
      asOf,
      markSaved: true,
      details: { category: LINE_STEPS[step], accruedQepik, paidQepik },
    });
    return { accruedQepik, paidQepik, version };
  });
}
