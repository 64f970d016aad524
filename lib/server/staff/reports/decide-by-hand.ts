import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { reports, reportStatusHistory, submissions } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { writeStaffAudit, type StaffScope } from '../../access';
import { now } from '../../clock';
import { AppError } from '../../errors';
import { finishRunningSendJobs } from '../../jobs/send-job';
import { decideSubmission, type Decision } from '../../submissions/decide-submission';
import type { ReturnReason } from '../../submissions/types';
import { lockBodyReport, staffActor } from './return-report';
import { reviewReasons } from './review-reasons';

export type HandDecision =
  | { status: 'ACCEPTED'; ledgerRows: number; personRows: number }
  | { status: 'RETURNED'; reasons: ReturnReason[]; byChecks: boolean };

/**
 * A reviewer decides a report left Received (its automatic checks stopped midway; issue 14 §9).
 * Accept runs the existing decision (decideSubmission) under the reviewer's name, so it posts
 * exactly as the automatic decision does — and if the checks fail now, the report is returned
 * with their coded reasons, never posted against them. Return records the reviewer's coded
 * reasons and text without posting anything. Race-safe: the submission's row lock and its
 * RECEIVED status let exactly one decision through; the rest get REVIEW_REPORT_NOT_PENDING.
 */
export async function decideReportByHand(
  db: DbOrTx,
  staff: StaffScope,
  input: {
    reportId: string;
    decision: 'ACCEPT' | 'RETURN';
    codes?: readonly string[];
    note?: string;
  },
  asOf: Date = now(),
): Promise<HandDecision> {
  const reasons =
    input.decision === 'RETURN' ? reviewReasons(input.codes ?? [], input.note ?? '') : null;
  return db.transaction(async (tx) => {
    const report = await lockBodyReport(tx, staff, input.reportId);
    const [pending] = await tx
      .select()
      .from(submissions)
      .where(and(eq(submissions.reportId, report.id), eq(submissions.status, 'RECEIVED')))
      .orderBy(desc(submissions.receivedAt))
      .limit(1)
      .for('update');
    if (report.status !== 'SENT' || !pending) throw new AppError('REVIEW_REPORT_NOT_PENDING');
    if (reasons === null) {
      const decided: Decision = await decideSubmission(tx, {
        submissionId: pending.id,
        asOf,
        actor: staffActor(staff),
      });
      if (decided.status === 'ALREADY_DECIDED') throw new AppError('REVIEW_REPORT_NOT_PENDING');
      // The send this submission came from (stopped after its receipt) ends with the decision,
      // so the report's page no longer says it was interrupted.
      await finishRunningSendJobs(
        tx,
        report.id,
        { status: decided.status, receiptNumber: pending.receiptNumber },
        asOf,
      );
      await writeStaffAudit(tx, staff, {
        action: 'REPORT_DECIDED_BY_REVIEWER',
        employerId: report.employerId,
        details: {
          reportId: report.id,
          submissionId: pending.id,
          decision: decided.status,
          codes: decided.status === 'RETURNED' ? decided.reasons.map((r) => r.code) : [],
        },
      });
      return decided.status === 'ACCEPTED'
        ? decided
        : { status: 'RETURNED' as const, reasons: decided.reasons, byChecks: true };
    }
    await tx
      .update(submissions)
      .set({ status: 'RETURNED', returnReasons: reasons, decidedAt: asOf })
      .where(eq(submissions.id, pending.id));
    await tx
      .update(reports)
      .set({ status: 'RETURNED', decidedAt: asOf, readyAt: null, updatedAt: asOf })
      .where(eq(reports.id, report.id));
    await tx.insert(reportStatusHistory).values({
      reportId: report.id,
      employerId: report.employerId,
      submissionId: pending.id,
      status: 'RETURNED',
      reasons,
      actor: staffActor(staff),
      at: asOf,
    });
    await finishRunningSendJobs(
      tx,
      report.id,
      { status: 'RETURNED', receiptNumber: pending.receiptNumber },
      asOf,
    );
    await writeStaffAudit(tx, staff, {
      action: 'REPORT_DECIDED_BY_REVIEWER',
      employerId: report.employerId,
      reason: (input.note ?? '').trim(),
      details: {
        reportId: report.id,
        submissionId: pending.id,
        decision: 'RETURNED',
        codes: reasons.map((r) => r.code),
      },
    });
    return { status: 'RETURNED' as const, reasons, byChecks: false };
  });
}
