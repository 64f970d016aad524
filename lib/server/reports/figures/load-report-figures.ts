import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import {
  economicClassCodes,
  payments,
  reportLines,
  reportMonths,
  reportNonLiableIncomes,
  reportPayments,
  reportPersons,
} from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import {
  computeReportFigures,
  type MonthKey,
  type PersonIncome,
  type ReportFigures,
  type Side,
} from '@/lib/domain';
import { now, todayInBaku } from '../../clock';
import {
  correctionWindow,
  loadAccount,
  replacedChain,
  type LoadedAccount,
} from '../account/load-account';
import type { ReportContext } from '../persons/report-context';
import { quarterBounds } from '../report-draft';
import { ledgerBalanceBefore, ledgerEntriesBetween } from '../report-ledger';
import { loadContributionSchedule } from '../report-rates';
import { AppError } from '../../errors';

export type FiguresPayment = {
  paymentId: string;
  paymentDate: string;
  bankReference: string;
  economicClassCode: string;
  side: Side;
  amountQepik: number;
};

export type LoadedFigures = ReportFigures & {
  debtStartQepik: number;
  writeOffsQepik: number;
  /** The PENALTY line as "HESABLA" last recorded it (the figures carry today's). */
  storedPenaltyQepik: number;
  payments: FiguresPayment[];
  persons: { fin: string; m1: number | null; m2: number | null; m3: number | null }[];
  account: LoadedAccount;
};

/**
 * Every figure of a report as it stands (issue 10 §4: never older than its inputs): its rows,
 * the activity code's account from the ledger (F4 included, re-read now), the penalty up to
 * today in Baku — for a corrective report, up to the date the report it replaces was
 * calculated to — and then lib/domain's one computation. Reads only.
 */
export async function loadReportFigures(
  db: DbOrTx,
  report: ReportContext,
  options: { asOf?: Date } = {},
): Promise<LoadedFigures> {
  const of = (t: { reportId: PgColumn; employerId: PgColumn }) =>
    and(eq(t.reportId, report.id), eq(t.employerId, report.employerId));
  const chain = await replacedChain(db, report.employerId, report.replacesReportId);
  const bounds = quarterBounds(report);
  const [schedule, months, nonLiableIncome, persons, used, lines, account, debtStart, writeOffs] =
    await Promise.all([
      loadContributionSchedule(db),
      db
        .select({
          month: reportMonths.month,
          labourPaymentsQepik: reportMonths.labourPaymentsQepik,
          headcount: reportMonths.headcount,
        })
        .from(reportMonths)
        .where(of(reportMonths)),
      db
        .select({
          month: reportNonLiableIncomes.month,
          amountQepik: reportNonLiableIncomes.amountQepik,
        })
        .from(reportNonLiableIncomes)
        .where(of(reportNonLiableIncomes)),
      db
        .select({
          fin: reportPersons.fin,
          m1: reportPersons.incomeM1Qepik,
          m2: reportPersons.incomeM2Qepik,
          m3: reportPersons.incomeM3Qepik,
        })
        .from(reportPersons)
        .where(of(reportPersons))
        // FIN order is what the distribution wants; sorted input skips its own sort.
        .orderBy(reportPersons.fin),
      db
        .select({
          paymentId: reportPayments.paymentId,
          paymentDate: payments.paymentDate,
          bankReference: payments.bankReference,
          economicClassCode: payments.economicClassCode,
          side: economicClassCodes.side,
          amountQepik: reportPayments.amountQepik,
        })
        .from(reportPayments)
        .innerJoin(payments, eq(payments.id, reportPayments.paymentId))
        .innerJoin(economicClassCodes, eq(economicClassCodes.code, payments.economicClassCode))
        .where(of(reportPayments))
        .orderBy(asc(payments.paymentDate), asc(reportPayments.paymentId)),
      db.select().from(reportLines).where(of(reportLines)),
      loadAccount(db, {
        employerId: report.employerId,
        activityCode: report.activityCode,
        excludeReportIds: chain,
        extraMonths: report.months,
      }),
      ledgerBalanceBefore(db, report.employerId, report.activityCode, bounds.from),
      ledgerEntriesBetween(db, report.employerId, report.activityCode, ['WRITE_OFF'], bounds),
    ]);
  let through = todayInBaku(options.asOf ?? now());
  let chargedThrough = account.chargedThrough;
  if (report.reportType === 'CORRECTIVE' && report.replacesReportId) {
    const window = await correctionWindow(db, {
      employerId: report.employerId,
      replacedReportId: report.replacesReportId,
      chargedElsewhere: account.chargedThrough,
    });
    through = window.through;
    chargedThrough = window.chargedThrough;
  }
  const personIncomes: PersonIncome[] = persons.map((p) => {
    const byMonth: Partial<Record<MonthKey, number>> = {};
    [p.m1, p.m2, p.m3].forEach((v, i) => {
      if (v !== null) byMonth[report.months[i] as MonthKey] = v;
    });
    return { fin: p.fin, incomeQepikByMonth: byMonth };
  });
  // WRITE_OFF entries are negative in the ledger; the balance takes the amount written off.
  const writeOffsQepik = -writeOffs.reduce((t, e) => t + e.amountQepik, 0);
  const figures = computeReportFigures({
    period: { year: report.year, quarter: report.quarter },
    sector: report.sector,
    schedule,
    persons: personIncomes,
    months,
    nonLiableIncome,
    payments: used,
    lines: lines.map((l) => ({
      category: l.category,
      accruedQepik: l.accruedQepik,
      paidQepik: l.paidQepik,
    })),
    account: account.state,
    debtStartQepik: debtStart,
    writeOffsQepik,
    penalty: {
      dueDates: account.dueDates,
      chargedThrough,
      through,
      parameters: account.parameters,
    },
  });
  if (!figures.ok)
    throw new AppError('CALCULATION_FAILED', {
      params: { reason: String(figures.params?.reason ?? figures.code) },
    });
  return {
    ...figures.value,
    debtStartQepik: debtStart,
    writeOffsQepik,
    storedPenaltyQepik: lines.find((l) => l.category === 'PENALTY')?.accruedQepik ?? 0,
    payments: used,
    persons,
    account,
  };
}
