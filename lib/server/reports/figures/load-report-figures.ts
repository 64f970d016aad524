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
  computeReportTotals,
  totalPersonIncomes,
  type PersonsUnderCheck,
  type ReportTotalsFigures,
  type ContributionSchedule,
  type IsoDate,
  type MonthKey,
  type ReportFigures,
  type ReportFiguresInput,
  type Side,
} from '@/lib/domain';
import { now, todayInBaku } from '../../clock';
import { AppError } from '../../errors';
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
import type { StoredAmounts } from '../find-over-bound-amounts';
import { personIncomesOf } from '../review/check-draft';
import { loadPersonIncomes } from './load-person-incomes';

export type FiguresPayment = {
  paymentId: string;
  paymentDate: string;
  bankReference: string;
  economicClassCode: string;
  side: Side;
  amountQepik: number;
};

/** Everything a report's figures need besides its own rows: the rates and the account. */
export type FiguresContext = {
  schedule: ContributionSchedule;
  account: LoadedAccount;
  /** F4: the ledger balance before the quarter, now. */
  debtStartQepik: number;
  /** The fund's write-offs dated in the quarter. */
  writeOffsQepik: number;
  penalty: ReportFiguresInput['penalty'];
};

/** A report's figures without the rows per person: what the check figures are made of. */
export type ReviewFigures = ReportTotalsFigures & {
  debtStartQepik: number;
  writeOffsQepik: number;
  /** The PENALTY line as "HESABLA" last recorded it (the figures carry today's). */
  storedPenaltyQepik: number;
  payments: FiguresPayment[];
  account: LoadedAccount;
  /** The persons as the rules read them: every person, or their counts. */
  personsUnderCheck: PersonsUnderCheck;
  /** The stored amounts the figures were computed from (over-bound checks read them here). */
  stored: Pick<StoredAmounts, 'labour' | 'nonLiable' | 'lines'>;
};

export type LoadedFigures = ReportFigures &
  ReviewFigures & {
    persons: { fin: string; m1: number | null; m2: number | null; m3: number | null }[];
  };

/**
 * The account and rates a report of (employer, activity code, quarter) is figured against
 * (issue 10 §1–§4): the activity code's ledger replayed (without what the reports a corrective
 * one replaces posted), F4 and the quarter's write-offs re-read now, and the penalty window —
 * up to today in Baku, or for a corrective report up to the date the report it replaces was
 * calculated to. Shared by drafts and the payroll API, so both compute the same.
 */
export async function loadFiguresContext(
  db: DbOrTx,
  key: {
    employerId: string;
    activityCode: string;
    year: number;
    quarter: number;
    months: readonly MonthKey[];
    reportType: 'INITIAL' | 'CORRECTIVE';
    replacesReportId: string | null;
  },
  asOf: Date = now(),
): Promise<FiguresContext> {
  const chain = await replacedChain(db, key.employerId, key.replacesReportId);
  const bounds = quarterBounds(key);
  const [schedule, account, debtStartQepik, writeOffs] = await Promise.all([
    loadContributionSchedule(db),
    loadAccount(db, {
      employerId: key.employerId,
      activityCode: key.activityCode,
      excludeReportIds: chain,
      extraMonths: key.months,
    }),
    ledgerBalanceBefore(db, key.employerId, key.activityCode, bounds.from),
    ledgerEntriesBetween(db, key.employerId, key.activityCode, ['WRITE_OFF'], bounds),
  ]);
  let through: IsoDate = todayInBaku(asOf);
  let chargedThrough = account.chargedThrough;
  if (key.reportType === 'CORRECTIVE' && key.replacesReportId) {
    const window = await correctionWindow(db, {
      employerId: key.employerId,
      replacedReportId: key.replacesReportId,
      chargedElsewhere: account.chargedThrough,
    });
    through = window.through;
    chargedThrough = window.chargedThrough;
  }
  return {
    schedule,
    account,
    debtStartQepik,
    // WRITE_OFF entries are negative in the ledger; the balance takes the amount written off.
    writeOffsQepik: -writeOffs.reduce((t, e) => t + e.amountQepik, 0),
    penalty: {
      dueDates: account.dueDates,
      chargedThrough,
      through,
      parameters: account.parameters,
    },
  };
}

/** lib/domain's one computation over a report's rows and its context; a failure is coded. */
export function computeFigures(
  context: FiguresContext,
  rows: Omit<
    ReportFiguresInput,
    'schedule' | 'account' | 'debtStartQepik' | 'writeOffsQepik' | 'penalty'
  >,
): ReportFigures {
  const figures = computeReportFigures({
    ...rows,
    schedule: context.schedule,
    account: context.account.state,
    debtStartQepik: context.debtStartQepik,
    writeOffsQepik: context.writeOffsQepik,
    penalty: context.penalty,
  });
  if (!figures.ok) {
    throw new AppError('CALCULATION_FAILED', {
      params: { reason: String(figures.params?.reason ?? figures.code) },
    });
  }
  return figures.value;
}

/** The payments a report uses (F6), with their classification code's side, oldest first. */
export async function loadReportPayments(
  db: DbOrTx,
  report: { id: string; employerId: string },
): Promise<FiguresPayment[]> {
  return db
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
    .where(
      and(eq(reportPayments.reportId, report.id), eq(reportPayments.employerId, report.employerId)),
    )
    .orderBy(asc(payments.paymentDate), asc(reportPayments.paymentId));
}

