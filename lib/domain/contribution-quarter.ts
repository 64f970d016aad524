// Contributions of every insured person for the months of a report (DOMAIN.md §2, SPEC F10).
import type { MonthKey } from './calendar';
import {
  resolveContributionRegime,
  sideContributionQepik,
  type Contribution,
  type ContributionCode,
} from './contribution';
import type { ContributionRegime, ContributionSchedule, Sector } from './contribution-schedule';
import type { Qepik } from './money';
import { err, ok, type Result } from './result';
import type { PersonIncome } from './distribution/reconciliation';

export interface PersonMonthContribution extends Contribution {
  readonly fin: string;
  readonly month: MonthKey;
  readonly incomeQepik: Qepik;
}

export interface QuarterContributions {
  readonly rows: readonly PersonMonthContribution[];
  /** Σ income over every person and month. */
  readonly incomeTotalQepik: Qepik;
  readonly employeeTotalQepik: Qepik;
  readonly employerTotalQepik: Qepik;
  readonly totalQepik: Qepik;
}

/**
 * Every person's employee and employer MDSS for each given month, resolving the regime once
 * per month; months without income give no row. Totals are exact: amounts are non-negative, so
 * every partial sum (a month's, a side's) is at most the grand totals, which must be safe
 * integers, else TOTAL_TOO_LARGE (with the month whose income pushed it over). DOMAIN.md §1, §2,
 * SPEC F10.
 */
export function calculateQuarterContributions(input: {
  readonly schedule: ContributionSchedule;
  readonly sector: Sector;
  readonly months: readonly MonthKey[];
  readonly persons: readonly PersonIncome[];
}): Result<QuarterContributions, ContributionCode> {
  const regimes: ContributionRegime[] = [];
  for (const month of input.months) {
    const regime = resolveContributionRegime(input.schedule, input.sector, month);
    if (!regime.ok) return regime;
    regimes.push(regime.value);
  }
  const rows: PersonMonthContribution[] = [];
  let incomeTotal = 0;
  let employeeTotal = 0;
  let employerTotal = 0;
  for (const person of input.persons) {
    for (let m = 0; m < input.months.length; m += 1) {
      const month = input.months[m] as MonthKey;
      const incomeQepik = person.incomeQepikByMonth[month];
      if (incomeQepik === undefined) continue;
      if (!Number.isSafeInteger(incomeQepik)) {
        return err('AMOUNT_NOT_INTEGER_QEPIK', { fin: person.fin, month });
      }
      if (incomeQepik < 0) return err('AMOUNT_NEGATIVE', { fin: person.fin, month });
      // The hot loop of a 50 000-person report: plain numbers, no intermediate results.
      const regime = regimes[m] as ContributionRegime;
      const employeeQepik = sideContributionQepik(regime.employee, incomeQepik) as Qepik;
      const employerQepik = sideContributionQepik(regime.employer, incomeQepik) as Qepik;
      const totalQepik = (employeeQepik + employerQepik) as Qepik;
      rows.push({
        fin: person.fin,
        month,
        incomeQepik: incomeQepik as Qepik,
        employeeQepik,
        employerQepik,
        totalQepik,
      });
      incomeTotal += incomeQepik;
      employeeTotal += employeeQepik;
      employerTotal += employerQepik;
      if (!Number.isSafeInteger(incomeTotal)) return err('TOTAL_TOO_LARGE', { month });
    }
  }
  const total = employeeTotal + employerTotal;
  if (!Number.isSafeInteger(total)) return err('TOTAL_TOO_LARGE');
  return ok({
    rows,
    incomeTotalQepik: incomeTotal as Qepik,
    employeeTotalQepik: employeeTotal as Qepik,
    employerTotalQepik: employerTotal as Qepik,
    totalQepik: total as Qepik,
  });
}
