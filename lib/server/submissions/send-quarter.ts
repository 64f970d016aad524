import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { reports, signedDocuments, submissionBatches } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../access';
import { now } from '../clock';
import { computePenalty } from '../reports/compute-penalty';
import { completeDocumentSigning } from '../signing/complete-document-signing';
import type { SigningFailure } from '../signing/errors';
import { startDocumentSigning } from '../signing/start-document-signing';
import { decideSubmission } from './decide-submission';
import { findSubmissionFor, receiveSubmission } from './receive-submission';
import { findOwnSession, signingStartedAt } from '../signing/sessions';
import { prepareForSending } from './send-report';
import { toSubmissionSummary } from './submission-summary';
import type { SendResult } from './types';
import { errorMessage } from '../error-messages';
import { isUuid } from '../uuid';

export const BATCH_DOCUMENT_KIND = 'QUARTERLY_REPORT_BATCH';

export type BatchManifest = {
  schema: 'hesabat.batch/1';
  employerId: string;
  year: number;
  quarter: number;
  reports: { reportId: string; documentHash: string }[];
};

export type ExcludedReport = {
  reportId: string;
  activityCode: string;
  reportType: string;
  code: string;
  text: { az: string; en: string };
};

const text = (code: 'REPORT_HAS_BLOCKING_ERRORS' | 'WARNINGS_UNCONFIRMED', count: number) => ({
  az: errorMessage(code, { count }, 'az'),
  en: errorMessage(code, { count }, 'en'),
});

/**
 * "GÖNDƏR" of a whole quarter (SPEC G3): every draft (and returned report) of the chosen year
 * and quarter that passes the final validation goes into one manifest of document hashes,
 * which the person acting signs once. Drafts with blocking errors or unconfirmed warnings are
 * listed as excluded, with why. Nothing is sent until the signature returns.
 */
export async function startQuarterSending(
  db: DbOrTx,
  scope: EmployerScope,
  input: {
    year: number;
    quarter: number;
    method: 'ESIGN' | 'ASAN';
    browser: string;
    ip?: string | null;
  },
  asOf: Date = now(),
): Promise<
  | {
      ok: true;
      batchId: string;
      sessionId: string;
      verificationCode: string;
      expiresAt: Date;
      included: {
        reportId: string;
        activityCode: string;
        reportType: string;
        documentHash: string;
      }[];
      excluded: ExcludedReport[];
    }
  | { ok: false; code: 'NOTHING_TO_SEND'; excluded: ExcludedReport[] }
  | SigningFailure
> {
  assertScopeService(scope, 'REPORTS');
  return db.transaction(async (tx) => {
    const drafts = await tx
      .select({
        id: reports.id,
        activityCode: reports.activityCode,
        reportType: reports.reportType,
      })
      .from(reports)
      .where(
        and(
          eq(reports.employerId, scope.employerId),
          eq(reports.year, input.year),
          eq(reports.quarter, input.quarter),
          inArray(reports.status, ['DRAFT', 'RETURNED']),
        ),
      )
      .orderBy(asc(reports.activityCode), asc(reports.id));
    const included: {
      reportId: string;
      activityCode: string;
      reportType: string;
      documentHash: string;
    }[] = [];
    const excluded: ExcludedReport[] = [];
    for (const d of drafts) {
      // The penalty runs up to the filing date (issue 6 §9).
      await computePenalty(tx, scope, { reportId: d.id, forSending: true }, asOf);
      const prepared = await prepareForSending(tx, scope, d.id, asOf);
      if (!prepared.ok) {
        excluded.push({
          reportId: d.id,
          activityCode: d.activityCode,
          reportType: d.reportType,
          code: prepared.code,
          text: text(prepared.code, prepared.messages.length),
        });
      } else {
        included.push({
          reportId: d.id,
          activityCode: d.activityCode,
          reportType: d.reportType,
          documentHash: prepared.built.hash,
        });
      }
    }
    if (included.length === 0)
      return { ok: false as const, code: 'NOTHING_TO_SEND' as const, excluded };
    const manifest: BatchManifest = {
      schema: 'hesabat.batch/1',
      employerId: scope.employerId,
      year: input.year,
      quarter: input.quarter,
      reports: included.map((r) => ({ reportId: r.reportId, documentHash: r.documentHash })),
    };
    const started = await startDocumentSigning(tx, {
      employerId: scope.employerId,
      signerFin: scope.fin,
      certificateSerial: scope.certificateSerial,
      method: input.method,
      documentKind: BATCH_DOCUMENT_KIND,
      document: manifest,
      browser: input.browser,
      ip: input.ip ?? null,
    });
    if (!started.ok) return started;
    const batchId = randomUUID();
    await tx.insert(submissionBatches).values({
      id: batchId,
      employerId: scope.employerId,
      year: input.year,
      quarter: input.quarter,
      manifest,
      signingSessionId: started.sessionId,
      createdByFin: scope.fin,
      createdAt: now(),
    });
    return {
      ok: true as const,
      batchId,
      sessionId: started.sessionId,
      verificationCode: started.verificationCode,
      expiresAt: started.expiresAt,
      included,
      excluded,
    };
  });
}

