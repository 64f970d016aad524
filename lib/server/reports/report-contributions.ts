import 'server-only';
import { reportPersons } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { calculateQuarterContributions, type MonthKey, type PersonIncome } from '@/lib/domain';
import type { EmployerScope } from '../access';
import { ofReport, reportPeriod, type ReportRow } from './report-draft';
import { loadContributionSchedule, loadSector } from './report-rates';
import { AppError } from '../errors';

export type MonthContribution = {
  month: MonthKey;
  persons: number;
  incomeQepik: number;
  employerQepik: number;
  employeeQepik: number;
  totalQepik: number;
};

/**
 * F10: employer and employee MDSS per month of the quarter from the report's persons (DOMAIN.md
 * §2), with the sector of the report's activity code and the regimes in contribution_regimes.
 */
export async function reportContributions(
  db: DbOrTx,
  scope: EmployerScope,
  report: ReportRow,
): Promise<{
  months: MonthContribution[];
  employerQepik: number;
  employeeQepik: number;
  totalQepik: number;
}> {
  const { months } = reportPeriod(report);
  const rows = await db
    .select({
      fin: reportPersons.fin,
      m1: reportPersons.incomeM1Qepik,
      m2: reportPersons.incomeM2Qepik,
      m3: reportPersons.incomeM3Qepik,
    })
    .from(reportPersons)
    .where(ofReport(reportPersons, report.id, scope));
  const persons: PersonIncome[] = rows.map((r) => {
    const byMonth: Partial<Record<MonthKey, number>> = {};
    [r.m1, r.m2, r.m3].forEach((income, i) => {
      if (income !== null) byMonth[months[i] as MonthKey] = income;
    });
    return { fin: r.fin, incomeQepikByMonth: byMonth };
  });
  const result = calculateQuarterContributions({
    schedule: await loadContributionSchedule(db),
    sector: await loadSector(db, report.activityCode),
    months,
    persons,
  });
  if (!result.ok) throw new AppError('CALCULATION_FAILED', { params: { reason: result.code } });
  const perMonth = months.map((month) => ({
    month,
    persons: 0,
    incomeQepik: 0,
    employerQepik: 0,
    employeeQepik: 0,
    totalQepik: 0,
  }));
  for (const row of result.value.rows) {
    const target = perMonth[(months as readonly string[]).indexOf(row.month)];
    if (!target) continue;
    target.persons += 1;
    target.incomeQepik += row.incomeQepik;
    target.employerQepik += row.employerQepik;
    target.employeeQepik += row.employeeQepik;
    target.totalQepik += row.totalQepik;
  }
  return {
    months: perMonth,
    employerQepik: result.value.employerTotalQepik,
    employeeQepik: result.value.employeeTotalQepik,
    totalQepik: result.value.totalQepik,
  };
}
