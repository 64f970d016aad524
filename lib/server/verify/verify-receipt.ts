import 'server-only';
import { eq } from 'drizzle-orm';
import { parsePublicJwk, sha256Hex, verifySignature } from '@/auth/signing';
import { certificates, signedDocuments, submissions } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { hasLineControlCharacters } from '@/lib/server/control-characters';
import { populationRegistry } from '@/lib/integrations/population-registry';
import { readReceiptDocument } from '@/lib/server/submissions/receipt/receipt-view';
import type { PublicReceiptView, VerifyResult } from './types';
import {
  maskFin,
  normalizeHash,
  normalizeReceiptNumber,
  parseSignedFile,
  signatureCovers,
} from './verify-rules';

type Stored = NonNullable<Awaited<ReturnType<typeof loadByReceipt>>>;
type Signed = { canonicalJson: string; jws: string; certificateSerial: string };

async function loadByReceipt(db: DbOrTx, receiptNumber: string) {
  // From a URL or an uploaded file: a NUL would be PostgreSQL's error, not "no such receipt".
  if (hasLineControlCharacters(receiptNumber)) return null;
  const [row] = await db
    .select({ submission: submissions, signed: signedDocuments, certificate: certificates })
    .from(submissions)
    .innerJoin(signedDocuments, eq(signedDocuments.id, submissions.signedDocumentId))
    .innerJoin(certificates, eq(certificates.serial, signedDocuments.certificateSerial))
    .where(eq(submissions.receiptNumber, receiptNumber));
  return row ?? null;
}

/**
 * Does `signed` carry a genuine signature that covers the stored submission? The JWS must verify
 * with the stored certificate's public key over SHA-256 of what was signed, within the stored
 * signing session. It is judged at its signing time: the certificate was checked (active, in its
 * validity) when the signature was accepted, and a later revocation or expiry does not undo a
 * filing, so the check uses the certificate's validity dates at `signedAt` and no status.
 */
async function isGenuine(stored: Stored, signed: Signed): Promise<boolean> {
  const { submission, signed: record, certificate } = stored;
  if (signed.certificateSerial !== record.certificateSerial) return false;
  if (record.certificateSerial !== submission.certificateSerial) return false;
  const signedHash = sha256Hex(signed.canonicalJson);
  // The stored signature record names the hash it was made over; another signature of the
  // same certificate (another session) is not this submission's signature.
  if (signedHash !== record.hash) return false;
  let publicJwk;
  try {
    publicJwk = parsePublicJwk(certificate.publicJwk);
  } catch {
    return false;
  }
  const check = await verifySignature({
    jws: signed.jws,
    publicJwk,
    expected: {
      sid: record.signingSessionId,
      hash: signedHash,
      purpose: 'SIGN',
      certSerial: record.certificateSerial,
    },
    certificate: {
      status: 'ACTIVE',
      notBefore: certificate.notBefore,
      notAfter: certificate.notAfter,
    },
    session: { expiresAt: record.signedAt, consumedAt: null },
    now: record.signedAt,
  });
  if (!check.ok) return false;
  return signatureCovers({
    batch: submission.batchId !== null,
    signedCanonicalJson: signed.canonicalJson,
    signedHash,
    documentHash: submission.documentHash,
    reportId: submission.reportId,
    employerId: submission.employerId,
  });
}

async function publicView(db: DbOrTx, stored: Stored): Promise<PublicReceiptView> {
  const { submission: s } = stored;
  const doc = readReceiptDocument(s.documentJson);
  const person = await populationRegistry(db).findPerson(s.signerFin);
  const named = person ?? doc.signatories.find((x) => x.fin === s.signerFin);
  return {
    receiptNumber: s.receiptNumber,
    receivedAt: s.receivedAt.toISOString(),
    employerName: doc.employer.name,
    period: doc.period,
    reportType: doc.reportType,
    documentHash: s.documentHash,
    signerName: named
      ? [named.surname, named.name, named.patronymic].filter(Boolean).join(' ')
      : '',
    signerFinMasked: maskFin(s.signerFin),
    status: s.status,
  };
}

/**
 * Public check of a receipt (issue 6 §6): valid iff a submission has this receipt number, its
 * document hash is the given one (any case, trimmed), the stored document still hashes to it, and
 * the stored signature is genuine and covers the document (itself, or a batch manifest listing
 * it). Details are given only when valid.
 */
export async function verifyReceipt(
  db: DbOrTx,
  input: { receiptNumber: string; hash: string },
): Promise<VerifyResult> {
  const receiptNumber = normalizeReceiptNumber(input.receiptNumber);
  const hash = normalizeHash(input.hash);
  const stored = receiptNumber ? await loadByReceipt(db, receiptNumber) : null;
  if (!stored) return { valid: false, code: 'NOT_FOUND' };
  const { submission } = stored;
  if (!hash || hash !== submission.documentHash.toLowerCase())
    return { valid: false, code: 'HASH_MISMATCH' };
  if (sha256Hex(submission.documentJson) !== hash) return { valid: false, code: 'HASH_MISMATCH' };
  if (!(await isGenuine(stored, stored.signed))) return { valid: false, code: 'SIGNATURE_INVALID' };
  return { valid: true, code: 'VALID', details: await publicView(db, stored) };
}

/**
 * Public check of a downloaded signed file (issue 6 §6): it must have the signed-file shape, its
 * document must hash to its stated hash, match a stored submission with that receipt number and
 * hash, and its signature must verify with the stored certificate and cover the document.
 */
export async function verifySignedFile(db: DbOrTx, fileJson: unknown): Promise<VerifyResult> {
  const file = parseSignedFile(fileJson);
  if (!file) return { valid: false, code: 'FILE_INVALID' };
  if (sha256Hex(file.documentJson) !== file.documentHash)
    return { valid: false, code: 'HASH_MISMATCH' };
  const stored = await loadByReceipt(db, file.receiptNumber);
  if (!stored) return { valid: false, code: 'NOT_FOUND' };
  if (stored.submission.documentHash.toLowerCase() !== file.documentHash) {
    return { valid: false, code: 'HASH_MISMATCH' };
  }
  if (!(await isGenuine(stored, file.signed))) return { valid: false, code: 'SIGNATURE_INVALID' };
  return { valid: true, code: 'VALID', details: await publicView(db, stored) };
}
