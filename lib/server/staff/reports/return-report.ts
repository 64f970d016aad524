import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import {
  employers,
  ledgerEntries,
  ledgerEntryReversals,
  reportReturns,
  reports,
  reportStatusHistory,
  submissions,
} from '@/db/schema';
import type { DbOrTx, Tx } from '@/db/types';
import {
  canReturnReport,
  DEFAULT_RETURN_WINDOW_DAYS,
} from '@/lib/domain/staff/report-return-rules';
import { staffBodyFilter, writeStaffAudit, type StaffScope } from '../../access';
import { now, todayInBaku } from '../../clock';
import { AppError } from '../../errors';
import { REPORT_SOURCE } from '../../reports/report-ledger';
import type { ReturnReason } from '../../submissions/types';
import { isUuid } from '../../uuid';
import { reviewReasons } from './review-reasons';

export const staffActor = (staff: StaffScope) => `STAFF:${staff.fin}`;

/** A report of the staff member's body, locked, with the advisory lock its decisions take. */
export async function lockBodyReport(tx: Tx, staff: StaffScope, reportId: string) {
  if (!isUuid(reportId)) throw new AppError('NOT_FOUND', { params: { reportId } });
  const [target] = await tx
    .select({ employerId: reports.employerId, activityCode: reports.activityCode })
    .from(reports)
    .innerJoin(employers, eq(employers.id, reports.employerId))
    .where(and(eq(reports.id, reportId), staffBodyFilter(staff, employers.localBodyCode)));
  if (!target) throw new AppError('NOT_FOUND', { params: { reportId } });
  // The lock decideSubmission takes: one change of an activity code's account at a time.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`decide:${target.employerId}:${target.activityCode}`}, 0))`,
  );
  const [report] = await tx.select().from(reports).where(eq(reports.id, reportId)).for('update');
  if (!report) throw new AppError('NOT_FOUND', { params: { reportId } });
  return report;
}

const CHUNK = 1_000;

/** postgres.js returns an array of rows; PGlite returns { rows }. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * The exact negatives of what a submission's acceptance posted (never an UPDATE or DELETE): per
 * ledger entry one compensating entry with the same target, period, date, payment and source (so
 * every read by submission, account target or accounting month nets to zero), linked to it in
 * ledger_entry_reversals; per person-month row one row of negatives with the same submission.
 * The totals tables follow the person rows by their trigger (migrations 0010, 0014).
 */
async function reversePosting(
  tx: Tx,
  input: { submissionId: string; returnId: string; createdBy: string; asOf: Date },
): Promise<{ ledgerRows: number; personRows: number }> {
  const originals = await tx
    .select()
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.sourceType, REPORT_SOURCE),
        eq(ledgerEntries.sourceId, input.submissionId),
        sql`not exists (select 1 from ${ledgerEntryReversals} r
          where r.reversal_entry_id = ${ledgerEntries.id} or r.reversed_entry_id = ${ledgerEntries.id})`,
      ),
    )
    .orderBy(ledgerEntries.id);
  for (let i = 0; i < originals.length; i += CHUNK) {
    const chunk = originals.slice(i, i + CHUNK);
    const inserted = await tx
      .insert(ledgerEntries)
      .values(
        chunk.map((e) => {
          const amountQepik = -e.amountQepik;
          // A negated accrual or payment breaks the ledger's sign rule (accruals > 0, payments
          // < 0): it goes in as an ADJUSTMENT naming what it adjusts, as a corrective posting
          // writes it; an adjustment or opening balance is negated as it is.
          const either = e.kind === 'ADJUSTMENT' || e.kind === 'OPENING_BALANCE';
          const kind = either ? e.kind : ('ADJUSTMENT' as const);
          const memo = either
            ? e.memo
            : [e.kind, e.memo].filter((x) => x !== null && x !== '').join(' ');
          return {
            employerId: e.employerId,
            activityCode: e.activityCode,
            entryDate: e.entryDate,
            periodYear: e.periodYear,
            periodMonth: e.periodMonth,
            kind,
            amountQepik,
            paymentId: e.paymentId,
            target: e.target,
            obligationSide: e.obligationSide,
            obligationMonth: e.obligationMonth,
            sourceType: e.sourceType,
            sourceId: e.sourceId,
            memo,
            createdBy: input.createdBy,
            createdAt: input.asOf,
          };
        }),
      )
      .returning({ id: ledgerEntries.id, amountQepik: ledgerEntries.amountQepik });
    if (inserted.length !== chunk.length) throw new Error('reversePosting: rows lost');
    // RETURNING gives the rows in the order of VALUES; checked, not assumed.
    inserted.forEach((row, k) => {
      if (row.amountQepik !== -chunk[k]!.amountQepik) throw new Error('reversePosting: order');
    });
    await tx.insert(ledgerEntryReversals).values(
      inserted.map((row, k) => ({
        reversalEntryId: row.id,
        reversedEntryId: chunk[k]!.id,
        reportReturnId: input.returnId,
      })),
    );
  }
  const persons = await tx.execute(sql`with added as (
      insert into person_account_entries
        (employer_id, activity_code, fin, month, report_id, submission_id, income_qepik,
         employer_mdss_qepik, employee_mdss_qepik, paid_employer_qepik, paid_employee_qepik, created_at)
      select employer_id, activity_code, fin, month, report_id, submission_id, -sum(income_qepik),
        -sum(employer_mdss_qepik), -sum(employee_mdss_qepik), -sum(paid_employer_qepik),
        -sum(paid_employee_qepik), ${input.asOf.toISOString()}::timestamptz
      from person_account_entries where submission_id = ${input.submissionId}::uuid
      group by employer_id, activity_code, fin, month, report_id, submission_id
      having sum(income_qepik) <> 0 or sum(employer_mdss_qepik) <> 0 or sum(employee_mdss_qepik) <> 0
        or sum(paid_employer_qepik) <> 0 or sum(paid_employee_qepik) <> 0
      order by fin, month
      returning 1)
    select count(*) as n from added`);
  const personRows = Number(rowsOf<{ n: string | number }>(persons)[0]?.n ?? 0);
  return { ledgerRows: originals.length, personRows };
}