type FigureRows = {
  context: FiguresContext;
  rows: Omit<
    ReportFiguresInput,
    'schedule' | 'account' | 'debtStartQepik' | 'writeOffsQepik' | 'penalty' | 'persons'
  >;
  used: FiguresPayment[];
  storedPenaltyQepik: number;
  stored: ReviewFigures['stored'];
};

/**
 * Rows a caller reads anyway (the document: the persons with their names, the non-liable
 * income with its reasons), handed in so they are read once; in the report's own order.
 */
export type PreloadedReportRows = {
  persons: Promise<LoadedFigures['persons']>;
  nonLiableIncome: Promise<{ month: string; amountQepik: number }[]>;
};

type LoadOptions = { asOf?: Date; preloaded?: PreloadedReportRows };

/** A report's rows and context besides its persons. */
async function loadFigureRows(
  db: DbOrTx,
  report: ReportContext,
  options: LoadOptions,
): Promise<FigureRows> {
  const of = (t: { reportId: PgColumn; employerId: PgColumn }) =>
    and(eq(t.reportId, report.id), eq(t.employerId, report.employerId));
  const [context, months, nonLiableIncome, used, lines] = await Promise.all([
    loadFiguresContext(db, report, options.asOf),
    db
      .select({
        month: reportMonths.month,
        labourPaymentsQepik: reportMonths.labourPaymentsQepik,
        headcount: reportMonths.headcount,
      })
      .from(reportMonths)
      .where(of(reportMonths)),
    options.preloaded?.nonLiableIncome ??
      db
        .select({
          month: reportNonLiableIncomes.month,
          amountQepik: reportNonLiableIncomes.amountQepik,
        })
        .from(reportNonLiableIncomes)
        .where(of(reportNonLiableIncomes)),
    loadReportPayments(db, report),
    db.select().from(reportLines).where(of(reportLines)),
  ]);
  return {
    context,
    rows: {
      period: { year: report.year, quarter: report.quarter },
      sector: report.sector,
      months,
      nonLiableIncome,
      payments: used,
      lines: lines.map((l) => ({
        category: l.category,
        accruedQepik: l.accruedQepik,
        paidQepik: l.paidQepik,
      })),
    },
    used,
    storedPenaltyQepik: lines.find((l) => l.category === 'PENALTY')?.accruedQepik ?? 0,
    stored: {
      labour: months.map((m) => ({ month: m.month, amountQepik: m.labourPaymentsQepik })),
      nonLiable: nonLiableIncome,
      lines,
    },
  };
}

/** What a loaded report's figures carry besides lib/domain's. */
function withLoaded<F>(figures: F, loaded: FigureRows) {
  return {
    ...figures,
    debtStartQepik: loaded.context.debtStartQepik,
    writeOffsQepik: loaded.context.writeOffsQepik,
    storedPenaltyQepik: loaded.storedPenaltyQepik,
    payments: loaded.used,
    account: loaded.context.account,
    stored: loaded.stored,
  };
}

/**
 * Every figure of a report as it stands (issue 10 §4: never older than its inputs): its rows
 * and its context, then lib/domain's one computation. Reads only.
 */
export async function loadReportFigures(
  db: DbOrTx,
  report: ReportContext,
  options: LoadOptions = {},
): Promise<LoadedFigures> {
  const [loaded, persons] = await Promise.all([
    loadFigureRows(db, report, options),
    options.preloaded?.persons ??
      db
        .select({
          fin: reportPersons.fin,
          m1: reportPersons.incomeM1Qepik,
          m2: reportPersons.incomeM2Qepik,
          m3: reportPersons.incomeM3Qepik,
        })
        .from(reportPersons)
        .where(
          and(
            eq(reportPersons.reportId, report.id),
            eq(reportPersons.employerId, report.employerId),
          ),
        )
        // FIN order is what the distribution wants; sorted input skips its own sort.
        .orderBy(reportPersons.fin),
  ]);
  const incomes = personIncomesOf(persons, report.months);
  const figures = computeFigures(loaded.context, { ...loaded.rows, persons: incomes });
  return {
    ...withLoaded(figures, loaded),
    persons,
    personsUnderCheck: incomes,
  };
}

/**
 * The figures of a report without a row per person (what the check page, the wizard and their
 * kept copy show): the persons' incomes read as one list per month, then lib/domain's totals
 * (issue 15). Equal to loadReportFigures' figures; anything
 * the totals cannot vouch for (an amount out of range, a failure) takes loadReportFigures,
 * which reports it as it always has. Reads only.
 */
export async function loadReportTotals(
  db: DbOrTx,
  report: ReportContext,
  options: { asOf?: Date } = {},
): Promise<ReviewFigures> {
  const [loaded, incomes] = await Promise.all([
    loadFigureRows(db, report, options),
    loadPersonIncomes(db, report),
  ]);
  const totals = totalPersonIncomes({
    schedule: loaded.context.schedule,
    sector: report.sector,
    months: report.months,
    count: incomes.count,
    incomes: incomes.months,
  });
  const computed = totals
    ? computeReportTotals({
        ...loaded.rows,
        persons: totals,
        schedule: loaded.context.schedule,
        account: loaded.context.account.state,
        debtStartQepik: loaded.context.debtStartQepik,
        writeOffsQepik: loaded.context.writeOffsQepik,
        penalty: loaded.context.penalty,
      })
    : null;
  if (!totals || !computed?.ok) return loadReportFigures(db, report, options);
  return {
    ...withLoaded(computed.value, loaded),
    personsUnderCheck: {
      count: totals.count,
      positiveByMonth: Object.fromEntries(totals.months.map((t) => [t.month, t.persons])),
    },
  };
}
