import 'server-only';
import { EDITABLE_STATUSES } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../access';
import {
  computeDistribution,
  type DistributionFigures,
} from '../reports/distribution/compute-distribution';
import { loadContributionSchedule } from '../reports/report-rates';
import { apiProblem } from './api-messages';
import { ApiError, payloadInvalid } from './api-response';
import { checkReportPayload, type CheckedReport } from './check-report-payload';
import { findPayloadReport, type PayloadReport } from './find-payload-report';
import { parseReportPayload } from './report-payload';
import { isAppError } from '../errors';

/** A request body that POST /reports would save, with what validate answers about it. */
export type CheckedRequest = {
  report: CheckedReport;
  /** The İlkin draft it would replace, if any. */
  existing: PayloadReport | null;
  /** MDSS, the F23 reconciliation and the F22 distribution, as the portal computes them. */
  figures: DistributionFigures;
};

/**
 * The one validation of POST /api/v1/reports/validate and POST /api/v1/reports (issue 10 §5):
 * both call this and nothing else decides, so they refuse exactly the same bodies with the same
 * answer. In order: the shape and money (422), the quarter and database rules (422), a report
 * past DRAFT (409 REPORT_NOT_DRAFT), and the calculations — a total that cannot be computed is a
 * problem of the payload (422 CALCULATION_FAILED with its reason in words), never a 500. The
 * paid amount is that of the payments the existing draft uses (F6 is chosen in the portal).
 */
export async function checkReportRequest(
  db: DbOrTx,
  scope: EmployerScope,
  body: unknown,
  asOf: Date,
): Promise<CheckedRequest> {
  assertScopeService(scope, 'REPORTS');
  const parsed = parseReportPayload(body);
  if (!parsed.ok) throw payloadInvalid(parsed.problems);
  const checked = await checkReportPayload(db, scope, parsed.payload, asOf);
  if (!checked.ok) throw payloadInvalid(checked.problems);
  const report = checked.report;
  const existing = await findPayloadReport(db, scope, report);
  if (existing && !EDITABLE_STATUSES.has(existing.status))
    throw new ApiError(409, 'REPORT_NOT_DRAFT');
  return { report, existing, figures: await figuresOf(db, scope, report, existing) };
}

async function figuresOf(
  db: DbOrTx,
  scope: EmployerScope,
  report: CheckedReport,
  existing: PayloadReport | null,
): Promise<DistributionFigures> {
  const input = {
    report: {
      id: existing?.id ?? '',
      employerId: scope.employerId,
      activityCode: report.activityCode,
      sector: report.sector,
      year: report.year,
      quarter: report.quarter,
      months: report.months,
      status: 'DRAFT' as const,
      debtStartQepik: 0,
      confirmations: {},
      distributedAt: null,
      readyAt: null,
    },
    schedule: await loadContributionSchedule(db),
    months: report.months.map((month) => ({
      month,
      labourPaymentsQepik: report.labourPaymentsQepik[month] ?? null,
      headcount: report.headcount[month] ?? null,
    })),
    nonLiableIncome: report.nonLiableIncome,
    persons: report.persons
      .map((p) => ({
        fin: p.fin,
        m1: p.incomesQepik[0],
        m2: p.incomesQepik[1],
        m3: p.incomesQepik[2],
      }))
      .sort((a, b) => (a.fin < b.fin ? -1 : a.fin > b.fin ? 1 : 0)),
    paidQepik: existing?.status === 'DRAFT' ? existing.paidQepik : 0,
  };
  try {
    return computeDistribution(input);
  } catch (error) {
    if ((isAppError(error) || isAppError(error)) && error.code === 'CALCULATION_FAILED')
      throw payloadInvalid([apiProblem('', error.code, error.params)]);
    throw error;
  }
}
