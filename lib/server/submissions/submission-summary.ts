import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { reportStatusHistory, submissions } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { readReturnReasons } from './return-reasons';
import type { StatusHistoryRow, SubmissionSummary } from './types';

/**
 * A submission without its document: the document is the whole report (megabytes for a large
 * employer) and only the checks and the receipt need it, so nothing else fetches it.
 */
export const SUBMISSION_COLUMNS = {
  id: submissions.id,
  reportId: submissions.reportId,
  batchId: submissions.batchId,
  receiptNumber: submissions.receiptNumber,
  receivedAt: submissions.receivedAt,
  documentHash: submissions.documentHash,
  signerFin: submissions.signerFin,
  dueDate: submissions.dueDate,
  late: submissions.late,
  status: submissions.status,
  returnReasons: submissions.returnReasons,
  decidedAt: submissions.decidedAt,
};
export type SubmissionRow = {
  [K in keyof typeof SUBMISSION_COLUMNS]: (typeof submissions.$inferSelect)[K];
};
type Row = SubmissionRow;

export function summarise(row: Row): SubmissionSummary {
  return {
    submissionId: row.id,
    reportId: row.reportId,
    receiptNumber: row.receiptNumber,
    receivedAt: row.receivedAt,
    status: row.status,
    decidedAt: row.decidedAt,
    returnReasons: readReturnReasons(row.returnReasons),
    late: row.late,
    dueDate: row.dueDate,
    documentHash: row.documentHash,
    signerFin: row.signerFin,
    batchId: row.batchId,
  };
}

/** A submission by id. Internal: callers have already scoped the id to the employer. */
export async function toSubmissionSummary(
  db: DbOrTx,
  submissionId: string,
): Promise<SubmissionSummary> {
  const [row] = await db
    .select(SUBMISSION_COLUMNS)
    .from(submissions)
    .where(eq(submissions.id, submissionId));
  if (!row) throw new Error(`toSubmissionSummary: no submission ${submissionId}`);
  return summarise(row);
}

/** Every sending of a report, newest first. Internal: the report id is already in scope. */
export async function submissionsOfReport(
  db: DbOrTx,
  reportId: string,
): Promise<SubmissionSummary[]> {
  const rows = await db
    .select(SUBMISSION_COLUMNS)
    .from(submissions)
    .where(eq(submissions.reportId, reportId))
    .orderBy(desc(submissions.receivedAt));
  return rows.map(summarise);
}

/** The report's status history, oldest first. Internal: the report id is already in scope. */
export async function statusHistoryOfReport(
  db: DbOrTx,
  reportId: string,
): Promise<StatusHistoryRow[]> {
  const rows = await db
    .select()
    .from(reportStatusHistory)
    .where(eq(reportStatusHistory.reportId, reportId))
    .orderBy(reportStatusHistory.id);
  return rows.map((r) => ({
    status: r.status,
    at: r.at,
    reasons: readReturnReasons(r.reasons),
    submissionId: r.submissionId,
  }));
}
