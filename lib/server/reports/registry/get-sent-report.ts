import 'server-only';
import { and, asc, desc, eq, gt, lt, sql } from 'drizzle-orm';
import {
  activityCodes,
  reportPersons,
  reports,
  reportStatusHistory,
  submissions,
} from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { normalizeIdentifierText } from '@/lib/domain/identifier-text';
import type { ReportDocument } from '@/lib/server/submissions/report-document-types';
import { SUBMISSION_COLUMNS } from '@/lib/server/submissions/submission-summary';
import type {
  ReturnReason,
  StatusHistoryRow,
  SubmissionSummary,
} from '@/lib/server/submissions/types';
import { assertScopeService, type EmployerScope } from '../../access';
import { AppError } from '../../errors';
import { isUuid } from '../../uuid';

export const PERSONS_PAGE_SIZE = 50;

export type SentReportHeader = {
  id: string;
  reportType: 'INITIAL' | 'CORRECTIVE';
  year: number;
  quarter: number;
  activityCode: string;
  activityNameAz: string;
  activityNameEn: string;
  status: 'SENT' | 'ACCEPTED' | 'RETURNED' | 'REPLACED';
  receiptNumber: string | null;
  sentAt: Date | null;
  decidedAt: Date | null;
  replacesReportId: string | null;
};

/** A signed document as the view shows it: everything but the persons. */
export type SentDocument = Omit<ReportDocument, 'persons'>;

export type PersonsPage = {
  rows: ReportDocument['persons'];
  total: number;
  page: number;
  pageCount: number;
  filter: string;
};

export type SentReportView =
  | { isDraft: true; reportId: string; readyAt: Date | null }
  | {
      isDraft: false;
      report: SentReportHeader;
      /**
       * The document of the latest submission as signed, its persons left out (they are in
       * `persons`, a page at a time); null if none was recorded.
       */
      document: SentDocument | null;
      latestSubmission: SubmissionSummary | null;
      submissions: SubmissionSummary[];
      history: StatusHistoryRow[];
      persons: PersonsPage;
    };

/** Stored reasons are written by the sending core; anything malformed is shown by its code. */
export function toReturnReasons(value: unknown): ReturnReason[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown): ReturnReason[] => {
    if (typeof item !== 'object' || item === null) return [];
    const r = item as { code?: unknown; step?: unknown; text?: { az?: unknown; en?: unknown } };
    if (typeof r.code !== 'string') return [];
    const az = typeof r.text?.az === 'string' ? r.text.az : r.code;
    const en = typeof r.text?.en === 'string' ? r.text.en : r.code;
    return [{ code: r.code, step: typeof r.step === 'string' ? r.step : '', text: { az, en } }];
  });
}

/** Case-insensitive, and lenient about the Azerbaijani dotless ı (typed as i). */
function fold(text: string): string {
  return text.toLocaleLowerCase('az').replace(/ı/g, 'i');
}

// fold() in SQL: lower() follows the database's collation (under "C" it leaves Ə, Ö, İ … as
// they are), so the Azerbaijani letters are mapped by hand first, as toLocaleLowerCase('az')
// maps them (I → ı → i, İ → i).
const AZ_UPPER = 'ABCÇDEƏFGĞHXIİıJKQLMNOÖPRSŞTUÜVYZW';
const AZ_LOWER = 'abcçdeəfgğhxiiijkqlmnoöprsştuüvyzw';

type Person = ReportDocument['persons'][number];
type Filter = { text: string; needle: string; finNeedle: string };

function readFilter(filterText: string): Filter {
  const text = filterText.trim().slice(0, 100);
  // A FIN is matched as an identifier (DOMAIN.md §9): ' 3ht 8r4' finds 3HT8R4N.
  return { text, needle: fold(text), finNeedle: normalizeIdentifierText(text) };
}

function clampPage(pageWanted: number, pageCount: number): number {
  return Math.min(Math.max(1, Number.isSafeInteger(pageWanted) ? pageWanted : 1), pageCount);
}

/** The persons of a legacy submission (no view document): paged from the document itself. */
function pageDocumentPersons(
  persons: readonly Person[],
  pageWanted: number,
  filter: Filter,
): PersonsPage {
  const { needle, finNeedle } = filter;
  const matching =
    needle === ''
      ? persons
      : persons.filter(
          (p) =>
            (finNeedle !== '' && p.fin.toUpperCase().includes(finNeedle)) ||
            fold(`${p.surname} ${p.name} ${p.patronymic}`).includes(needle),
        );
  const total = matching.length;
  const pageCount = Math.max(1, Math.ceil(total / PERSONS_PAGE_SIZE));
  const page = clampPage(pageWanted, pageCount);
  const start = (page - 1) * PERSONS_PAGE_SIZE;
  return {
    rows: matching.slice(start, start + PERSONS_PAGE_SIZE),
    total,
    page,
    pageCount,
    filter: filter.text,
  };
}

