import 'server-only';
import { EDITABLE_STATUSES } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../access';
import { and, eq } from 'drizzle-orm';
import { reportLines, reportSignatories, type ReportLineCategory } from '@/db/schema';
import { checkReport, type ReportFigures, type ValidationResult } from '@/lib/domain';
import {
  computeFigures,
  loadFiguresContext,
  loadReportPayments,
} from '../reports/figures/load-report-figures';
import { personIncomesOf } from '../reports/review/check-draft';
import type { LineStep } from '../reports/save-report-lines';
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
  /** The portal's figures of the draft it would make (lib/domain's one computation). */
  figures: ReportFigures;
  /** The report's rules (lib/domain's checkReport), as the check page would list them. */
  results: ValidationResult[];
};

const LINE_CATEGORY: Record<LineStep, ReportLineCategory> = {
  F13: 'SANATORIUM',
  F14: 'INJURY_REFUND',
  F15: 'FUND_FOUND',
  F16: 'OTHER',
};

/**
 * The one validation of POST /api/v1/reports/validate and POST /api/v1/reports (issue 10 §5):
 * both call this and nothing else decides, so they refuse exactly the same bodies with the same
 * answer. In order: the shape and money (422), the quarter and database rules (422), a report
 * past DRAFT (409 REPORT_NOT_DRAFT), and the calculations — a total that cannot be computed is a
 * problem of the payload (422 CALCULATION_FAILED with its reason in words), never a 500. The
 * figures and the rules are the portal's own (issue 11 §3): the draft it would make — this
 * payload, with the payments, signatories and fund lines the existing draft keeps — against the
 * activity code's account, through computeReportFigures and checkReport.
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
  try {
    return { report, existing, ...(await figuresOf(db, scope, report, existing, asOf)) };
  } catch (error) {
    if (isAppError(error) && error.code === 'CALCULATION_FAILED')
      throw payloadInvalid([apiProblem('', error.code, error.params)]);
    throw error;
  }
}

async function figuresOf(
  db: DbOrTx,
  scope: EmployerScope,
  report: CheckedReport,
  existing: PayloadReport | null,
  asOf: Date,
): Promise<{ figures: ReportFigures; results: ValidationResult[] }> {
  const kept = existing?.status === 'DRAFT' ? existing : null;
  const [context, used, keptLines, keptSignatories] = await Promise.all([
    loadFiguresContext(
      db,
      {
        employerId: scope.employerId,
        activityCode: report.activityCode,
        year: report.year,
        quarter: report.quarter,
        months: report.months,
        reportType: 'INITIAL',
        replacesReportId: null,
      },
      asOf,
    ),
    kept ? loadReportPayments(db, { id: kept.id, employerId: scope.employerId }) : [],
    kept
      ? db
          .select()
          .from(reportLines)
          .where(
            and(eq(reportLines.reportId, kept.id), eq(reportLines.employerId, scope.employerId)),
          )
      : [],
    kept
      ? db
          .select({ role: reportSignatories.role })
          .from(reportSignatories)
          .where(
            and(
              eq(reportSignatories.reportId, kept.id),
              eq(reportSignatories.employerId, scope.employerId),
            ),
          )
      : [],
  ]);
  const sent = new Map(report.lines.map((l) => [LINE_CATEGORY[l.step], l]));
  const lines = [
    ...keptLines
      .filter((l) => !sent.has(l.category))
      .map((l) => ({ category: l.category, accruedQepik: l.accruedQepik, paidQepik: l.paidQepik })),
    ...[...sent].map(([category, l]) => ({
      category,
      accruedQepik: l.accruedQepik,
      paidQepik: l.paidQepik,
    })),
  ];
  const persons = report.persons
    .map((p) => ({
      fin: p.fin,
      m1: p.incomesQepik[0],
      m2: p.incomesQepik[1],
      m3: p.incomesQepik[2],
    }))
    .sort((a, b) => (a.fin < b.fin ? -1 : a.fin > b.fin ? 1 : 0));
  const monthRows = report.months.map((month) => ({
    month,
    labourPaymentsQepik: report.labourPaymentsQepik[month] ?? null,
    headcount: report.headcount[month] ?? null,
  }));
  const figures = computeFigures(context, {
    period: { year: report.year, quarter: report.quarter },
    sector: report.sector,
    persons: personIncomesOf(persons, report.months),
    months: monthRows,
    nonLiableIncome: report.nonLiableIncome,
    payments: used,
    lines,
  });
  const roles = new Set([
    ...keptSignatories.map((s) => s.role),
    ...report.signatories.map((s) => s.role),
  ]);
  const results = checkReport(
    {
      months: report.months,
      monthRows,
      persons: personIncomesOf(persons, report.months),
      signatories: {
        responsible: roles.has('RESPONSIBLE'),
        chiefAccountant: roles.has('CHIEF_ACCOUNTANT'),
      },
      // Saving a report's months or persons withdraws a distribution: the draft it makes has none.
      distributed: false,
    },
    {
      warnings: figures.warnings,
      balance: figures.balance,
      statedDebtEndQepik: figures.balance.debtEndQepik,
      computedMdss: {
        employerQepik: figures.employerTotalQepik,
        employeeQepik: figures.employeeTotalQepik,
      },
    },
  );
  return { figures, results };
}
