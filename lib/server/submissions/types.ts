import type { ReportHistoryStatus, SubmissionStatus } from '@/db/schema';

/** A coded reason a submission was returned, with the wizard step that fixes it. */
export type ReturnReason = {
  code: string;
  step: string;
  text: { az: string; en: string };
};

/** One sending of a report as the registry, the receipt and the send screens show it. */
export type SubmissionSummary = {
  submissionId: string;
  reportId: string;
  receiptNumber: string;
  receivedAt: Date;
  status: SubmissionStatus;
  decidedAt: Date | null;
  returnReasons: ReturnReason[];
  late: boolean;
  dueDate: string;
  documentHash: string;
  signerFin: string;
  batchId: string | null;
};

/** One row of a report's status history (append-only). */
export type StatusHistoryRow = {
  status: ReportHistoryStatus;
  at: Date;
  reasons: ReturnReason[];
  submissionId: string | null;
};

/** The outcome of one report in a send (single or "GÖNDƏR" of a quarter). */
export type SendResult =
  | { ok: true; reportId: string; submission: SubmissionSummary }
  | { ok: false; reportId: string; code: string; text: { az: string; en: string } };