/**
 * The persons as signed, one page from report_persons (the rows the document was built from;
 * the caller has checked the report is at the signed version). Keyset paging on the primary
 * key (report_id, fin): a page reached by its neighbour's link starts after (or ends before)
 * that page's FIN; a page number typed without one is walked from the nearer end, so no page
 * reads more than half the persons and none sorts them.
 */
async function pageRowPersons(
  db: DbOrTx,
  reportId: string,
  input: { page: number; after?: string; before?: string; signedTotal: number },
  filter: Filter,
): Promise<PersonsPage> {
  const { needle, finNeedle } = filter;
  const matches =
    needle === ''
      ? sql`true`
      : sql`(${finNeedle !== '' ? sql`strpos(upper(${reportPersons.fin}), ${finNeedle}) > 0` : sql`false`}
          or strpos(lower(translate(${reportPersons.surname} || ' ' || ${reportPersons.name} || ' ' || ${reportPersons.patronymic}, ${AZ_UPPER}, ${AZ_LOWER})), ${needle}) > 0)`;
  const where = and(eq(reportPersons.reportId, reportId), matches);
  let total = input.signedTotal;
  if (needle !== '') {
    const [counted] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(reportPersons)
      .where(where);
    total = Number(counted?.n ?? 0);
  }
  const pageCount = Math.max(1, Math.ceil(total / PERSONS_PAGE_SIZE));
  const page = clampPage(input.page, pageCount);
  const columns = {
    fin: reportPersons.fin,
    surname: reportPersons.surname,
    name: reportPersons.name,
    patronymic: reportPersons.patronymic,
    m1: reportPersons.incomeM1Qepik,
    m2: reportPersons.incomeM2Qepik,
    m3: reportPersons.incomeM3Qepik,
  };
  const pageStart = (page - 1) * PERSONS_PAGE_SIZE;
  const pageEnd = Math.min(page * PERSONS_PAGE_SIZE, total);
  let rows: {
    fin: string;
    surname: string;
    name: string;
    patronymic: string;
    m1: number | null;
    m2: number | null;
    m3: number | null;
  }[];
  if (input.after !== undefined && page > 1) {
    rows = await db
      .select(columns)
      .from(reportPersons)
      .where(and(where, gt(reportPersons.fin, input.after)))
      .orderBy(asc(reportPersons.fin))
      .limit(PERSONS_PAGE_SIZE);
  } else if (input.before !== undefined && page < pageCount) {
    rows = (
      await db
        .select(columns)
        .from(reportPersons)
        .where(and(where, lt(reportPersons.fin, input.before)))
        .orderBy(desc(reportPersons.fin))
        .limit(PERSONS_PAGE_SIZE)
    ).reverse();
  } else if (pageStart <= total - pageEnd) {
    rows = await db
      .select(columns)
      .from(reportPersons)
      .where(where)
      .orderBy(asc(reportPersons.fin))
      .limit(PERSONS_PAGE_SIZE)
      .offset(pageStart);
  } else {
    rows = (
      await db
        .select(columns)
        .from(reportPersons)
        .where(where)
        .orderBy(desc(reportPersons.fin))
        .limit(Math.max(0, pageEnd - pageStart))
        .offset(total - pageEnd)
    ).reverse();
  }
  return {
    rows: rows.map((r) => ({
      fin: r.fin,
      surname: r.surname,
      name: r.name,
      patronymic: r.patronymic,
      incomeQepik: [r.m1, r.m2, r.m3],
    })),
    total,
    page,
    pageCount,
    filter: filter.text,
  };
}

/**
 * A sent report read-only (SPEC G2): the latest document as signed, its persons one page at a
 * time (filtered by FIN or name), every sending with its receipt and decision, and the status
 * timeline. A draft answers isDraft (the page sends it to the wizard); another employer's
 * report NOT_FOUND.
 */
