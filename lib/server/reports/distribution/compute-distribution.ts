import 'server-only';
import {
  calculateQuarterContributions,
  distributePayment,
  formatMessage,
  reconcileMonths,
  type MonthKey,
  type PersonIncome,
  type PersonMonthContribution,
  type ReconciliationWarning,
} from '@/lib/domain';
import { PersonError } from '../persons/person-errors';
import type { DistributionInput } from './load-distribution-input';

/** An F23 warning with its texts and the key a confirmation is stored under. */
export type DistributionWarning = ReconciliationWarning & {
  key: string;
  text: { az: string; en: string };
};

export type MonthFigures = {
  month: MonthKey;
  labourPaymentsQepik: number | null;
  nonLiableQepik: number;
  headcount: number | null;
  /** Persons with a positive income this month (F21 counts these). */
  persons: number;
  personsIncomeQepik: number;
  employerQepik: number;
  employeeQepik: number;
  /** What the distribution (F22) puts on this month, per side. */
  paidEmployerQepik: number;
  paidEmployeeQepik: number;
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

/** The key under which a confirmed warning is stored in reports.confirmations (code:month). */
export function warningKey(w: { code: string; month: string }): string {
  return `${w.code}:${w.month}`;
}

function fail(code: string): never {
  throw new PersonError('CALCULATION_FAILED', { params: { reason: code } });
}

/**
 * F19–F23 over loaded data, all through lib/domain: the per-month reconciliation (DOMAIN.md §6,
 * warnings with the step that fixes them), the MDSS of every person and month (§2), and the
 * equal split of the paid amount among persons with debt (§7). There are no debts of persons
 * from earlier quarters yet (posting to individual accounts is a later issue), so the persons'
 * debts are this quarter's dues only; what exceeds them stays undistributed.
 */
export function computeDistribution(input: DistributionInput): DistributionFigures {
  const months = input.report.months;
  const personIncomes: PersonIncome[] = input.persons.map((p) => {
    const byMonth: Partial<Record<MonthKey, number>> = {};
    if (p.m1 !== null) byMonth[months[0]] = p.m1;
    if (p.m2 !== null) byMonth[months[1]] = p.m2;
    if (p.m3 !== null) byMonth[months[2]] = p.m3;
    return { fin: p.fin, incomeQepikByMonth: byMonth };
  });
  const labour = new Map(input.months.map((m) => [m.month, m]));
  const labourPaymentsQepikByMonth: Partial<Record<MonthKey, number>> = {};
  for (const m of input.months)
    if (m.labourPaymentsQepik !== null) labourPaymentsQepikByMonth[m.month] = m.labourPaymentsQepik;
  const nonLiableIncome = input.nonLiableIncome.filter((n) => months.includes(n.month));
  const reconciled = reconcileMonths({
    months,
    persons: personIncomes,
    labourPaymentsQepikByMonth,
    nonLiableIncome,
  });
  if (!reconciled.ok) fail(reconciled.code);
  const mdss = calculateQuarterContributions({
    schedule: input.schedule,
    sector: input.report.sector,
    months,
    persons: personIncomes,
  });
  if (!mdss.ok) fail(mdss.code);
  const distribution = distributePayment(input.paidQepik, mdss.value.rows);
  if (!distribution.ok) fail(distribution.code);

  const figures = new Map<MonthKey, MonthFigures>(
    months.map((month) => [
      month,
      {
        month,
        labourPaymentsQepik: labour.get(month)?.labourPaymentsQepik ?? null,
        nonLiableQepik: nonLiableIncome
          .filter((n) => n.month === month)
          .reduce((t, n) => t + n.amountQepik, 0),
        headcount: labour.get(month)?.headcount ?? null,
        persons: 0,
        personsIncomeQepik: 0,
        employerQepik: 0,
        employeeQepik: 0,
        paidEmployerQepik: 0,
        paidEmployeeQepik: 0,
      },
    ]),
  );
  for (const row of mdss.value.rows as PersonMonthContribution[]) {
    const f = figures.get(row.month)!;
    if (row.incomeQepik > 0) f.persons += 1;
    f.personsIncomeQepik += row.incomeQepik;
    f.employerQepik += row.employerQepik;
    f.employeeQepik += row.employeeQepik;
  }
  for (const row of distribution.value.rows) {
    const f = figures.get(row.month)!;
    f.paidEmployerQepik += row.employerQepik;
    f.paidEmployeeQepik += row.employeeQepik;
  }
  const warnings = reconciled.value.map((w) => {
    const params = {
      month: { kind: 'month' as const, month: w.month },
      difference: { kind: 'money' as const, qepik: w.differenceQepik },
      nonLiable: { kind: 'money' as const, qepik: w.nonLiableQepik },
    };
    return {
      ...w,
      key: warningKey(w),
      text: { az: formatMessage(w.code, params, 'az'), en: formatMessage(w.code, params, 'en') },
    };
  });
  return {
    months: [...figures.values()],
    personIncomes,
    warnings,
    employerTotalQepik: mdss.value.employerTotalQepik,
    employeeTotalQepik: mdss.value.employeeTotalQepik,
    paidQepik: input.paidQepik,
    distributedQepik: distribution.value.distributedQepik,
    undistributedQepik: distribution.value.undistributedQepik,
  };
}
