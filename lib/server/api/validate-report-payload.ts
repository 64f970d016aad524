import 'server-only';
import type { DbOrTx } from '@/db/types';
import { checkHeadcount, reconciliationResults, type ValidationResult } from '@/lib/domain';
import { assertScopeService, type EmployerScope } from '../access';
import { now } from '../clock';
import { computeDistribution } from '../reports/distribution/compute-distribution';
import { loadContributionSchedule } from '../reports/report-rates';
import { toReviewMessage } from '../reports/review/review-messages';
import type { ApiText } from './api-messages';
import { payloadInvalid } from './api-response';
import { checkReportPayload, type CheckedReport } from './check-report-payload';
import { findPayloadReport } from './find-payload-report';
import { parseReportPayload, toApiAmount } from './report-payload';

export type ApiMessage = {
  severity: ValidationResult['severity'];
  code: string;
  /** The portal's wizard step that fixes it. */
  step?: string;
  month?: string;
  path?: string;
  message: ApiText;
};

const blocking = (code: string, step: string, month?: string): ValidationResult => ({
  severity: 'blocking',
  code,
  step,
  ...(month === undefined ? {} : { month }),
  params: month === undefined ? {} : { month: { kind: 'month', month } },
});

/** Parses and checks a body; any problem → ApiError 422 with all of them. */
export async function checkedPayload(
  db: DbOrTx,
  scope: EmployerScope,
  body: unknown,
  asOf: Date,
): Promise<CheckedReport> {
  const parsed = parseReportPayload(body);
  if (!parsed.ok) throw payloadInvalid(parsed.problems);
  const checked = await checkReportPayload(db, scope, parsed.payload, asOf);
  if (!checked.ok) throw payloadInvalid(checked.problems);
  return checked.report;
}

/**
 * POST /api/v1/reports/validate (issue 5 §9): the report as the portal would compute it, saving
 * nothing. MDSS per month, the F23 reconciliation warnings and the F22 distribution all come from
 * the wizard's own functions (computeDistribution over lib/domain); the paid amount is that of
 * the payments the existing draft uses (F6 is chosen in the portal), else 0.
 */
export async function validateReportPayload(
  db: DbOrTx,
  scope: EmployerScope,
  body: unknown,
  asOf: Date = now(),
) {
  assertScopeService(scope, 'REPORTS');
  const report = await checkedPayload(db, scope, body, asOf);
  const existing = await findPayloadReport(db, scope, report);
  const figures = computeDistribution({
    report: {
      id: existing?.id ?? '',
      employerId: scope.employerId,
      activityCode: report.activityCode,
      sector: report.sector,
      year: report.year,
      quarter: report.quarter,
      months: report.months,
      status: 'DRAFT',
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
  });

  // The check-answers rules that concern what the payload carries (issue 5 §7).
  const results: ValidationResult[] = [];
  if (report.persons.length === 0) results.push(blocking('PERSONS_MISSING', 'F20'));
  for (const m of figures.months) {
    if (m.labourPaymentsQepik === null)
      results.push(blocking('LABOUR_PAYMENTS_MISSING', 'F7', m.month));
    if (m.headcount === null) results.push(blocking('HEADCOUNT_MISSING', 'F18', m.month));
  }
  results.push(
    ...checkHeadcount({
      months: report.months,
      headcountByMonth: report.headcount,
      persons: figures.personIncomes,
    }).filter((r) => r.month === undefined || report.headcount[r.month] !== undefined),
    ...reconciliationResults(figures.warnings),
  );
  const messages: ApiMessage[] = [
    ...results.map((r) => {
      const m = toReviewMessage(r);
      return {
        severity: m.severity,
        code: m.code,
        step: m.step,
        ...(m.month ? { month: m.month } : {}),
        message: m.text,
      };
    }),
    ...report.warnings.map((w) => ({
      severity: 'warning' as const,
      code: w.code,
      step: 'F20',
      path: w.path,
      message: w.message,
    })),
  ];
  return {
    activityCode: report.activityCode,
    year: report.year,
    quarter: report.quarter,
    months: figures.months.map((m) => ({
      month: m.month,
      labourPayments: m.labourPaymentsQepik === null ? null : toApiAmount(m.labourPaymentsQepik),
      nonLiableIncome: toApiAmount(m.nonLiableQepik),
      headcount: m.headcount,
      persons: m.persons,
      personsIncome: toApiAmount(m.personsIncomeQepik),
      contributions: {
        employer: toApiAmount(m.employerQepik),
        employee: toApiAmount(m.employeeQepik),
        total: toApiAmount(m.employerQepik + m.employeeQepik),
      },
      distributed: {
        employer: toApiAmount(m.paidEmployerQepik),
        employee: toApiAmount(m.paidEmployeeQepik),
      },
    })),
    contributions: {
      employer: toApiAmount(figures.employerTotalQepik),
      employee: toApiAmount(figures.employeeTotalQepik),
      total: toApiAmount(figures.employerTotalQepik + figures.employeeTotalQepik),
    },
    distribution: {
      paid: toApiAmount(figures.paidQepik),
      distributed: toApiAmount(figures.distributedQepik),
      undistributed: toApiAmount(figures.undistributedQepik),
    },
    messages,
    blockingCount: messages.filter((m) => m.severity === 'blocking').length,
  };
}

export type ValidationResponse = Awaited<ReturnType<typeof validateReportPayload>>;