export async function getSentReport(
  db: DbOrTx,
  scope: EmployerScope,
  input: {
    reportId: string;
    personsPage?: number;
    finFilter?: string;
    /** Keyset cursors of the persons' links: the page after this FIN, or before this one. */
    personsAfter?: string;
    personsBefore?: string;
  },
): Promise<SentReportView> {
  assertScopeService(scope, 'REPORTS');
  if (!isUuid(input.reportId)) throw new AppError('NOT_FOUND');
  const [report] = await db
    .select({
      id: reports.id,
      reportType: reports.reportType,
      year: reports.year,
      quarter: reports.quarter,
      activityCode: reports.activityCode,
      activityNameAz: activityCodes.nameAz,
      activityNameEn: activityCodes.nameEn,
      status: reports.status,
      readyAt: reports.readyAt,
      receiptNumber: reports.receiptNumber,
      sentAt: reports.sentAt,
      decidedAt: reports.decidedAt,
      replacesReportId: reports.replacesReportId,
      version: reports.version,
    })
    .from(reports)
    .innerJoin(activityCodes, eq(activityCodes.code, reports.activityCode))
    .where(and(eq(reports.id, input.reportId), eq(reports.employerId, scope.employerId)));
  if (!report) throw new AppError('NOT_FOUND');
  if (report.status === 'DRAFT')
    return { isDraft: true, reportId: report.id, readyAt: report.readyAt };

  // Never the document itself: it is the whole report (23 MB at 200 000 persons). The view
  // document leaves out the persons, which page from report_persons below.
  const sent = await db
    .select({ ...SUBMISSION_COLUMNS, documentViewJson: submissions.documentViewJson })
    .from(submissions)
    .where(and(eq(submissions.reportId, report.id), eq(submissions.employerId, scope.employerId)))
    .orderBy(desc(submissions.receivedAt), desc(submissions.receiptNumber));
  const summaries: SubmissionSummary[] = sent.map((s) => ({
    submissionId: s.id,
    reportId: s.reportId,
    receiptNumber: s.receiptNumber,
    receivedAt: s.receivedAt,
    status: s.status,
    decidedAt: s.decidedAt,
    returnReasons: toReturnReasons(s.returnReasons),
    late: s.late,
    dueDate: s.dueDate,
    documentHash: s.documentHash,
    signerFin: s.signerFin,
    batchId: s.batchId,
  }));
  const latest = sent[0];
  const personsPage = input.personsPage ?? 1;
  const filter = readFilter(input.finFilter ?? '');
  let document: SentDocument | null = null;
  let persons: PersonsPage;
  const viewed = latest?.documentViewJson
    ? (JSON.parse(latest.documentViewJson) as SentDocument)
    : null;
  // The rows are what was signed while the report is at the signed version: a returned report
  // being corrected has moved on, and shows its persons from the document as signed.
  if (viewed && viewed.version === report.version) {
    document = viewed;
    persons = await pageRowPersons(
      db,
      report.id,
      {
        page: personsPage,
        after: input.personsAfter,
        before: input.personsBefore,
        signedTotal: viewed.totals.persons,
      },
      filter,
    );
  } else if (latest) {
    const [full] = await db
      .select({ documentJson: submissions.documentJson })
      .from(submissions)
      .where(eq(submissions.id, latest.id));
    const signed = full ? (JSON.parse(full.documentJson) as ReportDocument) : null;
    document = signed;
    persons = pageDocumentPersons(signed?.persons ?? [], personsPage, filter);
  } else {
    persons = pageDocumentPersons([], personsPage, filter);
  }

  const historyRows = await db
    .select()
    .from(reportStatusHistory)
    .where(
      and(
        eq(reportStatusHistory.reportId, report.id),
        eq(reportStatusHistory.employerId, scope.employerId),
      ),
    )
    .orderBy(asc(reportStatusHistory.id));
  const history: StatusHistoryRow[] = historyRows.map((h) => ({
    status: h.status,
    at: h.at,
    reasons: toReturnReasons(h.reasons),
    submissionId: h.submissionId,
  }));

  return {
    isDraft: false,
    report: {
      id: report.id,
      reportType: report.reportType,
      year: report.year,
      quarter: report.quarter,
      activityCode: report.activityCode,
      activityNameAz: report.activityNameAz,
      activityNameEn: report.activityNameEn,
      status: report.status,
      receiptNumber: report.receiptNumber,
      sentAt: report.sentAt,
      decidedAt: report.decidedAt,
      replacesReportId: report.replacesReportId,
    },
    document,
    latestSubmission: summaries[0] ?? null,
    submissions: summaries,
    history,
    persons,
  };
}
