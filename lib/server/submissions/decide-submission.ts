import 'server-only';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import {
  certificates,
  payments,
  reportPayments,
  reports,
  reportStatusHistory,
  signedDocuments,
  submissions,
} from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { canonicalJson } from '@/auth/signing';
import { computeReportPenalty, postingDifference } from '@/lib/domain';
import { resolveEmployerServices } from '../access';
import { writeAudit } from '../audit';
import { todayInBaku } from '../clock';
import { quarterBounds } from '../reports/report-draft';
import { ledgerBalanceBefore, ledgerEntriesBetween } from '../reports/report-ledger';
import { loadContributionSchedule } from '../reports/report-rates';
import { correctionWindow, loadAccount, replacedChain } from '../reports/account/load-account';
import { toReviewMessage } from '../reports/review/review-messages';
import { checkDocument } from './check-document';
import { postingOf, writePenaltyCharges, writePosting } from './posting';
import { documentAccount, type ReportDocument } from './report-document-types';
import { returnReason, type ReturnCode } from './return-reasons';
import type { ReturnReason } from './types';

export type Decision =
  | { status: 'ACCEPTED'; ledgerRows: number; personRows: number }
  | { status: 'RETURNED'; reasons: ReturnReason[] }
  | { status: 'ALREADY_DECIDED' };

const ACTOR = 'SYSTEM:AUTOMATIC_CHECKS';

const sum = (xs: readonly number[]) => xs.reduce((t, x) => t + x, 0);

/**
 * Stage two of sending (issue 6 §5, SPEC H3 automatic acceptance): the automatic checks over
 * the document as received — balance, the fund's entries and opening debt still as declared,
 * MDSS recomputed from the persons, uniqueness of the report for its key, the signer's
 * authority at signing time, payments within their remainders. Pass → ACCEPTED and posted to
 * the ledger and persons' accounts; a corrective report posts only its difference and marks the
 * report it replaces REPLACED. Fail → RETURNED with coded reasons linking to the steps. One
 * transaction: a failure midway leaves the submission RECEIVED with nothing posted, and a
 * second call (retry) decides it then. Idempotent: a decided submission is left alone.
 */
