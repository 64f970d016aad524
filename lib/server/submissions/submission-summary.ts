import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { reportStatusHistory, submissions } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { readReturnReasons } from './return-reasons';
import type { StatusHistoryRow, SubmissionSummary } from './types';

type Row = typeof submissions.$inferSelect;

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
export async function toSubmissionSummary(db: DbOrTx, submissionId: string): Promise<SubmissionSummary> {
  const [row] = await db.select().from(submissions).where(eq(submissions.id, submissionId));
  if (!row) throw new Error(`toSubmissionSummary: no submission ${submissionId}`);
  return summarise(row);
}

/** Every sending of a report, newest first. Internal: the report id is already in scope. */
export async function submissionsOfReport(db: DbOrTx, reportId: string): Promise<SubmissionSummary[]> {
  const rows = await db
    .select()
    .from(submissions)
    .where(eq(submissions.reportId, reportId))
    .orderBy(desc(submissions.receivedAt));
  return rows.map(summarise);
}

/** The report's status history, oldest first. Internal: the report id is already in scope. */
export async function statusHistoryOfReport(db: DbOrTx, reportId: string): Promise<StatusHistoryRow[]> {
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
