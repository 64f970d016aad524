import 'server-only';
import {
  checkReport,
  computeReportBalance,
  reconcileMonths,
  type ContributionSchedule,
  type MonthKey,
  type Posting,
  type ValidationResult,
} from '@/lib/domain';
import { AppError } from '../errors';
import { personIncomesOf } from '../reports/review/check-draft';
import { documentContributions } from './posting';
import type { ReportDocument } from './report-document-types';

/**
 * A signed report's own rules (issue 11 §3) through the same engine as its check page: the
 * document's persons, months, signatories and lines, its closing debt against what its lines
 * give (the payments by their side, as the document's own application says) and its MDSS against
 * what its persons give. The automatic checks turn the blocking ones into return reasons.
 */
export function checkDocument(
  document: ReportDocument,
  schedule: ContributionSchedule,
  posting: Pick<Posting, 'application'>,
): ValidationResult[] {
  const months = document.period.months as MonthKey[];
  const persons = personIncomesOf(
    document.persons.map((p) => ({
      fin: p.fin,
      m1: p.incomeQepik[0],
      m2: p.incomeQepik[1],
      m3: p.incomeQepik[2],
    })),
    months,
  );
  const application = document.application ?? posting.application;
  const balance = computeReportBalance({
    debtStartQepik: document.debtStartQepik,
    writeOffsQepik: document.writeOffsQepik,
    lines: [
      {
        category: 'MDSS_EMPLOYER',
        accruedQepik: document.totals.mdssEmployerQepik,
        paidQepik: application.paidEmployerQepik,
      },
      {
        category: 'MDSS_EMPLOYEE',
        accruedQepik: document.totals.mdssEmployeeQepik,
        paidQepik: application.paidEmployeeQepik,
      },
      // Only the sums matter here: every line adds its accrued and its paid amount.
      ...document.lines.map((l) => ({
        category: 'OTHER_ACCRUALS' as const,
        accruedQepik: l.accruedQepik,
        paidQepik: l.paidQepik,
      })),
    ],
  });
  if (!balance.ok) throw new AppError('CALCULATION_FAILED', { params: { reason: balance.code } });
  const labour: Partial<Record<MonthKey, number>> = {};
  for (const m of document.months)
    if (m.labourPaymentsQepik !== null) labour[m.month] = m.labourPaymentsQepik;
  const reconciled = reconcileMonths({
    months,
    persons,
    labourPaymentsQepikByMonth: labour,
    nonLiableIncome: document.nonLiableIncome,
  });
  const mdss = documentContributions(document, schedule);
  // A document's totals that do not add up are a balance mismatch, whatever its closing debt.
  const totalsAgree =
    balance.value.accruedQepik === document.totals.accruedQepik &&
    balance.value.paidQepik === document.totals.paidQepik;
  const results = checkReport(
    {
      months,
      monthRows: document.months.map((m) => ({
        month: m.month,
        labourPaymentsQepik: m.labourPaymentsQepik,
        headcount: m.headcount,
      })),
      persons,
      signatories: {
        responsible: document.signatories.some((s) => s.role === 'RESPONSIBLE'),
        chiefAccountant: document.signatories.some((s) => s.role === 'CHIEF_ACCOUNTANT'),
      },
      // It was distributed when signed: the check page refuses to send otherwise.
      distributed: true,
    },
    {
      warnings: reconciled.ok ? reconciled.value : [],
      balance: balance.value,
      statedDebtEndQepik: document.totals.debtEndQepik,
      statedMdss: {
        employerQepik: document.totals.mdssEmployerQepik,
        employeeQepik: document.totals.mdssEmployeeQepik,
      },
      computedMdss: {
        employerQepik: mdss.employerTotalQepik,
        employeeQepik: mdss.employeeTotalQepik,
      },
    },
  );
  if (!totalsAgree && !results.some((r) => r.code === 'BALANCE_MISMATCH')) {
    results.push({
      severity: 'blocking',
      code: 'BALANCE_MISMATCH',
      step: 'F17',
      params: {
        expected: { kind: 'money', qepik: balance.value.debtEndQepik },
        actual: { kind: 'money', qepik: document.totals.debtEndQepik },
      },
    });
  }
  return results;
}