export async function decideSubmission(
  db: DbOrTx,
  input: {
    submissionId: string;
    asOf: Date;
    actor?: string;
    /**
     * The posting stage (issue 15 §6): the checks passed, and so many of the persons' rows
     * (person-months) are written out of all. Told from inside the transaction and never awaited,
     * so it changes neither what is posted nor when it commits.
     */
    onPosting?: (posted: number, total: number) => void;
  },
): Promise<Decision> {
  // A reviewer deciding a pending report by hand (issue 14 §9) runs the same checks and posting.
  const actor = input.actor ?? ACTOR;
  return db.transaction(async (tx) => {
    // One decision at a time per activity code: each reads the account and the penalty
    // already charged, then posts to them (DOMAIN.md §4: no day is charged twice). The lock's
    // key is read and taken in one statement (the same key return-report.ts takes).
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended('decide:' || ${submissions.employerId}::text || ':' || ${reports.activityCode}, 0))
        from ${submissions} join ${reports} on ${reports.id} = ${submissions.reportId}
        where ${submissions.id} = ${input.submissionId}`,
    );
    // The submission and its report, both row-locked, in one statement.
    const [locked] = await tx
      .select({ submission: submissions, report: reports })
      .from(submissions)
      .innerJoin(reports, eq(reports.id, submissions.reportId))
      .where(eq(submissions.id, input.submissionId))
      .for('update');
    if (!locked) throw new Error(`decideSubmission: no submission ${input.submissionId}`);
    const { submission, report } = locked;
    if (submission.status !== 'RECEIVED') return { status: 'ALREADY_DECIDED' as const };
    const document = JSON.parse(submission.documentJson) as ReportDocument;
    const schedule = await loadContributionSchedule(tx);
    const failures: ReturnReason[] = [];
    const fail = (code: ReturnCode, params?: Record<string, string | number>) =>
      failures.push(returnReason(code, params));

    // The report's own rules, from the engine its check page uses (issue 11 §3): each blocking
    // one returns it. The application of the money is re-derived from the document's own
    // account and payments (DOMAIN.md §5) and must be what was signed.
    const next = postingOf(document, schedule);
    for (const result of checkDocument(document, schedule, next)) {
      if (result.severity !== 'blocking') continue;
      const message = toReviewMessage(result);
      failures.push({ code: result.code, step: result.step, text: message.text });
    }
    if (
      document.application !== undefined &&
      canonicalJson(next.application) !== canonicalJson(document.application) &&
      !failures.some((f) => f.code === 'BALANCE_MISMATCH')
    ) {
      fail('BALANCE_MISMATCH');
    }
    // The opening debt, the open debts the payments were applied to, and the fund's own
    // entries are still what the report copied.
    const bounds = quarterBounds(report);
    const debtStart = await ledgerBalanceBefore(
      tx,
      report.employerId,
      report.activityCode,
      bounds.from,
    );
    const chain = await replacedChain(tx, report.employerId, report.replacesReportId);
    const account = await loadAccount(tx, {
      employerId: report.employerId,
      activityCode: report.activityCode,
      excludeReportIds: chain,
      extraMonths: document.period.months,
    });
    const openNow = documentAccount(account.state);
    if (
      debtStart !== document.debtStartQepik ||
      (document.account !== undefined && canonicalJson(openNow) !== canonicalJson(document.account))
    ) {
      fail('OPENING_DEBT_CHANGED', { expectedQepik: debtStart });
    }
    // The penalty: the same timeline now gives the same charges (nothing else charged those
    // days since), and the penalty line is what the calculation gave (DOMAIN.md §4).
    if (document.penalty) {
      let chargedThrough = account.chargedThrough;
      if (report.reportType === 'CORRECTIVE' && report.replacesReportId) {
        chargedThrough = (
          await correctionWindow(tx, {
            employerId: report.employerId,
            replacedReportId: report.replacesReportId,
            chargedElsewhere: account.chargedThrough,
          })
        ).chargedThrough;
      }
      const recomputed = computeReportPenalty({
        account: account.state,
        posting: next,
        dueDates: account.dueDates,
        chargedThrough,
        through: document.penalty.through,
        parameters: account.parameters,
      });
      const line = document.lines.find((l) => l.category === 'PENALTY')?.accruedQepik ?? 0;
      const charged = (p: { month: string; side: string; penaltyQepik: number; days: number }[]) =>
        p
          .filter((o) => o.days > 0 || o.penaltyQepik > 0)
          .map((o) => `${o.month}:${o.side}:${o.penaltyQepik}:${o.days}`)
          .join(',');
      if (
        !recomputed.ok ||
        recomputed.value.totalQepik !== document.penalty.totalQepik ||
        charged([...recomputed.value.obligations]) !== charged(document.penalty.obligations) ||
        line !== document.penalty.totalQepik
      ) {
        fail('PENALTY_OUTDATED');
      }
    }
    const lineOf = (category: string) =>
      document.lines.find((l) => l.category === category)?.accruedQepik ?? 0;
    // The fund's own entries of the quarter, in one read.
    const entries = await ledgerEntriesBetween(
      tx,
      report.employerId,
      report.activityCode,
      ['FINE', 'SANCTION', 'OTHER_ACCRUAL', 'WRITE_OFF'],
      bounds,
    );
    const fund = (kinds: readonly string[]) =>
      sum(entries.filter((e) => kinds.includes(e.kind)).map((e) => e.amountQepik));
    const fines = fund(['FINE', 'SANCTION']);
    const found = fund(['OTHER_ACCRUAL']);
    const writeOffs = -fund(['WRITE_OFF']);
    if (
      (document.lines.some((l) => l.category === 'SANCTIONS_FINES') &&
        fines !== lineOf('SANCTIONS_FINES')) ||
      (document.lines.some((l) => l.category === 'FUND_FOUND') && found !== lineOf('FUND_FOUND')) ||
      writeOffs !== document.writeOffsQepik
    ) {
      fail('FUND_ENTRIES_CHANGED');
    }
    // Uniqueness: one report in force per key.
    let previous: { reportId: string; document: ReportDocument } | null = null;
    if (report.reportType === 'INITIAL') {
      const [other] = await tx
        .select({ id: reports.id })
        .from(reports)
        .where(
          and(
            eq(reports.employerId, report.employerId),
            eq(reports.activityCode, report.activityCode),
            eq(reports.year, report.year),
            eq(reports.quarter, report.quarter),
            ne(reports.id, report.id),
            inArray(reports.status, ['ACCEPTED']),
          ),
        );
      if (other) fail('DUPLICATE_REPORT');
    } else {
      const [replaced] = report.replacesReportId
        ? await tx
            .select()
            .from(reports)
            .where(eq(reports.id, report.replacesReportId))
            .for('update')
        : [];
      if (
        !replaced ||
        replaced.status !== 'ACCEPTED' ||
        replaced.employerId !== report.employerId
      ) {
        fail('REPLACED_REPORT_NOT_ACCEPTED');
      } else {
        const [accepted] = await tx
          .select({ documentJson: submissions.documentJson })
          .from(submissions)
          .where(and(eq(submissions.reportId, replaced.id), eq(submissions.status, 'ACCEPTED')));
        if (!accepted) fail('REPLACED_REPORT_NOT_ACCEPTED');
        else
          previous = {
            reportId: replaced.id,
            document: JSON.parse(accepted.documentJson) as ReportDocument,
          };
      }
    }
    // The signer's authority when they signed.
    const [signed] = await tx
      .select({ signedAt: signedDocuments.signedAt, kind: certificates.kind })
      .from(signedDocuments)
      .innerJoin(certificates, eq(certificates.serial, signedDocuments.certificateSerial))
      .where(eq(signedDocuments.id, submission.signedDocumentId));
    const authority = signed
      ? await resolveEmployerServices(
          tx,
          {
            fin: submission.signerFin,
            certificateSerial: submission.certificateSerial,
            method: signed.kind === 'CARD' ? 'ESIGN' : 'ASAN',
          },
          report.employerId,
          signed.signedAt,
        )
      : null;
    if (!authority?.ok || !authority.services.has('REPORTS')) fail('SIGNER_NO_AUTHORITY');
    // Payments within their remainders across every report that stands. ("payments"."id" is
    // spelled out: drizzle renders a bare "id" in single-table selects, which would bind to r.id.)
    if (document.payments.length > 0) {
      const overused = await tx
        .select({ id: payments.id })
        .from(payments)
        .where(
          and(
            inArray(
              payments.id,
              document.payments.map((p) => p.paymentId),
            ),
            sql`${payments.amountQepik} < coalesce((select sum(rp.amount_qepik) from ${reportPayments} rp
              join reports r on r.id = rp.report_id
              where rp.payment_id = ${sql.raw('"payments"."id"')} and r.status in ('SENT', 'ACCEPTED')
                ${report.replacesReportId ? sql`and r.id <> ${report.replacesReportId}` : sql``}), 0)`,
          ),
        );
      if (overused.length > 0) fail('PAYMENT_OVERUSED');
    }

    if (failures.length > 0) {
      await tx
        .update(submissions)
        .set({ status: 'RETURNED', returnReasons: failures, decidedAt: input.asOf })
        .where(eq(submissions.id, submission.id));
      await tx
        .update(reports)
        .set({ status: 'RETURNED', decidedAt: input.asOf, readyAt: null, updatedAt: input.asOf })
        .where(eq(reports.id, report.id));
      await tx.insert(reportStatusHistory).values({
        reportId: report.id,
        employerId: report.employerId,
        submissionId: submission.id,
        status: 'RETURNED',
        reasons: failures,
        actor,
        at: input.asOf,
      });
      await writeAudit(tx, {
        action: 'REPORT_RETURNED',
        outcome: 'SUCCESS',
        employerId: report.employerId,
        details: {
          reportId: report.id,
          submissionId: submission.id,
          codes: failures.map((f) => f.code),
        },
      });
      return { status: 'RETURNED' as const, reasons: failures };
    }

    const posting = previous
      ? postingDifference(next, postingOf(previous.document, schedule))
      : next;
    const paymentDates = new Map(document.payments.map((p) => [p.paymentId, p.paymentDate]));
    if (previous)
      for (const p of previous.document.payments) paymentDates.set(p.paymentId, p.paymentDate);
    const written = await writePosting(tx, {
      posting,
      employerId: report.employerId,
      activityCode: report.activityCode,
      reportId: report.id,
      submissionId: submission.id,
      paymentDates,
      filedOn: todayInBaku(submission.receivedAt),
      asOf: input.asOf,
      onPersonRows: input.onPosting,
    });
    await writePenaltyCharges(tx, {
      document,
      employerId: report.employerId,
      activityCode: report.activityCode,
      reportId: report.id,
      submissionId: submission.id,
      asOf: input.asOf,
    });
    await tx
      .update(submissions)
      .set({ status: 'ACCEPTED', decidedAt: input.asOf })
      .where(eq(submissions.id, submission.id));
    await tx
      .update(reports)
      .set({ status: 'ACCEPTED', decidedAt: input.asOf, updatedAt: input.asOf })
      .where(eq(reports.id, report.id));
    await tx.insert(reportStatusHistory).values({
      reportId: report.id,
      employerId: report.employerId,
      submissionId: submission.id,
      status: 'ACCEPTED',
      actor,
      at: input.asOf,
    });
    if (previous) {
      await tx
        .update(reports)
        .set({ status: 'REPLACED', updatedAt: input.asOf })
        .where(eq(reports.id, previous.reportId));
      await tx.insert(reportStatusHistory).values({
        reportId: previous.reportId,
        employerId: report.employerId,
        submissionId: submission.id,
        status: 'REPLACED',
        actor,
        at: input.asOf,
      });
    }
    await writeAudit(tx, {
      action: 'REPORT_ACCEPTED',
      outcome: 'SUCCESS',
      employerId: report.employerId,
      details: {
        reportId: report.id,
        submissionId: submission.id,
        ledgerRows: written.ledgerRows,
        personRows: written.personRows,
        replaces: previous?.reportId ?? null,
      },
    });
    return { status: 'ACCEPTED' as const, ...written };
  });
}
