import 'server-only';
import { and, eq, gte, isNull, lt, or } from 'drizzle-orm';
import { payments, reportPersons } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { EmployerScope } from '../access';
import { addReportPayment } from '../reports/add-report-payment';
import { computePenalty } from '../reports/compute-penalty';
import { distributeReport } from '../reports/distribution/distribute-report';
import { markStepSeen } from '../reports/mark-step-seen';
import { prefillPersonsFromRoster } from '../reports/persons/prefill-persons-from-roster';
import { ofReport, reportPeriod } from '../reports/report-draft';
import { saveHeadcount } from '../reports/save-headcount';
import { saveLabourPayments } from '../reports/save-labour-payments';
import { saveReportLines } from '../reports/save-report-lines';
import { saveSignatory } from '../reports/signatories/save-signatory';
import { loadReportContext } from '../reports/persons/report-context';

const nextMonthStart = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

/**
 * Fills a draft the way a careful accountant would, through the wizard's own use cases: the
 * roster's persons (F20), labour payments and headcount that agree with them (F7, F18), the
 * payments made for the quarter's months — from the month after the first to the end of the
 * month after the last (F6), the penalty (F11), the fund's sanctions and findings (F12, F15),
 * both signatories (F25) and the distribution (F22). Used by the demo history and benchmarks.
 */
export async function completeReportFromRoster(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; chiefAccountantFin: string; asOf: Date },
): Promise<void> {
  const { reportId, asOf } = input;
  const report = await loadReportContext(db, scope, reportId);
  const { months } = reportPeriod(report);
  await prefillPersonsFromRoster(db, scope, { reportId }, asOf);
  const persons = await db
    .select({
      m1: reportPersons.incomeM1Qepik,
      m2: reportPersons.incomeM2Qepik,
      m3: reportPersons.incomeM3Qepik,
    })
    .from(reportPersons)
    .where(ofReport(reportPersons, reportId, scope));
  const incomes = months.map((_, i) => persons.map((p) => [p.m1, p.m2, p.m3][i] ?? null));
  await saveLabourPayments(
    db,
    scope,
    {
      reportId,
      months: months.map((month, i) => ({
        month,
        labourPaymentsQepik: (incomes[i] ?? []).reduce<number>((t, v) => t + (v ?? 0), 0),
      })),
    },
    asOf,
  );
  await saveHeadcount(
    db,
    scope,
    {
      reportId,
      months: months.map((month, i) => ({
        month,
        headcount: (incomes[i] ?? []).filter((v) => v !== null && v > 0).length,
      })),
    },
    asOf,
  );
  const paid = await db
    .select({ id: payments.id })
    .from(payments)
    .where(
      and(
        eq(payments.employerId, scope.employerId),
        or(eq(payments.activityCode, report.activityCode), isNull(payments.activityCode)),
        gte(payments.paymentDate, nextMonthStart(months[0])),
        lt(payments.paymentDate, nextMonthStart(nextMonthStart(months[2]).slice(0, 7))),
      ),
    )
    .orderBy(payments.paymentDate, payments.id);
  for (const p of paid) {
    try {
      await addReportPayment(db, scope, { reportId, paymentId: p.id }, asOf);
    } catch (error) {
      // Another report already took this payment: the demo simply leaves it out.
      if (
        (error as { code?: string }).code !== 'PAYMENT_EXCEEDS_REMAINDER' &&
        (error as { code?: string }).code !== 'NOTHING_TO_ADD'
      )
        throw error;
    }
  }
  await computePenalty(db, scope, { reportId }, asOf);
  await markStepSeen(db, scope, { reportId, step: 'F12' }, asOf);
  await saveReportLines(db, scope, { reportId, step: 'F15', accruedQepik: 0, paidQepik: 0 }, asOf);
  await saveSignatory(
    db,
    scope,
    { reportId, role: 'RESPONSIBLE', fin: scope.fin, documentType: 'DIN' },
    asOf,
  );
  await saveSignatory(
    db,
    scope,
    { reportId, role: 'CHIEF_ACCOUNTANT', fin: input.chiefAccountantFin, documentType: 'DIN' },
    asOf,
  );
  await distributeReport(db, scope, { reportId }, asOf);
}
