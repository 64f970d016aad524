// Every figure of a quarterly report, computed once from its inputs (issue 10 §1–§4): the
// steps F10–F22, the check page, the signed document and the receipt all read these.
import type { AccountState, Side } from '../account/account-types';
import type { IsoDate, MonthKey } from '../calendar';
import { calculateQuarterContributions } from '../contribution-quarter';
import type { ContributionSchedule, Sector } from '../contribution-schedule';
import {
  reconcileMonths,
  type PersonIncome,
  type ReconciliationWarning,
} from '../distribution/reconciliation';
import type { PenaltyParameters } from '../penalty-parameters';
import { quarterMonths, type YearQuarter } from '../period';
import { buildPosting, type Posting, type PostingLineCategory } from '../posting/build-posting';
import type { PersonTotals } from './person-totals';
import type { PaymentApplication } from '../posting/payment-application';
import { computeReportPenalty, type ReportPenalty } from '../posting/report-penalty';
import {
  computeReportBalance,
  type BalanceCategory,
  type BalanceLine,
  type ReportBalance,
} from '../report-rules/balance';
import { err, ok, type Result } from '../result';

export interface MonthFigures {
  readonly month: MonthKey;
  readonly labourPaymentsQepik: number | null;
  readonly nonLiableQepik: number;
  readonly headcount: number | null;
  /** Persons with a positive income this month (F21 counts these). */
  readonly persons: number;
  readonly personsIncomeQepik: number;
  readonly employerQepik: number;
  readonly employeeQepik: number;
  /** What the report's money settles of this month, per side: distributed to its persons. */
  readonly paidEmployerQepik: number;
  readonly paidEmployeeQepik: number;
}

export interface ReportLine {
  readonly category: PostingLineCategory;
  readonly accruedQepik: number;
  readonly paidQepik: number;
}

export interface ReportFiguresInput {
  readonly period: YearQuarter;
  readonly sector: Sector;
  readonly schedule: ContributionSchedule;
  readonly persons: readonly PersonIncome[];
  readonly months: readonly {
    readonly month: MonthKey;
    readonly labourPaymentsQepik: number | null;
    readonly headcount: number | null;
  }[];
  readonly nonLiableIncome: readonly { readonly month: MonthKey; readonly amountQepik: number }[];
  readonly payments: readonly {
    readonly paymentId: string;
    readonly paymentDate: IsoDate;
    readonly side: Side;
    readonly amountQepik: number;
  }[];
  /** The declared lines (F12–F16); the PENALTY line's accrued amount is computed here. */
  readonly lines: readonly ReportLine[];
  /** The activity code's account before this report (the replayed ledger). */
  readonly account: AccountState;
  /** F4: the ledger balance before the quarter. */
  readonly debtStartQepik: number;
  /** The fund's write-offs dated in the quarter. */
  readonly writeOffsQepik: number;
  readonly penalty: {
    readonly dueDates: Readonly<Record<MonthKey, IsoDate>>;
    readonly chargedThrough: Readonly<Record<string, IsoDate>>;
    readonly through: IsoDate;
    readonly parameters: readonly PenaltyParameters[];
  };
}

export interface ReportFigures {
  readonly months: readonly MonthFigures[];
  readonly contributions: readonly {
    readonly fin: string;
    readonly month: MonthKey;
    readonly incomeQepik: number;
    readonly employerQepik: number;
    readonly employeeQepik: number;
  }[];
  readonly warnings: readonly ReconciliationWarning[];
  readonly employerTotalQepik: number;
  readonly employeeTotalQepik: number;
  readonly penalty: ReportPenalty;
  /** The lines with the computed penalty. */
  readonly lines: readonly ReportLine[];
  readonly posting: Posting;
  readonly application: PaymentApplication;
  readonly balanceLines: readonly BalanceLine[];
  readonly balance: ReportBalance;
}

export const REPORT_FIGURES_CODES = ['CALCULATION_FAILED'] as const;

const BALANCE_CATEGORY: Record<PostingLineCategory, BalanceCategory> = {
  PENALTY: 'PENALTY',
  SANCTIONS_FINES: 'SANCTION',
  SANATORIUM: 'SANATORIUM_VOUCHER',
  INJURY_REFUND: 'INJURY_BENEFIT_REFUND',
  FUND_FOUND: 'FUND_FINDINGS',
  OTHER: 'OTHER_ACCRUALS',
};

const fail = (reason: string) => err('CALCULATION_FAILED' as const, { reason });

