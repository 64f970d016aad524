import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { reportMonths, reportNonLiableIncomes, reportPayments, reportPersons } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { ContributionSchedule } from '@/lib/domain';
import { exactQepikTotal, sumAsText } from '../../exact-sum';
import { loadContributionSchedule } from '../report-rates';
import type { ReportContext } from '../persons/report-context';

/** Everything F19–F23 compute from, read once (one query per table). */
export type DistributionInput = {
  report: ReportContext;
  schedule: ContributionSchedule;
  months: { month: string; labourPaymentsQepik: number | null; headcount: number | null }[];
  nonLiableIncome: { month: string; amountQepik: number }[];
  /** Parallel to the quarter's months; null = not employed that month. */
  persons: { fin: string; m1: number | null; m2: number | null; m3: number | null }[];
  /** Σ of the payments this report uses (F6). */
  paidQepik: number;
};

/** Reads a report's F6–F8, F18 and F20 data for the distribution and the checks (SPEC F19–F23). */
export async function loadDistributionInput(
  db: DbOrTx,
  report: ReportContext,
): Promise<DistributionInput> {
  const ofReport = (t: { reportId: PgColumn; employerId: PgColumn }) =>
    and(eq(t.reportId, report.id), eq(t.employerId, report.employerId));
  const [schedule, months, nonLiableIncome, persons, [paid]] = await Promise.all([
    loadContributionSchedule(db),
    db
      .select({
        month: reportMonths.month,
        labourPaymentsQepik: reportMonths.labourPaymentsQepik,
        headcount: reportMonths.headcount,
      })
      .from(reportMonths)
      .where(ofReport(reportMonths)),
    db
      .select({
        month: reportNonLiableIncomes.month,
        amountQepik: reportNonLiableIncomes.amountQepik,
      })
      .from(reportNonLiableIncomes)
      .where(ofReport(reportNonLiableIncomes)),
    db
      .select({
        fin: reportPersons.fin,
        m1: reportPersons.incomeM1Qepik,
        m2: reportPersons.incomeM2Qepik,
        m3: reportPersons.incomeM3Qepik,
      })
      .from(reportPersons)
      .where(ofReport(reportPersons))
      // FIN order is what the distribution wants; sorted input skips its own sort.
      .orderBy(reportPersons.fin),
    db
      .select({
        total: sumAsText(reportPayments.amountQepik).mapWith(exactQepikTotal),
      })
      .from(reportPayments)
      .where(ofReport(reportPayments)),
  ]);
  return { report, schedule, months, nonLiableIncome, persons, paidQepik: paid?.total ?? 0 };
}
