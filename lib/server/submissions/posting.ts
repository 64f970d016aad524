import 'server-only';
import {
  buildPosting,
  calculateQuarterContributions,
  DEBIT_KINDS_FOR_POSTING,
  itemKey,
  lastDayOfMonth,
  type ContributionSchedule,
  type MonthKey,
  type PersonIncome,
  type Posting,
  type PostingInput,
  type PostingLineCategory,
  type Sector,
} from '@/lib/domain';
import { sql } from 'drizzle-orm';
import { ledgerEntries, penaltyCharges } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { targetColumns } from '../reports/account/ledger-targets';
import { REPORT_SOURCE } from '../reports/report-ledger';
import type { ReportDocument } from './report-document-types';

/** Per-person MDSS recomputed from the document as signed (DOMAIN.md §2). */
export function documentContributions(
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
  if (!mdss.ok) throw new Error(`documentContributions: ${mdss.code}`);
  return {
    contributions: mdss.value.rows.map((r) => ({
      fin: r.fin,
      month: r.month,
      incomeQepik: r.incomeQepik,
      employerQepik: r.employerQepik,
      employeeQepik: r.employeeQepik,
    })),
    employerTotalQepik: mdss.value.employerTotalQepik,
    employeeTotalQepik: mdss.value.employeeTotalQepik,
  };
}

/**
 * The account a document's payments were applied to. Schema 1 documents (before issue 10)
 * carried only the opening debt: it stands for the month before the quarter (or, negative, for
 * credit), which is how they were posted then.
 */
function documentAccount(document: ReportDocument): PostingInput['account'] {
  if (document.account) return document.account;
  const first = document.period.months[0];
  const [y, m] = first.split('-').map(Number) as [number, number];
  const before = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const debt = document.debtStartQepik;
  return debt > 0
    ? {
        items: [
          {
            key: itemKey('MDSS', 'EMPLOYER', before),
            category: 'MDSS',
            side: 'EMPLOYER',
            month: before,
            arisesOn: lastDayOfMonth(before),
            openQepik: debt,
          },
        ],
        credits: [],
      }
    : { items: [], credits: debt < 0 ? [{ date: `${first}-01`, amountQepik: -debt }] : [] };
}

/** What buildPosting needs of a signed document, through lib/domain (issue 6 §9, issue 10). */
export function postingInputOf(
  document: ReportDocument,
  schedule: ContributionSchedule,
): PostingInput {
  return {
    period: { year: document.period.year, quarter: document.period.quarter as 1 | 2 | 3 | 4 },
    account: documentAccount(document),
    contributions: documentContributions(document, schedule).contributions,
    payments: document.payments.map((p) => ({
      paymentId: p.paymentId,
      paymentDate: p.paymentDate,
      side: p.side ?? 'EMPLOYER',
      amountQepik: p.amountQepik,
    })),
    lines: document.lines.map((l) => ({
      category: l.category as PostingLineCategory,
      accruedQepik: l.accruedQepik,
      paidQepik: l.paidQepik,
    })),
  };
}

/** The posting of one document (issue 6 §9), through lib/domain. */
export function postingOf(document: ReportDocument, schedule: ContributionSchedule): Posting {
  const posting = buildPosting(postingInputOf(document, schedule));
  if (!posting.ok) throw new Error(`postingOf: ${posting.code}`);
  return posting.value;
}

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
    posting: Pick<Posting, 'ledger' | 'persons'>;
    employerId: string;
    activityCode: string;
    reportId: string;
    submissionId: string;
    paymentDates: ReadonlyMap<string, string>;
    filedOn: string;
    asOf: Date;
    /**
     * After each chunk of persons' rows: how many of them (person-months) are written so far.
     * Told, never awaited: the posting's transaction does not wait for the job row (issue 15 §6).
     */
    onPersonRows?: (written: number, total: number) => void;
  },
): Promise<{ ledgerRows: number; personRows: number }> {
  const ledgerRows = input.posting.ledger.map((e) => {
    const debit = (DEBIT_KINDS_FOR_POSTING as readonly string[]).includes(e.kind);
    const signOk = debit ? e.amountQepik > 0 : e.amountQepik < 0;
    const date =
      e.kind === 'MDSS_ACCRUAL_EMPLOYER' || e.kind === 'MDSS_ACCRUAL_EMPLOYEE'
        ? lastDayOfMonth(e.month)
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
      ...targetColumns(e.target),
      memo: signOk ? null : `${e.kind}`,
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
  input.onPersonRows?.(0, persons.length);
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
    input.onPersonRows?.(i + chunk.length, persons.length);
  }
  return { ledgerRows: ledgerRows.length, personRows: persons.length };
}

/**
 * The penalty a report charged, per obligation, as it was signed (cabinet view 13 and the next
 * calculation's starting day read these). A corrective report writes its own in full: its
 * window is the one of the report it replaces, so the days stay charged once.
 */
export async function writePenaltyCharges(
  tx: DbOrTx,
  input: {
    document: ReportDocument;
    employerId: string;
    activityCode: string;
    reportId: string;
    submissionId: string;
    asOf: Date;
  },
): Promise<number> {
  const penalty = input.document.penalty;
  if (!penalty || penalty.obligations.length === 0) return 0;
  await tx.insert(penaltyCharges).values(
    penalty.obligations.map((o) => ({
      employerId: input.employerId,
      activityCode: input.activityCode,
      reportId: input.reportId,
      submissionId: input.submissionId,
      obligationSide: o.side,
      obligationMonth: o.month,
      dueDate: o.dueDate,
      amountQepik: o.amountQepik,
      chargedFrom: o.chargedFrom,
      chargedTo: penalty.through,
      days: o.days,
      totalDays: o.totalDays,
      penaltyQepik: o.penaltyQepik,
      intervals: o.intervals,
      createdAt: input.asOf,
    })),
  );
  return penalty.obligations.length;
}
