import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { employers, reportReturns, reports } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { DEFAULT_RETURN_WINDOW_DAYS, lastReturnDay } from '@/lib/domain/staff/report-return-rules';
import { staffBodyFilter, staffViewScope, type StaffScope } from '../../access';
import { now, todayInBaku } from '../../clock';
import { AppError } from '../../errors';
import { getSentReport, type SentReportView } from '../../reports/registry/get-sent-report';
import { getReceipt } from '../../submissions/receipt/get-receipt';
import type { ReceiptView } from '../../submissions/receipt/receipt-view';
import { isUuid } from '../../uuid';
import { verifyReceipt } from '../../verify/verify-receipt';
import type { VerifyCode } from '../../verify/types';
import { REVIEW_REASON_CODES } from './review-reasons';

export type ReviewReportView = {
  employer: { id: string; name: string; voen: string };
  view: Extract<SentReportView, { isDraft: false }>;
  /** The latest submission's receipt, and whether its signature verifies now. */
  receipt: ReceiptView | null;
  signature: { valid: boolean; code: VerifyCode } | null;
  /** Accepted: the last day of the return window, and whether it is still open. */
  returnWindow: { lastDay: string; open: boolean; days: number } | null;
  /** Received and still undecided: the reviewer may decide it by hand. */
  pending: boolean;
  returns: { returnedAt: Date; staffFin: string; note: string }[];
  reasonCodes: readonly string[];
};

/**
 * A report of the staff member's body exactly as its employer sees it (issue 14 §8): the same
 * loader as the employer's sent-report view (getSentReport through staffViewScope), the receipt
 * of its latest sending and whether the signature verifies (the public check's own core), with
 * what the reviewer may do. Another body's report, a draft or an unknown id: NOT_FOUND.
 */
export async function getReviewReport(
  db: DbOrTx,
  staff: StaffScope,
  input: { reportId: string; personsPage?: number; finFilter?: string },
  asOf: Date = now(),
): Promise<ReviewReportView> {
  if (!isUuid(input.reportId)) throw new AppError('NOT_FOUND', { params: input });
  const [found] = await db
    .select({ employerId: reports.employerId, name: employers.name, voen: employers.voen })
    .from(reports)
    .innerJoin(employers, eq(employers.id, reports.employerId))
    .where(and(eq(reports.id, input.reportId), staffBodyFilter(staff, employers.localBodyCode)));
  if (!found) throw new AppError('NOT_FOUND', { params: { reportId: input.reportId } });
  const scope = await staffViewScope(db, staff, found.employerId);
  const view = await getSentReport(db, scope, input);
  if (view.isDraft) throw new AppError('NOT_FOUND', { params: { reportId: input.reportId } });
  const latest = view.latestSubmission;
  const receipt = latest
    ? await getReceipt(db, scope, { submissionId: latest.submissionId })
    : null;
  const verified = latest
    ? await verifyReceipt(db, { receiptNumber: latest.receiptNumber, hash: latest.documentHash })
    : null;
  let returnWindow: ReviewReportView['returnWindow'] = null;
  if (view.report.status === 'ACCEPTED' && latest?.status === 'ACCEPTED' && latest.decidedAt) {
    const lastDay = lastReturnDay(todayInBaku(latest.decidedAt), DEFAULT_RETURN_WINDOW_DAYS);
    returnWindow = {
      lastDay,
      open: todayInBaku(asOf) <= lastDay,
      days: DEFAULT_RETURN_WINDOW_DAYS,
    };
  }
  const returns = await db
    .select({
      returnedAt: reportReturns.returnedAt,
      staffFin: reportReturns.staffFin,
      note: reportReturns.note,
    })
    .from(reportReturns)
    .where(eq(reportReturns.reportId, input.reportId))
    .orderBy(asc(reportReturns.returnedAt));
  return {
    employer: { id: found.employerId, name: found.name, voen: found.voen },
    view,
    receipt,
    signature: verified ? { valid: verified.valid, code: verified.code } : null,
    returnWindow,
    pending: view.report.status === 'SENT' && latest?.status === 'RECEIVED',
    returns,
    reasonCodes: REVIEW_REASON_CODES,
  };
}
