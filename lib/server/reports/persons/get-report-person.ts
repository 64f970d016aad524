import 'server-only';
import { and, eq } from 'drizzle-orm';
import { reportPersons } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { calculateContribution, type MonthKey } from '@/lib/domain';
import { assertScopeService, type EmployerScope } from '../../access';
import { AppError } from '../../errors';
import { loadContributionSchedule } from '../report-rates';
import { requirePersonFin } from './person-input';
import { loadReportContext } from './report-context';

export type ReportPersonMonth = {
  month: MonthKey;
  /** null = not employed that month (no contribution). */
  incomeQepik: number | null;
  employerQepik: number;
  employeeQepik: number;
};

export type ReportPersonDetail = {
  fin: string;
  surname: string;
  name: string;
  patronymic: string;
  months: ReportPersonMonth[];
  totalIncomeQepik: number;
  totalEmployerQepik: number;
  totalEmployeeQepik: number;
};

/**
 * One insured person of a report with the employer and employee MDSS of each month, computed
 * by lib/domain for the activity code's sector (SPEC F20 detail view, DOMAIN.md §2).
 */
export async function getReportPerson(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; fin: string },
): Promise<ReportPersonDetail> {
  assertScopeService(scope, 'REPORTS');
  const fin = requirePersonFin(input.fin);
  const report = await loadReportContext(db, scope, input.reportId);
  const [person] = await db
    .select()
    .from(reportPersons)
    .where(
      and(
        eq(reportPersons.reportId, report.id),
        eq(reportPersons.employerId, scope.employerId),
        eq(reportPersons.fin, fin),
      ),
    );
  if (!person) throw new AppError('NOT_FOUND');
  const schedule = await loadContributionSchedule(db);
  const incomes = [person.incomeM1Qepik, person.incomeM2Qepik, person.incomeM3Qepik];
  const months = report.months.map((month, i): ReportPersonMonth => {
    const incomeQepik = incomes[i] ?? null;
    if (incomeQepik === null) return { month, incomeQepik, employerQepik: 0, employeeQepik: 0 };
    const mdss = calculateContribution({ schedule, sector: report.sector, month, incomeQepik });
    if (!mdss.ok) throw new AppError('CALCULATION_FAILED', { params: { reason: mdss.code } });
    return {
      month,
      incomeQepik,
      employerQepik: mdss.value.employerQepik,
      employeeQepik: mdss.value.employeeQepik,
    };
  });
  const sum = (pick: (m: ReportPersonMonth) => number) => months.reduce((t, m) => t + pick(m), 0);
  return {
    fin: person.fin,
    surname: person.surname,
    name: person.name,
    patronymic: person.patronymic,
    months,
    totalIncomeQepik: sum((m) => m.incomeQepik ?? 0),
    totalEmployerQepik: sum((m) => m.employerQepik),
    totalEmployeeQepik: sum((m) => m.employeeQepik),
  };
}