/**
 * Finishes a quarter's sending: verifies and stores the one signature over the manifest, then
 * submits each listed report on its own (its own transaction, receipt and checks), so one
 * report's problem never holds back the others. A report changed since the manifest was
 * signed is not sent (REPORT_CHANGED_SINCE_SIGNING). Idempotent like a single send: repeating
 * the call returns the same submissions.
 */
export async function completeQuarterSending(
  db: DbOrTx,
  scope: EmployerScope,
  input: { batchId: string; browser: string | null; jws?: string | null; ip?: string | null },
  asOf: Date = now(),
): Promise<
  { ok: true; results: SendResult[] } | SigningFailure | { ok: false; code: 'NOT_FOUND' }
> {
  assertScopeService(scope, 'REPORTS');
  // A malformed id would be a SQL error (a 500) on the uuid column; it names no batch.
  if (!isUuid(input.batchId)) return { ok: false, code: 'NOT_FOUND' };
  const [batch] = await db
    .select()
    .from(submissionBatches)
    .where(
      and(
        eq(submissionBatches.id, input.batchId),
        eq(submissionBatches.employerId, scope.employerId),
      ),
    );
  if (!batch) return { ok: false, code: 'NOT_FOUND' };
  // Only the browser that started the batch's signature completes it (issue 12 §3).
  if (!(await findOwnSession(db, batch.signingSessionId, input.browser)))
    return { ok: false, code: 'NOT_FOUND' };
  const signed = await db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(submissionBatches)
      .where(eq(submissionBatches.id, batch.id))
      .for('update');
    const [existing] = await tx
      .select()
      .from(signedDocuments)
      .where(eq(signedDocuments.signingSessionId, batch.signingSessionId));
    if (existing) return { ok: true as const, doc: existing };
    const completed = await completeDocumentSigning(tx, {
      sessionId: batch.signingSessionId,
      browser: input.browser,
      jws: input.jws ?? null,
      ip: input.ip ?? null,
    });
    if (!completed.ok) return completed;
    const [doc] = await tx
      .select()
      .from(signedDocuments)
      .where(eq(signedDocuments.id, completed.signedDocumentId));
    if (!doc || !locked) throw new Error('completeQuarterSending: signed document vanished');
    await tx
      .update(submissionBatches)
      .set({ signedDocumentId: doc.id })
      .where(eq(submissionBatches.id, batch.id));
    return { ok: true as const, doc };
  });
  if (!signed.ok) return signed;
  const doc = signed.doc;
  if (doc.signerFin !== scope.fin || doc.documentKind !== BATCH_DOCUMENT_KIND) {
    return { ok: false, code: 'NOT_FOUND' };
  }
  const manifest = JSON.parse(doc.canonicalJson) as BatchManifest;
  const results: SendResult[] = [];
  for (const entry of manifest.reports) {
    const outcome = await db.transaction(async (tx) => {
      const existing = await findSubmissionFor(tx, entry.reportId, doc.id);
      if (existing)
        return { ok: true as const, submissionId: existing.id, status: existing.status };
      let prepared;
      try {
        prepared = await prepareForSending(
          tx,
          scope,
          entry.reportId,
          (await signingStartedAt(tx, batch.signingSessionId)) ?? asOf,
        );
      } catch (e) {
        const code = (e as { code?: unknown }).code;
        if (code === 'REPORT_NOT_DRAFT' || code === 'NOT_FOUND')
          return { ok: false as const, code: 'REPORT_NOT_DRAFT' as const };
        throw e;
      }
      if (!prepared.ok) return { ok: false as const, code: prepared.code };
      if (prepared.built.hash !== entry.documentHash) {
        return { ok: false as const, code: 'REPORT_CHANGED_SINCE_SIGNING' as const };
      }
      const row = await receiveSubmission(tx, {
        report: prepared.report,
        built: prepared.built,
        signedDocumentId: doc.id,
        signerFin: doc.signerFin,
        certificateSerial: doc.certificateSerial,
        batchId: batch.id,
        asOf,
      });
      return { ok: true as const, submissionId: row.id, status: row.status };
    });
    if (!outcome.ok) {
      results.push({
        ok: false,
        reportId: entry.reportId,
        code: outcome.code,
        text: {
          az: errorMessage(outcome.code, { count: 1 }, 'az'),
          en: errorMessage(outcome.code, { count: 1 }, 'en'),
        },
      });
      continue;
    }
    if (outcome.status === 'RECEIVED')
      await decideSubmission(db, { submissionId: outcome.submissionId, asOf });
    results.push({
      ok: true,
      reportId: entry.reportId,
      submission: await toSubmissionSummary(db, outcome.submissionId),
    });
  }
  return { ok: true, results };
}
