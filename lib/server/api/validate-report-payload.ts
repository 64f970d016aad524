import 'server-only';
import type { DbOrTx } from '@/db/types';
import { checkHeadcount, reconciliationResults, type ValidationResult } from '@/lib/domain';
import type { EmployerScope } from '../access';
import { now } from '../clock';
import { toReviewMessage } from '../reports/review/review-messages';
import type { ApiText } from './api-messages';
import { checkReportRequest } from './check-report-request';
import { toApiAmount } from './report-payload';

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

/**
 * POST /api/v1/reports/validate (issue 5 §9): the report as the portal would compute it, saving
 * nothing. It runs checkReportRequest, the very validation POST /reports runs before it saves,
 * so the two refuse the same bodies (issue 10 §5). MDSS per month, the F23 reconciliation
 * warnings and the F22 distribution come from the wizard's own functions; the blocking messages
 * below are the check page's, which a draft may still carry (it is then finished in the portal).
 */
export async function validateReportPayload(
  db: DbOrTx,
  scope: EmployerScope,
  body: unknown,
  asOf: Date = now(),
) {
  const { report, figures } = await checkReportRequest(db, scope, body, asOf);

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
