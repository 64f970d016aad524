// The one engine of a report's rules (issue 11 §3, DOMAIN.md §6, SPEC F7–F25): the check page,
// the "Addımlar" menu, the payroll API's validate and upsert, and the automatic checks of a sent
// report all ask it, so they can never disagree about what is wrong with a report.
import type { MonthKey } from '../calendar';
import type { ReconciliationWarning } from '../distribution/reconciliation';
import { checkReportBalance, type ReportBalance } from './balance';
import {
  checkHeadcount,
  findDuplicateFins,
  isPersonsCounted,
  personsCount,
  reconciliationResults,
  type PersonsUnderCheck,
} from './checks';
import type { ValidationResult } from './validation';

/** What a report says, whichever way it arrived (a draft, an API payload, a signed document). */
export interface ReportUnderCheck {
  readonly months: readonly MonthKey[];
  /** F7 and F18 per month of the quarter; null = not given. */
  readonly monthRows: readonly {
    readonly month: MonthKey;
    readonly labourPaymentsQepik: number | null;
    readonly headcount: number | null;
  }[];
  /** Every person, or their counts (FINs distinct, e.g. by the database's primary key). */
  readonly persons: PersonsUnderCheck;
  readonly signatories: { readonly responsible: boolean; readonly chiefAccountant: boolean };
  /** "BÖLÜŞDÜR" was pressed since the last change (a sent report was distributed when signed). */
  readonly distributed: boolean;
}

/** What was computed of it (computeReportFigures) and found about it by the caller. */
export interface ReportCheckContext {
  readonly warnings: readonly ReconciliationWarning[];
  readonly balance: ReportBalance;
  /**
   * The closing debt the report states; a draft's is the derived one, a signed document carries
   * its own, which must equal what its lines give (BALANCE_MISMATCH otherwise).
   */
  readonly statedDebtEndQepik: number;
  /** MDSS the report states, per side, against what its persons give (MDSS_MISMATCH otherwise). */
  readonly statedMdss?: { readonly employerQepik: number; readonly employeeQepik: number };
  readonly computedMdss: { readonly employerQepik: number; readonly employeeQepik: number };
  /** Stored amounts beyond the bound of one entered amount, found where they are kept. */
  readonly overBound?: readonly ValidationResult[];
  /** The recorded penalty, when it no longer matches today's (info only). */
  readonly penaltyRecorded?: { readonly storedQepik: number; readonly currentQepik: number };
}

const blocking = (code: string, step: string, month?: MonthKey): ValidationResult => ({
  severity: 'blocking',
  code,
  step,
  ...(month === undefined ? {} : { month }),
  params: month === undefined ? {} : { month: { kind: 'month', month } },
});

/**
 * Every blocking error, warning and note of a report, each with its stable code and the step,
 * month and person it concerns (DOMAIN.md §6): over-bound amounts, persons missing or given
 * twice, labour payments and headcount missing, headcount against persons, signatories, the
 * distribution, the per-month reconciliation, the stated closing debt and MDSS against what the
 * lines and persons give. In a fixed order, so two callers' lists compare as they are.
 */
export function checkReport(
  report: ReportUnderCheck,
  context: ReportCheckContext,
): ValidationResult[] {
  const results: ValidationResult[] = [...(context.overBound ?? [])];
  const count = personsCount(report.persons);
  if (count === 0) results.push(blocking('PERSONS_MISSING', 'F20'));
  const row = new Map(report.monthRows.map((m) => [m.month, m]));
  for (const month of report.months) {
    if ((row.get(month)?.labourPaymentsQepik ?? null) === null)
      results.push(blocking('LABOUR_PAYMENTS_MISSING', 'F7', month));
    if ((row.get(month)?.headcount ?? null) === null)
      results.push(blocking('HEADCOUNT_MISSING', 'F18', month));
  }
  const headcountByMonth: Partial<Record<MonthKey, number>> = {};
  for (const m of report.monthRows)
    if (m.headcount !== null) headcountByMonth[m.month] = m.headcount;
  results.push(
    // A month without a headcount is HEADCOUNT_MISSING already, not a mismatch.
    ...checkHeadcount({ months: report.months, headcountByMonth, persons: report.persons }).filter(
      (r) => r.month === undefined || headcountByMonth[r.month] !== undefined,
    ),
  );
  if (!isPersonsCounted(report.persons)) results.push(...findDuplicateFins(report.persons));
  if (!report.signatories.responsible)
    results.push(blocking('SIGNATORY_MISSING_RESPONSIBLE', 'F25'));
  if (!report.signatories.chiefAccountant)
    results.push(blocking('SIGNATORY_MISSING_CHIEF_ACCOUNTANT', 'F25'));
  if (!report.distributed && count > 0) results.push(blocking('NOT_DISTRIBUTED', 'F22'));
  results.push(...checkReportBalance(context.balance, context.statedDebtEndQepik));
  const stated = context.statedMdss;
  if (
    stated &&
    (stated.employerQepik !== context.computedMdss.employerQepik ||
      stated.employeeQepik !== context.computedMdss.employeeQepik)
  ) {
    results.push(blocking('MDSS_MISMATCH', 'F10'));
  }
  if (
    context.penaltyRecorded &&
    context.penaltyRecorded.storedQepik !== context.penaltyRecorded.currentQepik
  ) {
    results.push({
      severity: 'info',
      code: 'PENALTY_OUT_OF_DATE',
      step: 'F11',
      params: {
        storedQepik: { kind: 'money', qepik: context.penaltyRecorded.storedQepik },
        currentQepik: { kind: 'money', qepik: context.penaltyRecorded.currentQepik },
      },
    });
  }
  results.push(...reconciliationResults(context.warnings));
  return results;
}
