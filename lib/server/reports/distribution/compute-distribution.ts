import 'server-only';
import {
  buildPosting,
  calculateQuarterContributions,
  distributedToPersonsQepik,
  reconcileMonths,
  type ContributionSchedule,
  type MonthFigures,
  type MonthKey,
  type PersonIncome,
  type Sector,
} from '@/lib/domain';
import { withWarningTexts, type DistributionWarning } from './distribution-warnings';
import { AppError } from '../../errors';

/** What the payroll API's validate computes from a payload (no ledger, no payment sides). */
export type DistributionInput = {
  report: {
    sector: Sector;
    year: number;
    quarter: 1 | 2 | 3 | 4;
    months: [MonthKey, MonthKey, MonthKey];
    [other: string]: unknown;
  };
  schedule: ContributionSchedule;
  months: { month: string; labourPaymentsQepik: number | null; headcount: number | null }[];
  nonLiableIncome: { month: string; amountQepik: number }[];
  persons: { fin: string; m1: number | null; m2: number | null; m3: number | null }[];
  /** Σ of the payments the existing draft uses (F6). */
  paidQepik: number;
};

export type DistributionFigures = {
  months: MonthFigures[];
  personIncomes: PersonIncome[];
  warnings: DistributionWarning[];
  employerTotalQepik: number;
  employeeTotalQepik: number;
  paidQepik: number;
  distributedQepik: number;
  undistributedQepik: number;
};

function fail(code: string): never {
  throw new AppError('CALCULATION_FAILED', { params: { reason: code } });
}

/**
 * A payload's MDSS, reconciliation and distribution through lib/domain, for the payroll API's
 * validate (it has no ledger and its payments have no side: the paid amount is applied to the
 * quarter's months in the DOMAIN.md §5 order, as credit would be). The wizard uses
 * loadReportFigures, which knows the account and each payment's side.
 */
export function computeDistribution(input: DistributionInput): DistributionFigures {
  const months = input.report.months;
  const personIncomes: PersonIncome[] = input.persons.map((p) => {
    const byMonth: Partial<Record<MonthKey, number>> = {};
    [p.m1, p.m2, p.m3].forEach((v, i) => {
      if (v !== null) byMonth[months[i] as MonthKey] = v;
    });
    return { fin: p.fin, incomeQepikByMonth: byMonth };
  });
  const labour: Partial<Record<MonthKey, number>> = {};
  for (const m of input.months)
    if (m.labourPaymentsQepik !== null) labour[m.month] = m.labourPaymentsQepik;
  const nonLiable = input.nonLiableIncome.filter((n) => (months as string[]).includes(n.month));
  const reconciled = reconcileMonths({
    months,
    persons: personIncomes,
    labourPaymentsQepikByMonth: labour,
    nonLiableIncome: nonLiable,
  });
  if (!reconciled.ok) fail(reconciled.code);
  const mdss = calculateQuarterContributions({
    schedule: input.schedule,
    sector: input.report.sector,
    months,
    persons: personIncomes,
  });
  if (!mdss.ok) fail(mdss.code);
  const posting = buildPosting({
    period: { year: input.report.year, quarter: input.report.quarter },
    account: {
      items: [],
      credits:
        input.paidQepik > 0 ? [{ date: `${months[0]}-01`, amountQepik: input.paidQepik }] : [],
    },
    contributions: mdss.value.rows,
    payments: [],
    lines: [],
  });
  if (!posting.ok) fail(posting.code);
  const figures = new Map<string, MonthFigures & { [k: string]: unknown }>();
  for (const month of months) {
    const row = input.months.find((m) => m.month === month);
    figures.set(month, {
      month,
      labourPaymentsQepik: row?.labourPaymentsQepik ?? null,
      nonLiableQepik: nonLiable
        .filter((n) => n.month === month)
        .reduce((t, n) => t + n.amountQepik, 0),
      headcount: row?.headcount ?? null,
      persons: 0,
      personsIncomeQepik: 0,
      employerQepik: 0,
      employeeQepik: 0,
      paidEmployerQepik: 0,
      paidEmployeeQepik: 0,
    });
  }
  for (const p of posting.value.persons) {
    const f = figures.get(p.month);
    if (!f) continue;
    figures.set(p.month, {
      ...f,
      persons: f.persons + (p.incomeQepik > 0 ? 1 : 0),
      personsIncomeQepik: f.personsIncomeQepik + p.incomeQepik,
      employerQepik: f.employerQepik + p.employerMdssQepik,
      employeeQepik: f.employeeQepik + p.employeeMdssQepik,
      paidEmployerQepik: f.paidEmployerQepik + p.paidEmployerQepik,
      paidEmployeeQepik: f.paidEmployeeQepik + p.paidEmployeeQepik,
    });
  }
  const distributedQepik = distributedToPersonsQepik(posting.value.application);
  return {
    months: [...figures.values()],
    personIncomes,
    warnings: withWarningTexts(reconciled.value),
    employerTotalQepik: mdss.value.employerTotalQepik,
    employeeTotalQepik: mdss.value.employeeTotalQepik,
    paidQepik: input.paidQepik,
    distributedQepik,
    undistributedQepik: input.paidQepik - distributedQepik,
  };
}
