import 'server-only';
import { eq } from 'drizzle-orm';
import { EDITABLE_STATUSES, signedDocuments, signingSessions } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertNotStaffView, assertScopeService, type EmployerScope } from '../access';
import { now } from '../clock';
import { AppError } from '../errors';
import { isUuid } from '../uuid';
import { computePenalty } from '../reports/compute-penalty';
import { loadReportContext, type ReportContext } from '../reports/persons/report-context';
import type { ReviewMessage } from '../reports/review/review-messages';
import { completeDocumentSigningIn } from '../signing/complete-document-signing';
import type { SigningFailure } from '../signing/errors';
import { isSameBrowser } from '../signing/browser-binding';
import { startDocumentSigning } from '../signing/start-document-signing';
import { buildReportDocument, type BuiltDocument } from './build-report-document';
import { decideSubmission } from './decide-submission';
import { findSubmissionFor, receiveSubmission } from './receive-submission';
import { summarise, toSubmissionSummary, type SubmissionRow } from './submission-summary';
import type { SubmissionSummary } from './types';
import { changeDraft } from '../reports/draft-change';
import type { SendStageHook } from '../jobs/send-job';

export const REPORT_DOCUMENT_KIND = 'QUARTERLY_REPORT';

/** What completion needs of a signature; the signed JSON itself (the whole report) stays put. */
const SIGNATURE_COLUMNS = {
  id: signedDocuments.id,
  employerId: signedDocuments.employerId,
  documentKind: signedDocuments.documentKind,
  hash: signedDocuments.hash,
  signerFin: signedDocuments.signerFin,
  certificateSerial: signedDocuments.certificateSerial,
};

export type NotSendable = {
  ok: false;
  code: 'REPORT_HAS_BLOCKING_ERRORS' | 'WARNINGS_UNCONFIRMED';
  messages: ReviewMessage[];
};

/**
 * Brings the opening debt up to date and builds the document, refusing while blocking errors or
 * unconfirmed warnings remain (the final validation of issue 6 §4). Under the report's lock.
 */
export async function prepareForSending(
  tx: DbOrTx,
  scope: EmployerScope,
  reportId: string,
  asOf: Date = now(),
  /** The report as the caller already loaded it through the scope, locked, in this transaction. */
  locked?: ReportContext,
): Promise<{ ok: true; report: ReportContext; built: BuiltDocument } | NotSendable> {
  let report =
    locked?.id === reportId
      ? locked
      : await loadReportContext(tx, scope, reportId, { lock: true, draft: true });
  if (!EDITABLE_STATUSES.has(report.status)) throw new AppError('REPORT_NOT_DRAFT');
  // Loaded (by the caller or here) under the lock in this transaction: current.
  const built = await buildReportDocument(tx, report, { asOf, current: true });
  if (built.document.debtStartQepik !== report.debtStartQepik) {
    // An earlier quarter was accepted or corrected since the draft was made: keep F4 current.
    await changeDraft(tx, scope, report, {
      step: 'F4',
      asOf,
      silent: true,
      keepReady: true,
      keepVersion: true,
      set: { debtStartQepik: built.document.debtStartQepik },
    });
    report = { ...report, debtStartQepik: built.document.debtStartQepik };
  }
  const { review } = built;
  if (review.blockingCount > 0) {
    return {
      ok: false,
      code: 'REPORT_HAS_BLOCKING_ERRORS',
      messages: review.messages.filter((m) => m.severity === 'blocking'),
    };
  }
  if (review.unconfirmedWarningCount > 0) {
    return {
      ok: false,
      code: 'WARNINGS_UNCONFIRMED',
      messages: review.messages.filter((m) => m.severity === 'warning' && !m.confirmation),
    };
  }
  return { ok: true, report, built };
}

/**
 * "GÖNDƏR" for one report (issue 6 §4): final validation, then a signing session over the
 * canonical JSON of the report for the person acting, with the method they signed in with
 * (e-signature card or Asan İmza, PIN2). Nothing is stored as sent until the signature returns.
 */
export async function startReportSending(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; method: 'ESIGN' | 'ASAN'; browser: string; ip?: string | null },
  asOf: Date = now(),
): Promise<
  | { ok: true; sessionId: string; verificationCode: string; expiresAt: Date; documentHash: string }
  | NotSendable
  | SigningFailure
> {
  assertScopeService(scope, 'REPORTS');
  assertNotStaffView(scope);
  return db.transaction(async (tx) => {
    // The penalty runs up to the filing date (issue 6 §9): recomputed as the user sends.
    await computePenalty(tx, scope, { reportId: input.reportId, forSending: true }, asOf);
    const prepared = await prepareForSending(tx, scope, input.reportId, asOf);
    if (!prepared.ok) return prepared;
    const started = await startDocumentSigning(tx, {
      employerId: scope.employerId,
      signerFin: scope.fin,
      certificateSerial: scope.certificateSerial,
      method: input.method,
      documentKind: REPORT_DOCUMENT_KIND,
      document: prepared.built.document,
      browser: input.browser,
      ip: input.ip ?? null,
    });
    if (!started.ok) return started;
    return {
      ok: true as const,
      sessionId: started.sessionId,
      verificationCode: started.verificationCode,
      expiresAt: started.expiresAt,
      documentHash: prepared.built.hash,
    };
  });
}

