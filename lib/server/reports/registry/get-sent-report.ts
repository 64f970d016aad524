import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import { activityCodes, reports, reportStatusHistory, submissions } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { normalizeIdentifierText } from '@/lib/domain/identifier-text';
import type { ReportDocument } from '@/lib/server/submissions/report-document-types';
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
      /** The document of the latest submission exactly as signed; null if none was recorded. */
      document: ReportDocument | null;
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

function pagePersons(
  persons: ReportDocument['persons'],
  pageWanted: number,
  filterText: string,
): PersonsPage {
  const filter = filterText.trim().slice(0, 100);
  const needle = fold(filter);
  // A FIN is matched as an identifier (DOMAIN.md §9): ' 3ht 8r4' finds 3HT8R4N.
  const finNeedle = normalizeIdentifierText(filter);
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
  const page = Math.min(Math.max(1, Number.isSafeInteger(pageWanted) ? pageWanted : 1), pageCount);
  const start = (page - 1) * PERSONS_PAGE_SIZE;
  return { rows: matching.slice(start, start + PERSONS_PAGE_SIZE), total, page, pageCount, filter };
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
  input: { reportId: string; personsPage?: number; finFilter?: string },
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
    })
    .from(reports)
    .innerJoin(activityCodes, eq(activityCodes.code, reports.activityCode))
    .where(and(eq(reports.id, input.reportId), eq(reports.employerId, scope.employerId)));
  if (!report) throw new AppError('NOT_FOUND');
  if (report.status === 'DRAFT')
    return { isDraft: true, reportId: report.id, readyAt: report.readyAt };

  const sent = await db
    .select()
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
  const document = latest ? (JSON.parse(latest.documentJson) as ReportDocument) : null;

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
    persons: pagePersons(document?.persons ?? [], input.personsPage ?? 1, input.finFilter ?? ''),
  };
}
