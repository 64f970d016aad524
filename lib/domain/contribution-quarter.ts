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
  /** Σ income of each given month over every person (a month without income is 0). */
  readonly incomeQepikByMonth: Readonly<Record<MonthKey, Qepik>>;
  readonly employeeTotalQepik: Qepik;
  readonly employerTotalQepik: Qepik;
  readonly totalQepik: Qepik;
}

/**
 * Every person's employee and employer MDSS for each given month, resolving the regime once
 * per month; months without income give no row. Totals are exact: amounts are non-negative, so
 * every partial sum is at most a checked total (each month's income, each side's MDSS), which
 * must be a safe integer, else TOTAL_TOO_LARGE (with the month of the income). DOMAIN.md §1, §2,
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
  const incomeByMonth = input.months.map(() => 0);
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
      const monthIncome = (incomeByMonth[m] as number) + incomeQepik;
      if (!Number.isSafeInteger(monthIncome)) return err('TOTAL_TOO_LARGE', { month });
      incomeByMonth[m] = monthIncome;
      employeeTotal += employeeQepik;
      employerTotal += employerQepik;
    }
  }
  const total = employeeTotal + employerTotal;
  if (!Number.isSafeInteger(total)) return err('TOTAL_TOO_LARGE');
  return ok({
    rows,
    incomeQepikByMonth: Object.fromEntries(
      input.months.map((month, m) => [month, incomeByMonth[m] as Qepik]),
    ),
    employeeTotalQepik: employeeTotal as Qepik,
    employerTotalQepik: employerTotal as Qepik,
    totalQepik: total as Qepik,
  });
}
