import 'server-only';
import { randomUUID } from 'node:crypto';
import { signedDocuments } from '@/db/schema';
import type { DbOrTx, Tx } from '@/db/types';
import { writeAudit } from '@/lib/server/audit';
import type { SigningFailure } from './errors';
import { finishSigningSession } from './finish-session';

/**
 * Completes a document signature: verifies the JWS over the document's hash, consumes the
 * session and stores the signed document (canonical JSON, hash, JWS, certificate, signer, time)
 * in the same transaction; audits the SIGN outcome. The caller re-checks the signer's authority
 * for the employer if it must hold at completion too. SPEC C5, DOMAIN.md §10.
 */
export async function completeDocumentSigning(
  db: DbOrTx,
  input: { sessionId: string; browser: string | null; jws?: string | null; ip?: string | null },
): Promise<SignedDocumentResult | SigningFailure> {
  return db.transaction((tx) => completeDocumentSigningIn(tx, input));
}

/** What completion needs of the stored signature (its JSON, the whole document, stays put). */
export type SignedDocumentResult = {
  ok: true;
  signedDocumentId: string;
  signedAt: Date;
  signed: {
    id: string;
    employerId: string;
    documentKind: string;
    hash: string;
    signerFin: string;
    certificateSerial: string;
  };
};

/**
 * completeDocumentSigning in the caller's transaction (no savepoint of its own): for a caller
 * that holds its own locks and commits the signature with what it does next. A failure is
 * returned, never thrown, so nothing needs rolling back to a savepoint.
 */
export async function completeDocumentSigningIn(
  tx: Tx,
  input: { sessionId: string; browser: string | null; jws?: string | null; ip?: string | null },
): Promise<SignedDocumentResult | SigningFailure> {
  const finished = await finishSigningSession(tx, {
    sessionId: input.sessionId,
    browser: input.browser,
    purpose: 'SIGN',
    jws: input.jws,
  });
  if (!finished.ok) {
    const { session, ...failure } = finished;
    await writeAudit(tx, {
      action: 'SIGN',
      outcome: 'FAILURE',
      employerId: session?.employerId ?? null,
      details: {
        method: session?.method ?? null,
        code: failure.code,
        certificateSerial: session?.certificateSerial ?? null,
        documentKind: session?.documentKind ?? null,
        sessionId: session?.id ?? null,
      },
      ip: input.ip ?? null,
    });
    return failure;
  }
  const { session, certificate, jws, at } = finished;
  if (!session.employerId || !session.documentKind) {
    throw new Error(
      `completeDocumentSigning: session ${session.id} has no employer or document kind`,
    );
  }
  const id = randomUUID();
  await tx.insert(signedDocuments).values({
    id,
    employerId: session.employerId,
    documentKind: session.documentKind,
    canonicalJson: session.payload,
    hash: session.hash,
    jws,
    certificateSerial: certificate.serial,
    signerFin: certificate.holderFin,
    signingSessionId: session.id,
    signedAt: at,
  });
  await writeAudit(tx, {
    action: 'SIGN',
    outcome: 'SUCCESS',
    actorFin: certificate.holderFin,
    employerId: session.employerId,
    details: {
      method: session.method,
      code: 'OK',
      certificateSerial: certificate.serial,
      documentKind: session.documentKind,
      signedDocumentId: id,
      hash: session.hash,
    },
    ip: input.ip ?? null,
  });
  return {
    ok: true as const,
    signedDocumentId: id,
    signedAt: at,
    signed: {
      id,
      employerId: session.employerId,
      documentKind: session.documentKind,
      hash: session.hash,
      signerFin: certificate.holderFin,
      certificateSerial: certificate.serial,
    },
  };
}
