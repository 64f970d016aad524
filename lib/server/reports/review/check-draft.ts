import 'server-only';
import { and, eq } from 'drizzle-orm';
import { reports, reportSignatories } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { checkReport, type MonthKey, type PersonIncome, type ValidationResult } from '@/lib/domain';
import type { LoadedFigures, ReviewFigures } from '../figures/load-report-figures';
import { findOverBoundAmounts, overBoundOf } from '../find-over-bound-amounts';
import type { ReportContext } from '../persons/report-context';

/** A draft's persons as lib/domain reads them (m1..m3 are the quarter's months in order). */
export function personIncomesOf(
  persons: readonly { fin: string; m1: number | null; m2: number | null; m3: number | null }[],
  months: readonly MonthKey[],
): PersonIncome[] {
  return persons.map((p) => {
    const byMonth: Partial<Record<MonthKey, number>> = {};
    [p.m1, p.m2, p.m3].forEach((v, i) => {
      if (v !== null) byMonth[months[i] as MonthKey] = v;
    });
    return { fin: p.fin, incomeQepikByMonth: byMonth };
  });
}

/**
 * The rules of a draft (issue 11 §3) through lib/domain's one engine, from its figures and the
 * facts kept beside it: its signatories, whether "BÖLÜŞDÜR" still holds, amounts stored beyond
 * the bound, and the penalty "HESABLA" recorded. The check page and the "Addımlar" menu call it.
 */
export async function checkDraft(
  db: DbOrTx,
  report: ReportContext,
  figures: ReviewFigures,
): Promise<ValidationResult[]> {
  return (await checkDraftDetailed(db, report, figures)).results;
}

/** checkDraft with the over-bound amounts it found on their own (the wizard shows them per step). */
export async function checkDraftDetailed(
  db: DbOrTx,
  report: ReportContext,
  figures: ReviewFigures | LoadedFigures,
  /** What the caller already read: the signatories, and "HESABLA"'s time as of now. */
  known: {
    signatories?: readonly { role: string }[];
    penaltyComputedAt?: Date | null;
  } = {},
): Promise<{ results: ValidationResult[]; overBound: ValidationResult[] }> {
  const [signatories, overBound, [row]] = await Promise.all([
    known.signatories ??
      db
        .select({ role: reportSignatories.role })
        .from(reportSignatories)
        .where(
          and(
            eq(reportSignatories.reportId, report.id),
            eq(reportSignatories.employerId, report.employerId),
          ),
        ),
    // With every person loaded, every stored amount is among the rows the figures read: checked
    // there, not read again. The totals (no row per person) leave the persons to SQL.
    'persons' in figures
      ? overBoundOf(report, { ...figures.stored, persons: figures.persons, used: figures.payments })
      : findOverBoundAmounts(db, report),
    known.penaltyComputedAt !== undefined
      ? [{ computedAt: known.penaltyComputedAt }]
      : db
          .select({ computedAt: reports.penaltyComputedAt })
          .from(reports)
          .where(and(eq(reports.id, report.id), eq(reports.employerId, report.employerId))),
  ]);
  const results = checkReport(
    {
      months: report.months,
      monthRows: figures.months.map((m) => ({
        month: m.month,
        labourPaymentsQepik: m.labourPaymentsQepik,
        headcount: m.headcount,
      })),
      persons: figures.personsUnderCheck,
      signatories: {
        responsible: signatories.some((s) => s.role === 'RESPONSIBLE'),
        chiefAccountant: signatories.some((s) => s.role === 'CHIEF_ACCOUNTANT'),
      },
      distributed: report.distributedAt !== null,
    },
    {
      warnings: figures.warnings,
      balance: figures.balance,
      statedDebtEndQepik: figures.balance.debtEndQepik,
      computedMdss: {
        employerQepik: figures.employerTotalQepik,
        employeeQepik: figures.employeeTotalQepik,
      },
      overBound,
      ...(row?.computedAt
        ? {
            penaltyRecorded: {
              storedQepik: figures.storedPenaltyQepik,
              currentQepik: figures.penalty.totalQepik,
            },
          }
        : {}),
    },
  );
  return { results, overBound };
}