export type ReturnOutcome = {
  reportId: string;
  employerId: string;
  returnId: string;
  ledgerRows: number;
  personRows: number;
  reasons: ReturnReason[];
};

/**
 * A reviewer returns an accepted report of their body within the fund's window (issue 14 §9):
 * its posting is reversed by compensating entries, the report and its accepted submission
 * become RETURNED with the coded reasons and the text (the employer's registry and report view
 * show them, and the report edits like a draft to be sent again), a corrective report's
 * predecessor is in force again, and the return is audited with its reason. Race-safe: the
 * report's row and account locks serialise two returns, and the second finds it RETURNED.
 */
export async function returnAcceptedReport(
  db: DbOrTx,
  staff: StaffScope,
  input: { reportId: string; codes: readonly string[]; note: string; windowDays?: number },
  asOf: Date = now(),
): Promise<ReturnOutcome> {
  const reasons = reviewReasons(input.codes, input.note);
  return db.transaction(async (tx) => {
    const report = await lockBodyReport(tx, staff, input.reportId);
    const [accepted] =
      report.status === 'ACCEPTED'
        ? await tx
            .select()
            .from(submissions)
            .where(and(eq(submissions.reportId, report.id), eq(submissions.status, 'ACCEPTED')))
            .orderBy(desc(submissions.receivedAt))
            .limit(1)
            .for('update')
        : [];
    const allowed = canReturnReport({
      status: accepted ? report.status : 'NONE',
      acceptedOn: accepted?.decidedAt ? todayInBaku(accepted.decidedAt) : null,
      today: todayInBaku(asOf),
      windowDays: input.windowDays ?? DEFAULT_RETURN_WINDOW_DAYS,
    });
    if (!allowed.ok) {
      throw new AppError(
        allowed.code === 'RETURN_WINDOW_CLOSED'
          ? 'REVIEW_RETURN_WINDOW_CLOSED'
          : 'REVIEW_REPORT_NOT_ACCEPTED',
        { params: { lastDay: String(allowed.params?.lastDay ?? '') } },
      );
    }
    const submission = accepted!;
    const returnId = randomUUID();
    await tx.insert(reportReturns).values({
      id: returnId,
      employerId: report.employerId,
      reportId: report.id,
      submissionId: submission.id,
      reasons,
      note: input.note.trim(),
      staffId: staff.staffId,
      staffFin: staff.fin,
      acceptedAt: submission.decidedAt!,
      returnedAt: asOf,
    });
    const reversed = await reversePosting(tx, {
      submissionId: submission.id,
      returnId,
      createdBy: staffActor(staff),
      asOf,
    });
    await tx
      .update(submissions)
      .set({ status: 'RETURNED', returnReasons: reasons })
      .where(eq(submissions.id, submission.id));
    await tx
      .update(reports)
      .set({ status: 'RETURNED', decidedAt: asOf, readyAt: null, updatedAt: asOf })
      .where(eq(reports.id, report.id));
    await tx.insert(reportStatusHistory).values({
      reportId: report.id,
      employerId: report.employerId,
      submissionId: submission.id,
      status: 'RETURNED',
      reasons,
      actor: staffActor(staff),
      at: asOf,
    });
    // A returned corrective report no longer stands in for the one it replaced: that one's
    // posting (netted until now by the corrective's difference) is in force again.
    let restored: string | null = null;
    if (report.reportType === 'CORRECTIVE' && report.replacesReportId) {
      const [replaced] = await tx
        .select({ id: reports.id, status: reports.status })
        .from(reports)
        .where(eq(reports.id, report.replacesReportId))
        .for('update');
      if (replaced?.status === 'REPLACED') {
        await tx
          .update(reports)
          .set({ status: 'ACCEPTED', updatedAt: asOf })
          .where(eq(reports.id, replaced.id));
        await tx.insert(reportStatusHistory).values({
          reportId: replaced.id,
          employerId: report.employerId,
          submissionId: submission.id,
          status: 'ACCEPTED',
          actor: staffActor(staff),
          at: asOf,
        });
        restored = replaced.id;
      }
    }
    await writeStaffAudit(tx, staff, {
      action: 'REPORT_RETURNED_BY_REVIEWER',
      employerId: report.employerId,
      reason: input.note.trim(),
      details: {
        reportId: report.id,
        submissionId: submission.id,
        returnId,
        codes: reasons.map((r) => r.code),
        ledgerRows: reversed.ledgerRows,
        personRows: reversed.personRows,
        restoredReportId: restored,
      },
    });
    return {
      reportId: report.id,
      employerId: report.employerId,
      returnId,
      ...reversed,
      reasons,
    };
  });
}
