import 'server-only';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { canonicalJson, sha256Hex } from '@/auth/signing';
import {
  employers,
  reportNonLiableIncomes,
  reportPersons,
  reportSeniority,
  reports,
} from '@/db/schema';
import type { ReportPenalty } from '@/lib/domain';
import type { DbOrTx } from '@/db/types';
import type { ReportContext } from '../reports/persons/report-context';
import { buildReportReview, type ReportReview } from '../reports/review/build-report-review';
import { readConfirmations } from '../reports/review/confirmations';
import { documentAccount, type ReportDocument } from './report-document-types';

/** The penalty as signed: the obligations it charges, with their intervals (DOMAIN.md §4). */
function documentPenalty(p: ReportPenalty): NonNullable<ReportDocument['penalty']> {
  return {
    through: p.through,
    totalQepik: p.totalQepik,
    obligations: p.obligations
      .filter((o) => o.days > 0 || o.penaltyQepik > 0)
      .map((o) => ({
        side: o.side,
        month: o.month,
        dueDate: o.dueDate,
        amountQepik: o.amountQepik,
        chargedFrom: o.chargedFrom,
        days: o.days,
        totalDays: o.totalDays,
        penaltyQepik: o.penaltyQepik,
        intervals: o.intervals.map((i) => ({
          from: i.from,
          to: i.to,
          days: i.days,
          overdueQepik: i.overdueQepik,
          dailyRate: { num: i.dailyRate.num, den: i.dailyRate.den },
          penaltyQepik: i.penaltyQepik,
        })),
      })),
  };
}

export type BuiltDocument = {
  document: ReportDocument;
  canonical: string;
  hash: string;
  review: ReportReview;
};

/**
 * The report as it will be signed (issue 6 §4): read from the draft in one pass, with the
 * check page's figures (so what is signed is what the user reviewed). The caller passes a
 * context loaded through the guard; reading under the report's row lock makes it a snapshot.
 */
export async function buildReportDocument(
  db: DbOrTx,
  report: ReportContext,
  options: {
    asOf?: Date;
    /** `report` was loaded under its lock in this transaction and is unchanged since. */
    current?: boolean;
  } = {},
): Promise<BuiltDocument> {
  const of = (t: { reportId: PgColumn; employerId: PgColumn }): SQL =>
    and(eq(t.reportId, report.id), eq(t.employerId, report.employerId)) as SQL;
  // The persons and the non-liable income are read once, for the figures and the document.
  const nonLiableRows = db
    .select({
      reasonCode: reportNonLiableIncomes.reasonCode,
      month: reportNonLiableIncomes.month,
      amountQepik: reportNonLiableIncomes.amountQepik,
    })
    .from(reportNonLiableIncomes)
    .where(of(reportNonLiableIncomes))
    .orderBy(
      asc(reportNonLiableIncomes.month),
      asc(reportNonLiableIncomes.reasonCode),
      asc(reportNonLiableIncomes.amountQepik),
    );
  const personRows = db
    .select({
      fin: reportPersons.fin,
      surname: reportPersons.surname,
      name: reportPersons.name,
      patronymic: reportPersons.patronymic,
      m1: reportPersons.incomeM1Qepik,
      m2: reportPersons.incomeM2Qepik,
      m3: reportPersons.incomeM3Qepik,
    })
    .from(reportPersons)
    .where(of(reportPersons))
    .orderBy(asc(reportPersons.fin));
  // Started together: on one connection the reads go out back to back.
  const nonLiableRead = nonLiableRows.then((rows) => rows);
  const personsRead = personRows.then((rows) => rows);
  const [review, row, [employer], nonLiable, persons, seniority] = await Promise.all([
    buildReportReview(db, report, {
      asOf: options.asOf,
      current: options.current,
      preloaded: { persons: personsRead, nonLiableIncome: nonLiableRead },
    }),
    options.current
      ? report
      : db
          .select()
          .from(reports)
          .where(eq(reports.id, report.id))
          .then((rows) => rows[0]),
    db.select().from(employers).where(eq(employers.id, report.employerId)),
    nonLiableRead,
    personsRead,
    db
      .select({
        fin: reportSeniority.fin,
        entryId: reportSeniority.entryId,
        days: reportSeniority.days,
        fromDate: reportSeniority.fromDate,
        toDate: reportSeniority.toDate,
      })
      .from(reportSeniority)
      .where(of(reportSeniority))
      .orderBy(asc(reportSeniority.fin), asc(reportSeniority.entryId), asc(reportSeniority.id)),
  ]);
  if (!row || !employer) throw new Error(`buildReportDocument: report ${report.id} vanished`);
  const confirmations: Record<string, string> = {};
  for (const [key, c] of Object.entries(readConfirmations(report.confirmations))) {
    confirmations[key] = c.reason;
  }
  const b = review.balance;
  const { figures } = review;
  const document: ReportDocument = {
    schema: 'hesabat.report/2',
    reportId: report.id,
    reportType: row.reportType,
    replacesReportId: row.replacesReportId,
    version: row.version,
    employer: {
      id: employer.id,
      name: employer.name,
      voen: employer.voen,
      dsmfRegNumber: employer.dsmfRegNumber,
    },
    activity: review.activity,
    period: { year: report.year, quarter: report.quarter, months: report.months },
    debtStartQepik: review.debtStartQepik,
    months: review.months.map((m) => ({
      month: m.month,
      labourPaymentsQepik: m.labourPaymentsQepik,
      headcount: m.headcount,
    })),
    nonLiableIncome: nonLiable,
    payments: figures.payments.map((p) => ({
      paymentId: p.paymentId,
      paymentDate: p.paymentDate,
      bankReference: p.bankReference,
      economicClassCode: p.economicClassCode,
      side: p.side,
      amountQepik: p.amountQepik,
    })),
    account: documentAccount(figures.account.state),
    penalty: documentPenalty(figures.penalty),
    application: { ...figures.application },
    lines: review.lines,
    writeOffsQepik: review.writeOffsQepik,
    totals: {
      mdssEmployerQepik: review.months.reduce((t, m) => t + m.employerQepik, 0),
      mdssEmployeeQepik: review.months.reduce((t, m) => t + m.employeeQepik, 0),
      paymentsUsedQepik: figures.application.paidQepik,
      accruedQepik: b.accruedQepik,
      paidQepik: b.paidQepik,
      debtEndQepik: b.debtEndQepik,
      distributedQepik: review.distributedQepik,
      undistributedQepik: review.undistributedQepik,
      persons: persons.length,
    },
    contributions: review.months.map((m) => ({
      month: m.month,
      employerQepik: m.employerQepik,
      employeeQepik: m.employeeQepik,
      paidEmployerQepik: m.paidEmployerQepik,
      paidEmployeeQepik: m.paidEmployeeQepik,
    })),
    persons: persons.map((p) => ({
      fin: p.fin,
      surname: p.surname,
      name: p.name,
      patronymic: p.patronymic,
      incomeQepik: [p.m1, p.m2, p.m3],
    })),
    seniority,
    signatories: review.signatories.map((s) => ({
      role: s.role,
      fin: s.fin,
      documentType: s.documentType,
      surname: s.surname,
      name: s.name,
      patronymic: s.patronymic,
    })),
    confirmations,
  };
  const canonical = canonicalJson(document);
  return { document, canonical, hash: sha256Hex(canonical), review };
}