/**
 * The figures of a report whose persons are given only as totals per month (totalPersonIncomes):
 * everything of ReportFigures but the rows per person (the per-person contributions and
 * postings), with the same values — the check page and the wizard need no more. What each
 * month's persons receive is what the money settled of that month and side, capped at what they
 * owe (the equal split hands out min(paid, Σ dues): DOMAIN.md §7). Persons must have distinct
 * FINs. DOMAIN.md §2, §4–§7.
 */
export type ReportTotalsFigures = Omit<ReportFigures, 'contributions' | 'posting'> & {
  readonly posting: Omit<Posting, 'persons'>;
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The steps after the per-person MDSS, shared by both entry points so they cannot disagree. */
function computeFromContributions(
  input: Omit<ReportFiguresInput, 'persons'>,
  persons: {
    /** What reconcileMonths sums per month (every person, or one row of each month's total). */
    readonly reconciled: readonly PersonIncome[];
    /** MDSS rows the posting accrues (per person and month, or one total per month). */
    readonly contributions: ReportFigures['contributions'];
    readonly employerTotalQepik: number;
    readonly employeeTotalQepik: number;
    readonly skipPersons: boolean;
  },
): Result<ReportTotalsFigures & { posting: Posting }, (typeof REPORT_FIGURES_CODES)[number]> {
  const months = quarterMonths(input.period);
  const labour: Partial<Record<MonthKey, number>> = {};
  for (const m of input.months)
    if (m.labourPaymentsQepik !== null) labour[m.month] = m.labourPaymentsQepik;
  const nonLiable = input.nonLiableIncome.filter((n) => (months as string[]).includes(n.month));
  const reconciled = reconcileMonths({
    months,
    persons: persons.reconciled,
    labourPaymentsQepikByMonth: labour,
    nonLiableIncome: nonLiable,
  });
  if (!reconciled.ok) return fail(reconciled.code);

  const postingInput = {
    period: input.period,
    account: {
      items: input.account.items.filter((i) => i.openQepik > 0),
      credits: input.account.credits,
    },
    contributions: persons.contributions,
    payments: input.payments,
  };
  const withoutPenalty = input.lines.map((l) =>
    l.category === 'PENALTY' ? { ...l, accruedQepik: 0 } : l,
  );
  const mdssPart = buildPosting({ ...postingInput, lines: withoutPenalty, skipPersons: true });
  if (!mdssPart.ok) return fail(mdssPart.code);
  const penalty = computeReportPenalty({
    account: input.account,
    posting: mdssPart.value,
    dueDates: input.penalty.dueDates,
    chargedThrough: input.penalty.chargedThrough,
    through: input.penalty.through,
    parameters: input.penalty.parameters,
  });
  if (!penalty.ok) return fail(penalty.code);
  const lines: ReportLine[] = [
    {
      category: 'PENALTY',
      accruedQepik: penalty.value.totalQepik,
      paidQepik: input.lines.find((l) => l.category === 'PENALTY')?.paidQepik ?? 0,
    },
    ...input.lines.filter((l) => l.category !== 'PENALTY'),
  ];
  const posting = buildPosting({ ...postingInput, lines, skipPersons: persons.skipPersons });
  if (!posting.ok) return fail(posting.code);
  const application = posting.value.application;

  const balanceLines: BalanceLine[] = [
    {
      category: 'MDSS_EMPLOYER',
      accruedQepik: persons.employerTotalQepik,
      paidQepik: application.paidEmployerQepik,
    },
    {
      category: 'MDSS_EMPLOYEE',
      accruedQepik: persons.employeeTotalQepik,
      paidQepik: application.paidEmployeeQepik,
    },
    ...lines.map((l) => ({
      category: BALANCE_CATEGORY[l.category],
      accruedQepik: l.accruedQepik,
      paidQepik: l.paidQepik,
    })),
  ];
  const balance = computeReportBalance({
    debtStartQepik: input.debtStartQepik,
    lines: balanceLines,
    writeOffsQepik: input.writeOffsQepik,
  });
  if (!balance.ok) return fail(balance.code);

  const monthRow = new Map(input.months.map((m) => [m.month, m]));
  const monthFigures = months.map((month): Mutable<MonthFigures> => ({
    month,
    labourPaymentsQepik: monthRow.get(month)?.labourPaymentsQepik ?? null,
    nonLiableQepik: nonLiable
      .filter((n) => n.month === month)
      .reduce((t, n) => t + n.amountQepik, 0),
    headcount: monthRow.get(month)?.headcount ?? null,
    persons: 0,
    personsIncomeQepik: 0,
    employerQepik: 0,
    employeeQepik: 0,
    paidEmployerQepik: 0,
    paidEmployeeQepik: 0,
  }));
  return ok({
    months: monthFigures,
    warnings: reconciled.value,
    employerTotalQepik: persons.employerTotalQepik,
    employeeTotalQepik: persons.employeeTotalQepik,
    penalty: penalty.value,
    lines,
    posting: posting.value,
    application,
    balanceLines,
    balance: balance.value,
  });
}

/**
 * One pass over a report's inputs through lib/domain: MDSS per person and month (§2), the
 * per-month reconciliation (§6), the application of its money over the whole account (§5,
 * payments by their class code's side), the penalty over every overdue MDSS month of the code
 * (§4), the distribution to persons (§7) and the balance (§6). The penalty is charged from the
 * MDSS part of the application, then the full application runs with it, so penalty and posting
 * use the same timeline. A failure names the domain code that stopped it.
 */
export function computeReportFigures(
  input: ReportFiguresInput,
): Result<ReportFigures, (typeof REPORT_FIGURES_CODES)[number]> {
  const months = quarterMonths(input.period);
  const mdss = calculateQuarterContributions({
    schedule: input.schedule,
    sector: input.sector,
    months,
    persons: input.persons,
  });
  if (!mdss.ok) return fail(mdss.code);
  const contributions = mdss.value.rows.map((r) => ({
    fin: r.fin,
    month: r.month,
    incomeQepik: r.incomeQepik,
    employerQepik: r.employerQepik,
    employeeQepik: r.employeeQepik,
  }));
  const computed = computeFromContributions(input, {
    reconciled: input.persons,
    contributions,
    employerTotalQepik: mdss.value.employerTotalQepik,
    employeeTotalQepik: mdss.value.employeeTotalQepik,
    skipPersons: false,
  });
  if (!computed.ok) return computed;
  const byMonth = new Map(computed.value.months.map((f) => [f.month, f as Mutable<MonthFigures>]));
  for (const p of computed.value.posting.persons) {
    const f = byMonth.get(p.month);
    if (!f) continue;
    if (p.incomeQepik > 0) f.persons += 1;
    f.personsIncomeQepik += p.incomeQepik;
    f.employerQepik += p.employerMdssQepik;
    f.employeeQepik += p.employeeMdssQepik;
    f.paidEmployerQepik += p.paidEmployerQepik;
    f.paidEmployeeQepik += p.paidEmployeeQepik;
  }
  return ok({ ...computed.value, contributions });
}

/**
 * computeReportFigures for persons given as totals per month (totalPersonIncomes), without the
 * rows per person: the same figures in a few steps whatever the number of persons (issue 15).
 * The persons must have distinct FINs. DOMAIN.md §2, §4–§7.
 */
export function computeReportTotals(
  input: Omit<ReportFiguresInput, 'persons'> & { readonly persons: PersonTotals },
): Result<ReportTotalsFigures, (typeof REPORT_FIGURES_CODES)[number]> {
  const given = input.persons.months.filter((t) => t.rows > 0);
  const computed = computeFromContributions(input, {
    // One row per month with its total: reconcileMonths adds the same amounts.
    reconciled:
      given.length === 0
        ? []
        : [
            {
              fin: '',
              incomeQepikByMonth: Object.fromEntries(given.map((t) => [t.month, t.incomeQepik])),
            },
          ],
    contributions: given.map((t) => ({
      fin: '',
      month: t.month,
      incomeQepik: t.incomeQepik,
      employerQepik: t.employerQepik,
      employeeQepik: t.employeeQepik,
    })),
    employerTotalQepik: input.persons.employerTotalQepik,
    employeeTotalQepik: input.persons.employeeTotalQepik,
    skipPersons: true,
  });
  if (!computed.ok) return computed;
  const totals = new Map(input.persons.months.map((t) => [t.month, t]));
  const paid = new Map(computed.value.posting.quarterPaid.map((p) => [p.month, p]));
  for (const f of computed.value.months as Mutable<MonthFigures>[]) {
    const t = totals.get(f.month);
    if (!t) continue;
    const p = paid.get(f.month);
    f.persons = t.persons;
    f.personsIncomeQepik = t.incomeQepik;
    f.employerQepik = t.employerQepik;
    f.employeeQepik = t.employeeQepik;
    // The equal split hands out min(paid, Σ dues) of each month and side.
    f.paidEmployerQepik = Math.min(p?.employerQepik ?? 0, t.employerQepik);
    f.paidEmployeeQepik = Math.min(p?.employeeQepik ?? 0, t.employeeQepik);
  }
  const { persons: _persons, ...posting } = computed.value.posting;
  return ok({ ...computed.value, posting });
}