export type SendOutcome =
  | { ok: true; submission: SubmissionSummary }
  | SigningFailure
  | NotSendable
  | {
      ok: false;
      code: 'REPORT_CHANGED_SINCE_SIGNING' | 'SIGNED_OTHER_DOCUMENT' | 'REPORT_ALREADY_SENT';
    };

/**
 * Finishes sending once the device answered: verifies and stores the signature, then — under
 * the report's row lock, so a double click, a retry or 50 concurrent calls queue — receives
 * the report exactly once (a signature already turned into a submission returns that
 * submission), and runs the automatic checks. The report must be unchanged since signing.
 */
export async function completeReportSending(
  db: DbOrTx,
  scope: EmployerScope,
  input: {
    reportId: string;
    sessionId: string;
    /** The caller's browser secret: only the browser that started the signature completes it. */
    browser: string | null;
    jws?: string | null;
    ip?: string | null;
  },
  asOf: Date = now(),
  onStage?: SendStageHook,
): Promise<SendOutcome> {
  assertNotStaffView(scope);
  assertScopeService(scope, 'REPORTS');
  const received = await db.transaction(
    async (tx): Promise<SendOutcome | { ok: true; row: SubmissionRow; persons?: number }> => {
      // Every attempt for this report queues here first.
      const report = await loadReportContext(tx, scope, input.reportId, { lock: true });
      // The session and the signature it already produced, in one read (not the payload: the
      // whole document). Another employer's session, or one another browser started, is not
      // found and never touched (completing it would settle that signing and audit it under
      // its holder's name).
      const [found] = isUuid(input.sessionId)
        ? await tx
            .select({
              employerId: signingSessions.employerId,
              browserHash: signingSessions.browserHash,
              createdAt: signingSessions.createdAt,
              signed: SIGNATURE_COLUMNS,
            })
            .from(signingSessions)
            .leftJoin(signedDocuments, eq(signedDocuments.signingSessionId, signingSessions.id))
            .where(eq(signingSessions.id, input.sessionId))
        : [];
      if (
        !found ||
        !isSameBrowser(found.browserHash, input.browser) ||
        found.employerId !== scope.employerId
      )
        throw new AppError('NOT_FOUND');
      let signed = found.signed;
      if (signed) {
        const existing = await findSubmissionFor(tx, input.reportId, signed.id);
        if (existing) return { ok: true as const, row: existing };
      } else {
        // In this transaction: the signature commits with the submission it becomes.
        const completed = await completeDocumentSigningIn(tx, {
          sessionId: input.sessionId,
          browser: input.browser,
          jws: input.jws ?? null,
          ip: input.ip ?? null,
        });
        if (!completed.ok) return completed;
        signed = completed.signed;
      }
      if (
        !signed ||
        signed.employerId !== scope.employerId ||
        signed.documentKind !== REPORT_DOCUMENT_KIND ||
        signed.signerFin !== scope.fin
      ) {
        return { ok: false as const, code: 'SIGNED_OTHER_DOCUMENT' as const };
      }
      // The figures as of when signing started: what was signed (the penalty runs to that day).
      const prepared = await prepareForSending(
        tx,
        scope,
        input.reportId,
        found.createdAt,
        report,
      ).catch((e: unknown) => {
        // Already sent (another tab, or a signature made before the first send landed).
        if (e instanceof Error && (e as { code?: unknown }).code === 'REPORT_NOT_DRAFT')
          return null;
        throw e;
      });
      // The lock queued this attempt behind the one that sent it (issue 12 §6).
      if (prepared === null) return { ok: false as const, code: 'REPORT_ALREADY_SENT' as const };
      if (!prepared.ok) return prepared;
      if (prepared.built.document.reportId !== input.reportId) {
        return { ok: false as const, code: 'SIGNED_OTHER_DOCUMENT' as const };
      }
      if (prepared.built.hash !== signed.hash) {
        return { ok: false as const, code: 'REPORT_CHANGED_SINCE_SIGNING' as const };
      }
      const row = await receiveSubmission(tx, {
        report: prepared.report,
        built: prepared.built,
        signedDocumentId: signed.id,
        signerFin: signed.signerFin,
        certificateSerial: signed.certificateSerial,
        batchId: null,
        asOf,
      });
      return { ok: true as const, row, persons: prepared.built.document.totals.persons };
    },
  );
  if (!received.ok) return received;
  if (!('row' in received)) return received;
  const { row } = received;
  // Told once the receipt has committed (the crash-recovery guarantee: RECEIVED before posting).
  onStage?.('RECEIVED', received.persons);
  if (row.status !== 'RECEIVED') return { ok: true, submission: summarise(row) };
  onStage?.('AUTOMATIC_CHECKS');
  const decision = await decideSubmission(db, {
    submissionId: row.id,
    asOf,
    ...(onStage ? { onPosting: (posted, total) => onStage('POSTING', posted, total) } : {}),
  });
  // The decision's own writes (status, time, reasons) on the row as received: no re-read.
  if (decision.status === 'ACCEPTED')
    return { ok: true, submission: summarise({ ...row, status: 'ACCEPTED', decidedAt: asOf }) };
  if (decision.status === 'RETURNED')
    return {
      ok: true,
      submission: summarise({
        ...row,
        status: 'RETURNED',
        decidedAt: asOf,
        returnReasons: decision.reasons,
      }),
    };
  return { ok: true, submission: await toSubmissionSummary(db, row.id) };
}
