// A report's persons reduced to totals per month (issue 15: the check figures of a
// 200 000-person draft without a row per person), with the MDSS of every person as
// calculateQuarterContributions computes it (DOMAIN.md §2).
import type { MonthKey } from '../calendar';
import { resolveContributionRegime, sideContributionQepik } from '../contribution';
import type { ContributionRegime, ContributionSchedule, Sector } from '../contribution-schedule';

/** One month of the quarter over every person. */
export interface MonthPersonTotals {
  readonly month: MonthKey;
  /** Persons with an income given for the month (0 included): the rows MDSS is computed for. */
  readonly rows: number;
  /** Persons with a positive income (F21 counts these). */
  readonly persons: number;
  readonly incomeQepik: number;
  /** Σ of each person's MDSS (each rounded on its own), per side. */
  readonly employerQepik: number;
  readonly employeeQepik: number;
}

export interface PersonTotals {
  /** Number of persons (distinct FINs). */
  readonly count: number;
  /** One per month of the quarter, in order. */
  readonly months: readonly MonthPersonTotals[];
  readonly employerTotalQepik: number;
  readonly employeeTotalQepik: number;
}

/**
 * Incomes of one month: one per person, or each distinct amount with how many persons have it.
 */
export interface MonthIncomes {
  readonly incomeQepik: ArrayLike<number>;
  /** Persons of each amount; none = one person each. */
  readonly persons?: ArrayLike<number>;
}

/**
 * The per-month totals of a report's persons: counts, Σ income and Σ MDSS per side, each
 * person's MDSS computed as calculateQuarterContributions does (the regime of the month, one
 * rounding per person). Null when anything is not as the totals' users assume — a rate that
 * does not resolve, an amount that is not a non-negative safe integer, a total beyond the safe
 * range — so the caller runs computeReportFigures over every person, which names the problem
 * exactly as it always has. DOMAIN.md §1, §2.
 */
export function totalPersonIncomes(input: {
  readonly schedule: ContributionSchedule;
  readonly sector: Sector;
  readonly months: readonly MonthKey[];
  readonly count: number;
  /** Index m is the incomes of months[m]. */
  readonly incomes: readonly MonthIncomes[];
}): PersonTotals | null {
  if (!Number.isSafeInteger(input.count) || input.count < 0) return null;
  if (input.incomes.length !== input.months.length) return null;
  const months: MonthPersonTotals[] = [];
  let employerTotal = 0;
  let employeeTotal = 0;
  for (let m = 0; m < input.months.length; m += 1) {
    const month = input.months[m] as MonthKey;
    const resolved = resolveContributionRegime(input.schedule, input.sector, month);
    if (!resolved.ok) return null;
    const regime: ContributionRegime = resolved.value;
    const { incomeQepik, persons } = input.incomes[m] as MonthIncomes;
    if (persons && incomeQepik.length !== persons.length) return null;
    let rows = 0;
    let positive = 0;
    let income = 0;
    let employer = 0;
    let employee = 0;
    for (let k = 0; k < incomeQepik.length; k += 1) {
      const amount = incomeQepik[k] as number;
      const n = persons ? (persons[k] as number) : 1;
      if (!Number.isSafeInteger(amount) || amount < 0) return null;
      if (!Number.isSafeInteger(n) || n < 1) return null;
      rows += n;
      if (amount > 0) positive += n;
      income += amount * n;
      employer += sideContributionQepik(regime.employer, amount) * n;
      employee += sideContributionQepik(regime.employee, amount) * n;
    }
    // Non-negative addends: totals that stayed safe were exact all the way.
    if (![rows, income, employer, employee].every(Number.isSafeInteger)) return null;
    months.push({
      month,
      rows,
      persons: positive,
      incomeQepik: income,
      employerQepik: employer,
      employeeQepik: employee,
    });
    employerTotal += employer;
    employeeTotal += employee;
  }
  if (!Number.isSafeInteger(employerTotal + employeeTotal)) return null;
  return {
    count: input.count,
    months,
    employerTotalQepik: employerTotal,
    employeeTotalQepik: employeeTotal,
  };
}
