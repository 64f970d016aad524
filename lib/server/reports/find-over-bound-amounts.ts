import 'server-only';
import { and, eq, gt, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import {
  reportLines,
  reportMonths,
  reportNonLiableIncomes,
  reportPayments,
  reportPersons,
  type ReportLineCategory,
} from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import {
  checkAmountBounds,
  MAX_AMOUNT_QEPIK,
  quarterMonths,
  type MonthKey,
  type PlacedAmount,
  type ValidationResult,
  type YearQuarter,
} from '@/lib/domain';

/** The steps where a line's amounts are entered; F11 and F12 come from the system and the fund. */
const LINE_STEP: Partial<Record<ReportLineCategory, string>> = {
  SANATORIUM: 'F13',
  INJURY_REFUND: 'F14',
  FUND_FOUND: 'F15',
  OTHER: 'F16',
};

/** Enough to name the places on a page; a draft with more has to be fixed anyway. */
const MAX_PLACES = 50;

/**
 * Stored figures above MAX_AMOUNT_QEPIK in a draft written before the bound existed (issue 10
 * §5), as blocking AMOUNT_TOO_LARGE results at their step, month and person. The database picks
 * the rows (`> bound`, so a 30 000-person report loads nothing when clean); lib/domain decides.
 * `report` must have been loaded through the caller's scope.
 */
export async function findOverBoundAmounts(
  db: DbOrTx,
  report: { id: string; employerId: string; year: number; quarter: number },
): Promise<ValidationResult[]> {
  const of = (t: { reportId: PgColumn; employerId: PgColumn }, ...over: PgColumn[]) =>
    and(
      eq(t.reportId, report.id),
      eq(t.employerId, report.employerId),
      or(...over.map((c) => gt(c, MAX_AMOUNT_QEPIK))) as SQL,
    );
  const [labour, nonLiable, persons, lines, used] = await Promise.all([
    db
      .select({ month: reportMonths.month, amountQepik: reportMonths.labourPaymentsQepik })
      .from(reportMonths)
      .where(of(reportMonths, reportMonths.labourPaymentsQepik))
      .limit(MAX_PLACES),
    db
      .select({
        month: reportNonLiableIncomes.month,
        amountQepik: reportNonLiableIncomes.amountQepik,
      })
      .from(reportNonLiableIncomes)
      .where(of(reportNonLiableIncomes, reportNonLiableIncomes.amountQepik))
      .limit(MAX_PLACES),
    db
      .select({
        fin: reportPersons.fin,
        m1: reportPersons.incomeM1Qepik,
        m2: reportPersons.incomeM2Qepik,
        m3: reportPersons.incomeM3Qepik,
      })
      .from(reportPersons)
      .where(
        of(
          reportPersons,
          reportPersons.incomeM1Qepik,
          reportPersons.incomeM2Qepik,
          reportPersons.incomeM3Qepik,
        ),
      )
      .orderBy(reportPersons.fin)
      .limit(MAX_PLACES),
    db
      .select()
      .from(reportLines)
      .where(of(reportLines, reportLines.accruedQepik, reportLines.paidQepik)),
    db
      .select({ amountQepik: reportPayments.amountQepik })
      .from(reportPayments)
      .where(of(reportPayments, reportPayments.amountQepik))
      .limit(MAX_PLACES),
  ]);
  return overBoundOf(report, { labour, nonLiable, persons, lines, used });
}

/** The stored amounts of a draft, as read (any order; the persons by FIN). */
export type StoredAmounts = {
  labour: readonly { month: string; amountQepik: number | null }[];
  nonLiable: readonly { month: string; amountQepik: number }[];
  persons: readonly { fin: string; m1: number | null; m2: number | null; m3: number | null }[];
  lines: readonly { category: ReportLineCategory; accruedQepik: number; paidQepik: number }[];
  used: readonly { amountQepik: number }[];
};

const over = (...amounts: (number | null)[]) =>
  amounts.some((a) => a !== null && a > MAX_AMOUNT_QEPIK);

/**
 * findOverBoundAmounts over rows the caller already holds (the figures read every one of them):
 * the same places, at most MAX_PLACES rows of each kind, the first persons by FIN.
 */
export function overBoundOf(
  report: { year: number; quarter: number },
  rows: StoredAmounts,
): ValidationResult[] {
  const months = quarterMonths({
    year: report.year,
    quarter: report.quarter as YearQuarter['quarter'],
  });
  const first = <T>(xs: readonly T[], keep: (x: T) => boolean) =>
    xs.filter(keep).slice(0, MAX_PLACES);
  const used = first(rows.used, (u) => over(u.amountQepik));
  const labour = first(rows.labour, (l) => over(l.amountQepik));
  const nonLiable = first(rows.nonLiable, (n) => over(n.amountQepik));
  const lines = rows.lines.filter((l) => over(l.accruedQepik, l.paidQepik));
  const persons = first(rows.persons, (p) => over(p.m1, p.m2, p.m3));
  const placed: PlacedAmount[] = [
    ...used.map((u) => ({ step: 'F6', amountQepik: u.amountQepik })),
    ...labour.map((l) => ({
      step: 'F7',
      month: l.month as MonthKey,
      amountQepik: l.amountQepik ?? 0,
    })),
    ...nonLiable.map((n) => ({
      step: 'F8',
      month: n.month as MonthKey,
      amountQepik: n.amountQepik,
    })),
    ...lines.flatMap((l) => {
      const step = LINE_STEP[l.category];
      return step
        ? [
            { step, amountQepik: l.accruedQepik },
            { step, amountQepik: l.paidQepik },
          ]
        : [];
    }),
    ...persons.flatMap((p) =>
      [p.m1, p.m2, p.m3].flatMap((amountQepik, i) =>
        amountQepik === null ? [] : [{ step: 'F20', fin: p.fin, month: months[i], amountQepik }],
      ),
    ),
  ];
  return checkAmountBounds(placed);
}
