import 'server-only';
import {
  buildPosting,
  calculateQuarterContributions,
  DEBIT_KINDS_FOR_POSTING,
  distributePayment,
  type ContributionSchedule,
  type MonthKey,
  type PersonIncome,
  type Posting,
  type PostingLineCategory,
  type Sector,
} from '@/lib/domain';
import { sql } from 'drizzle-orm';
import { ledgerEntries } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { REPORT_SOURCE } from '../reports/report-ledger';
import type { ReportDocument } from './report-document-types';

/** Per-person MDSS and the distribution, recomputed from the document as signed (DOMAIN.md §2, §7). */
export function personFigures(
  document: ReportDocument,
  schedule: ContributionSchedule,
): {
  contributions: {
    fin: string;
    month: MonthKey;
    incomeQepik: number;
    employerQepik: number;
    employeeQepik: number;
  }[];
  distributed: { fin: string; month: MonthKey; employerQepik: number; employeeQepik: number }[];
  employerTotalQepik: number;
  employeeTotalQepik: number;
} {
  const months = document.period.months;
  const persons: PersonIncome[] = document.persons.map((p) => {
    const byMonth: Partial<Record<MonthKey, number>> = {};
    p.incomeQepik.forEach((v, i) => {
      if (v !== null) byMonth[months[i] as MonthKey] = v;
    });
    return { fin: p.fin, incomeQepikByMonth: byMonth };
  });
  const mdss = calculateQuarterContributions({
    schedule,
    sector: document.activity.sector as Sector,
    months,
    persons,
  });
  if (!mdss.ok) throw new Error(`personFigures: contributions ${mdss.code}`);
  const distribution = distributePayment(document.totals.paymentsUsedQepik, mdss.value.rows);
  if (!distribution.ok) throw new Error(`personFigures: distribution ${distribution.code}`);
  return {
    contributions: mdss.value.rows.map((r) => ({
      fin: r.fin,
      month: r.month,
      incomeQepik: r.incomeQepik,
      employerQepik: r.employerQepik,
      employeeQepik: r.employeeQepik,
    })),
    distributed: distribution.value.rows.map((r) => ({
      fin: r.fin,
      month: r.month,
      employerQepik: r.employerQepik,
      employeeQepik: r.employeeQepik,
    })),
    employerTotalQepik: mdss.value.employerTotalQepik,
    employeeTotalQepik: mdss.value.employeeTotalQepik,
  };
}

/** The posting of one document (issue 6 §9), through lib/domain. */
export function postingOf(document: ReportDocument, schedule: ContributionSchedule): Posting {
  const figures = personFigures(document, schedule);
  const posting = buildPosting({
    period: { year: document.period.year, quarter: document.period.quarter as 1 | 2 | 3 | 4 },
    debtStartQepik: document.debtStartQepik,
    contributions: figures.contributions,
    distributed: figures.distributed,
    payments: document.payments,
    lines: document.lines.map((l) => ({
      category: l.category as PostingLineCategory,
      accruedQepik: l.accruedQepik,
      paidQepik: l.paidQepik,
    })),
  });
  if (!posting.ok) throw new Error(`postingOf: ${posting.code}`);
  return posting.value;
}

const lastDayOf = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

const CHUNK = 2_000;
const PERSON_CHUNK = 20_000;

// Arrays travel as PostgreSQL array literals (one text parameter), which both drivers accept.
// FINs and months are [0-9A-Z-] only, so no quoting is needed; checked to be sure.
const SAFE = /^[0-9A-Za-z-]+$/;
function textArray(values: readonly string[]): string {
  for (const v of values) if (!SAFE.test(v)) throw new Error(`writePosting: unexpected value ${v}`);
  return `{${values.join(',')}}`;
}
function intArray(values: readonly number[]): string {
  for (const v of values)
    if (!Number.isSafeInteger(v)) throw new Error(`writePosting: not an integer ${v}`);
  return `{${values.join(',')}}`;
}

/**
 * Writes a posting: ledger entries per activity code (source REPORT, the submission as source
 * id) and persons' account rows. A corrective difference can lower an accrual or a payment;
 * such an amount goes in as an ADJUSTMENT (the ledger's sign rule keeps accruals positive and
 * payments negative), naming what it adjusts. Call inside the acceptance transaction.
 */
export async function writePosting(
  tx: DbOrTx,
  input: {
    posting: Posting;
    employerId: string;
    activityCode: string;
    reportId: string;
    submissionId: string;
    paymentDates: ReadonlyMap<string, string>;
    filedOn: string;
    asOf: Date;
  },
): Promise<{ ledgerRows: number; personRows: number }> {
  const ledgerRows = input.posting.ledger.map((e) => {
    const debit = (DEBIT_KINDS_FOR_POSTING as readonly string[]).includes(e.kind);
    const signOk = debit ? e.amountQepik > 0 : e.amountQepik < 0;
    const date =
      e.kind === 'MDSS_ACCRUAL_EMPLOYER' || e.kind === 'MDSS_ACCRUAL_EMPLOYEE'
        ? lastDayOf(e.month)
        : e.paymentId
          ? (input.paymentDates.get(e.paymentId) ?? input.filedOn)
          : input.filedOn;
    const [y, m] = e.month.split('-').map(Number) as [number, number];
    return {
      employerId: input.employerId,
      activityCode: input.activityCode,
      entryDate: date,
      periodYear: y,
      periodMonth: m,
      kind: signOk ? e.kind : ('ADJUSTMENT' as const),
      amountQepik: e.amountQepik,
      paymentId: e.paymentId,
      sourceType: REPORT_SOURCE,
      sourceId: input.submissionId,
      memo: signOk ? e.target : `${e.kind} ${e.target}`,
      createdBy: 'SYSTEM:ACCEPTANCE',
      createdAt: input.asOf,
    };
  });
  for (let i = 0; i < ledgerRows.length; i += CHUNK) {
    await tx.insert(ledgerEntries).values(ledgerRows.slice(i, i + CHUNK));
  }
  // Persons' rows go in as one INSERT … SELECT unnest(arrays) per chunk: a 50 000-person
  // report is 150 000 rows, and column arrays are far cheaper to send than row tuples.
  const persons = input.posting.persons;
  for (let i = 0; i < persons.length; i += PERSON_CHUNK) {
    const chunk = persons.slice(i, i + PERSON_CHUNK);
    const col = <T>(f: (p: (typeof chunk)[number]) => T) => chunk.map(f);
    await tx.execute(sql`insert into person_account_entries
      (employer_id, activity_code, fin, month, report_id, submission_id, income_qepik,
       employer_mdss_qepik, employee_mdss_qepik, paid_employer_qepik, paid_employee_qepik, created_at)
      select ${input.employerId}::uuid, ${input.activityCode}, f, m, ${input.reportId}::uuid,
        ${input.submissionId}::uuid, i, er, ee, per, pee, ${input.asOf.toISOString()}::timestamptz
      from unnest(${textArray(col((p) => p.fin))}::text[], ${textArray(col((p) => p.month))}::text[],
        ${intArray(col((p) => p.incomeQepik))}::bigint[], ${intArray(col((p) => p.employerMdssQepik))}::bigint[],
        ${intArray(col((p) => p.employeeMdssQepik))}::bigint[], ${intArray(col((p) => p.paidEmployerQepik))}::bigint[],
        ${intArray(col((p) => p.paidEmployeeQepik))}::bigint[]) as t(f, m, i, er, ee, per, pee)`);
  }
  return { ledgerRows: ledgerRows.length, personRows: persons.length };
}
