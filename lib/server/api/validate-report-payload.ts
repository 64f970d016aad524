import 'server-only';
import type { DbOrTx } from '@/db/types';
import { distributedToPersonsQepik, notToPersonsQepik, type ValidationResult } from '@/lib/domain';
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
  // The same rules, from the same engine, as the check page of the draft it would make.
  const { report, figures, results } = await checkReportRequest(db, scope, body, asOf);
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
      paid: toApiAmount(figures.application.paidQepik),
      distributed: toApiAmount(distributedToPersonsQepik(figures.application)),
      undistributed: toApiAmount(notToPersonsQepik(figures.application)),
    },
    messages,
    blockingCount: messages.filter((m) => m.severity === 'blocking').length,
  };
}

export type ValidationResponse = Awaited<ReturnType<typeof validateReportPayload>>;
