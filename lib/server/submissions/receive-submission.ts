import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import {
  receiptNumberSeq,
  reports,
  reportStatusHistory,
  sanctionProposals,
  submissions,
} from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { proposeLateFilingSanction, reportDueDate } from '@/lib/domain';
import { writeAudit } from '../audit';
import { todayInBaku } from '../clock';
import type { ReportContext } from '../reports/persons/report-context';
import { loadHolidays, loadLateFilingSanction } from '../reports/report-rates';
import type { BuiltDocument } from './build-report-document';
import type { ReportDocument } from './report-document-types';
import { SUBMISSION_COLUMNS, type SubmissionRow } from './submission-summary';

/** The document as the sent view shows it: everything but the persons (they page from rows). */
export function documentViewJson(document: ReportDocument): string {
  return JSON.stringify({ ...document, persons: [] });
}

/** The submission a signature already produced for this report, if any (idempotency). */
export async function findSubmissionFor(
  db: DbOrTx,
  reportId: string,
  signedDocumentId: string,
): Promise<SubmissionRow | null> {
  const [row] = await db
    .select(SUBMISSION_COLUMNS)
    .from(submissions)
    .where(
      and(eq(submissions.reportId, reportId), eq(submissions.signedDocumentId, signedDocumentId)),
    );
  return row ?? null;
}

/**
 * Stage one of sending (issue 6 §5): the report is Received — a receipt number from the
 * sequence, the receipt time as the legal filing time, the document exactly as signed — and
 * the report leaves the employer's hands (status SENT). A filing after the due date is flagged
 * and a sanction proposal is recorded for fund staff, never posted (DOMAIN.md §6). The caller
 * holds the report's row lock and has checked the report is editable and unchanged.
 */
export async function receiveSubmission(
  tx: DbOrTx,
  input: {
    report: ReportContext;
    built: BuiltDocument;
    signedDocumentId: string;
    signerFin: string;
    certificateSerial: string;
    batchId: string | null;
    asOf: Date;
  },
): Promise<SubmissionRow> {
  const { report, built, asOf } = input;
  // HS-<year of filing>-<sequence>: unique by the sequence alone, readable by the year. Taken
  // by the insert itself (one row, so nextval runs exactly once; never a number twice).
  const receiptNumber = sql<string>`${`HS-${todayInBaku(asOf).slice(0, 4)}-`}::text || nextval('${sql.raw(receiptNumberSeq.seqName ?? 'receipt_number_seq')}')::text`;
  const due = reportDueDate({ year: report.year, quarter: report.quarter }, await loadHolidays(tx));
  if (!due.ok)
    throw new Error(`receiveSubmission: no due date for ${report.year} Q${report.quarter}`);
  const filedOn = todayInBaku(asOf);
  const mdssQepik =
    built.document.totals.mdssEmployerQepik + built.document.totals.mdssEmployeeQepik;
  const sanction = proposeLateFilingSanction({
    mdssQepik,
    dueDate: due.value,
    submittedOn: filedOn,
    parameters: await loadLateFilingSanction(tx),
  });
  if (!sanction.ok) throw new Error(`receiveSubmission: sanction ${sanction.code}`);
  const id = randomUUID();
  const [row] = await tx
    .insert(submissions)
    .values({
      id,
      employerId: report.employerId,
      reportId: report.id,
      batchId: input.batchId,
      receiptNumber,
      receivedAt: asOf,
      documentJson: built.canonical,
      documentViewJson: documentViewJson(built.document),
      documentHash: built.hash,
      signedDocumentId: input.signedDocumentId,
      signerFin: input.signerFin,
      certificateSerial: input.certificateSerial,
      dueDate: due.value,
      late: sanction.value.isLate,
    })
    .returning(SUBMISSION_COLUMNS);
  if (!row?.receiptNumber) throw new Error('receiveSubmission: insert returned nothing');
  const { receiptNumber: number } = row;
  await tx.insert(reportStatusHistory).values({
    reportId: report.id,
    employerId: report.employerId,
    submissionId: id,
    status: 'RECEIVED',
    actor: input.signerFin,
    at: asOf,
  });
  await tx
    .update(reports)
    .set({
      status: 'SENT',
      receiptNumber: number,
      sentAt: asOf,
      decidedAt: null,
      mdssQepik,
      debtEndQepik: built.document.totals.debtEndQepik,
      personsCount: built.document.totals.persons,
      // The review queue's order (issue 15 §11): the same deadline and flag as the submission.
      dueDate: due.value,
      late: sanction.value.isLate,
      updatedAt: asOf,
    })
    .where(and(eq(reports.id, report.id), eq(reports.employerId, report.employerId)));
  if (sanction.value.isLate) {
    const daysLate = Math.round((Date.parse(filedOn) - Date.parse(due.value)) / 86_400_000);
    await tx.insert(sanctionProposals).values({
      id: randomUUID(),
      employerId: report.employerId,
      reportId: report.id,
      submissionId: id,
      activityCode: report.activityCode,
      amountQepik: sanction.value.sanctionQepik,
      daysLate,
      createdAt: asOf,
    });
  }
  await writeAudit(tx, {
    action: 'REPORT_RECEIVED',
    outcome: 'SUCCESS',
    actorFin: input.signerFin,
    employerId: report.employerId,
    details: {
      reportId: report.id,
      submissionId: id,
      receiptNumber: number,
      hash: built.hash,
      late: sanction.value.isLate,
      batchId: input.batchId,
    },
  });
  return row;
}
