import 'server-only';
import { eq } from 'drizzle-orm';
import { signedDocuments } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertNotStaffView, assertScopeService, type EmployerScope } from '../access';
import { now } from '../clock';
import { AppError } from '../errors';
import { computePenalty } from '../reports/compute-penalty';
import { loadReportContext, type ReportContext } from '../reports/persons/report-context';
import type { ReviewMessage } from '../reports/review/review-messages';
import { completeDocumentSigning } from '../signing/complete-document-signing';
import type { SigningFailure } from '../signing/errors';
import { findOwnSession, signingStartedAt } from '../signing/sessions';
import { startDocumentSigning } from '../signing/start-document-signing';
import { buildReportDocument, type BuiltDocument } from './build-report-document';
import { decideSubmission } from './decide-submission';
import { findSubmissionFor, receiveSubmission } from './receive-submission';
import { toSubmissionSummary, type SubmissionRow } from './submission-summary';
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
): Promise<{ ok: true; report: ReportContext; built: BuiltDocument } | NotSendable> {
  let report = await loadReportContext(tx, scope, reportId, { lock: true, draft: true });
  const built = await buildReportDocument(tx, report, { asOf });
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
      await loadReportContext(tx, scope, input.reportId, { lock: true });
      // Another employer's session, or one another browser started, is not found and never
      // touched (completing it would settle that signing and audit it under its holder's name).
      const session = await findOwnSession(tx, input.sessionId, input.browser);
      if (!session || session.employerId !== scope.employerId) throw new AppError('NOT_FOUND');
      let [signed] = await tx
        .select(SIGNATURE_COLUMNS)
        .from(signedDocuments)
        .where(eq(signedDocuments.signingSessionId, input.sessionId));
      if (signed) {
        const existing = await findSubmissionFor(tx, input.reportId, signed.id);
        if (existing) return { ok: true as const, row: existing };
      } else {
        const completed = await completeDocumentSigning(tx, {
          sessionId: input.sessionId,
          browser: input.browser,
          jws: input.jws ?? null,
          ip: input.ip ?? null,
        });
        if (!completed.ok) return completed;
        [signed] = await tx
          .select(SIGNATURE_COLUMNS)
          .from(signedDocuments)
          .where(eq(signedDocuments.id, completed.signedDocumentId));
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
      const startedAt = await signingStartedAt(tx, input.sessionId);
      const prepared = await prepareForSending(tx, scope, input.reportId, startedAt ?? asOf).catch(
        (e: unknown) => {
          // Already sent (another tab, or a signature made before the first send landed).
          if (e instanceof Error && (e as { code?: unknown }).code === 'REPORT_NOT_DRAFT')
            return null;
          throw e;
        },
      );
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
  // Told once the receipt has committed (the crash-recovery guarantee: RECEIVED before posting).
  onStage?.('RECEIVED', received.persons);
  if (received.row.status === 'RECEIVED') {
    onStage?.('AUTOMATIC_CHECKS');
    await decideSubmission(db, {
      submissionId: received.row.id,
      asOf,
      ...(onStage ? { onPosting: (posted, total) => onStage('POSTING', posted, total) } : {}),
    });
  }
  return { ok: true, submission: await toSubmissionSummary(db, received.row.id) };
}
