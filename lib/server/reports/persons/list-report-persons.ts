import 'server-only';
import { and, asc, eq, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { reportPersons } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { qepikFromBigInt, type MonthKey } from '@/lib/domain';
import { assertScopeService, type EmployerScope } from '../../access';
import { sumAsText } from '../../exact-sum';
import type { IncomesQepik } from './person-input';
import { loadReportContext } from './report-context';

export const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 50;

export type ListReportPersonsInput = {
  reportId: string;
  /** 1-based. */
  page?: number;
  pageSize?: number;
  /** FIN prefix, normalised like a FIN (spaces dropped, upper-cased). */
  fin?: string;
  /** Every word must occur in the surname or the name, case-insensitively. */
  name?: string;
};

export type ReportPersonRow = {
  fin: string;
  surname: string;
  name: string;
  patronymic: string;
  incomesQepik: IncomesQepik;
};

/** Σ income is exact; null when it is past 2^53 (only stored data from before the bound can be). */
export type MonthTotal = { month: MonthKey; incomeQepik: number | null; persons: number };

export type ReportPersonsPage = {
  rows: ReportPersonRow[];
  /** Persons matching the filters (for the pager). */
  total: number;
  page: number;
  pageSize: number;
  /** Over the whole report, whatever the filters: persons, and per month Σ income and persons with income. */
  persons: number;
  months: MonthTotal[];
  /** Σ income over the quarter, exact (added as BigInt); null past 2^53. */
  quarterIncomeQepik: number | null;
};

/** An exact total, or null where a number would round it (the list must still show, to be fixed). */
function exactOrNull(total: bigint | null): number | null {
  if (total === null) return null;
  const value = qepikFromBigInt(total);
  return value.ok ? value.value : null;
}

function bigTotal(text: unknown): bigint | null {
  if (typeof text !== 'string' && typeof text !== 'number') return null;
  const parsed = /^-?\d+/.exec(String(text));
  return parsed ? BigInt(parsed[0]) : null;
}

/** LIKE treats % and _ as wildcards; a typed one means itself. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * One page of a report's insured persons, sorted by surname, name, FIN, with the filters of
 * SPEC F20 ("pages and filters so that 30,000 persons stay usable", issue 5 §5). The totals
 * cover the whole report and come from one aggregate query, never from loading the rows.
 */
export async function listReportPersons(
  db: DbOrTx,
  scope: EmployerScope,
  input: ListReportPersonsInput,
): Promise<ReportPersonsPage> {
  assertScopeService(scope, 'REPORTS');
  const report = await loadReportContext(db, scope, input.reportId);
  const pageSize = Math.min(
    MAX_PAGE_SIZE,
    Math.max(1, Math.trunc(input.pageSize ?? DEFAULT_PAGE_SIZE)),
  );
  const page = Math.max(1, Math.trunc(input.page ?? 1));
  const ofReport = and(
    eq(reportPersons.reportId, report.id),
    eq(reportPersons.employerId, scope.employerId),
  );
  const filters: SQL[] = [];
  const finPrefix = (input.fin ?? '').replace(/\s+/g, '').toUpperCase();
  if (finPrefix) filters.push(like(reportPersons.fin, `${likeLiteral(finPrefix)}%`));
  for (const word of (input.name ?? '').trim().split(/\s+/).filter(Boolean)) {
    const pattern = `%${likeLiteral(word)}%`;
    filters.push(
      or(ilike(reportPersons.surname, pattern), ilike(reportPersons.name, pattern)) as SQL,
    );
  }
  const matching = filters.length > 0 ? and(...filters) : undefined;
  const positive = (column: PgColumn) =>
    sql<number>`count(*) filter (where ${column} > 0)`.mapWith(Number);
  // Read as BigInt, never through a float: a rounded total was 2 qəpik wrong (issue 10 §5).
  const total = (column: PgColumn) => sumAsText(column).mapWith(bigTotal);
  const [[aggregate], rows] = await Promise.all([
    db
      .select({
        persons: sql<number>`count(*)`.mapWith(Number),
        matching: matching
          ? sql<number>`count(*) filter (where ${matching})`.mapWith(Number)
          : sql<number>`count(*)`.mapWith(Number),
        income1: total(reportPersons.incomeM1Qepik),
        income2: total(reportPersons.incomeM2Qepik),
        income3: total(reportPersons.incomeM3Qepik),
        persons1: positive(reportPersons.incomeM1Qepik),
        persons2: positive(reportPersons.incomeM2Qepik),
        persons3: positive(reportPersons.incomeM3Qepik),
      })
      .from(reportPersons)
      .where(ofReport),
    db
      .select()
      .from(reportPersons)
      .where(matching ? and(ofReport, matching) : ofReport)
      .orderBy(asc(reportPersons.surname), asc(reportPersons.name), asc(reportPersons.fin))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
  ]);
  const a = aggregate ?? {
    persons: 0,
    matching: 0,
    income1: 0n,
    income2: 0n,
    income3: 0n,
    persons1: 0,
    persons2: 0,
    persons3: 0,
  };
  const [m1, m2, m3] = report.months;
  return {
    rows: rows.map((r) => ({
      fin: r.fin,
      surname: r.surname,
      name: r.name,
      patronymic: r.patronymic,
      incomesQepik: [r.incomeM1Qepik, r.incomeM2Qepik, r.incomeM3Qepik],
    })),
    total: a.matching,
    page,
    pageSize,
    persons: a.persons,
    months: [
      { month: m1, incomeQepik: exactOrNull(a.income1), persons: a.persons1 },
      { month: m2, incomeQepik: exactOrNull(a.income2), persons: a.persons2 },
      { month: m3, incomeQepik: exactOrNull(a.income3), persons: a.persons3 },
    ],
    quarterIncomeQepik:
      a.income1 === null || a.income2 === null || a.income3 === null
        ? null
        : exactOrNull(a.income1 + a.income2 + a.income3),
  };
}
