import 'server-only';
import { normalizeReceiptNumber as normalizeReceipt } from '@/lib/domain/identifier-text';
import { SIGNED_FILE_SCHEMA, type SignedFile } from '@/lib/server/submissions/receipt/signed-file';

// The pure parts of /verify (issue 6 §6): input normalisation, what a signature covers, masking.

const HEX_64 = /^[0-9a-f]{64}$/;
export const BATCH_MANIFEST_SCHEMA = 'hesabat.batch/1';

/** A SHA-256 hex as typed or pasted: trimmed, any case; null when it is not 64 hex digits. */
export function normalizeHash(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const hash = input.trim().toLowerCase();
  return HEX_64.test(hash) ? hash : null;
}

/**
 * A receipt number as typed or pasted, in its issued form ('hs-2026-1000036 ' is
 * HS-2026-1000036, DOMAIN.md §9); null when empty or implausibly long.
 */
export function normalizeReceiptNumber(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const receipt = normalizeReceipt(input);
  return receipt.length > 0 && receipt.length <= 64 ? receipt : null;
}

/** A FIN for the public page: the first three characters, the rest hidden ('5ZX****'). */
export function maskFin(fin: string): string {
  const visible = fin.length >= 7 ? 3 : Math.max(0, fin.length - 4);
  return `${fin.slice(0, visible)}${'*'.repeat(Math.max(4, fin.length - visible))}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether a signature made over `signedCanonicalJson` (whose SHA-256 is `signedHash`) covers the
 * submitted document: a single send signs the document itself; a quarter's "GÖNDƏR" signs the
 * batch manifest, which must be this employer's and list this report with this document hash.
 */
export function signatureCovers(input: {
  batch: boolean;
  signedCanonicalJson: string;
  signedHash: string;
  documentHash: string;
  reportId: string;
  employerId: string;
}): boolean {
  const documentHash = input.documentHash.toLowerCase();
  if (!input.batch) return input.signedHash.toLowerCase() === documentHash;
  let manifest: unknown;
  try {
    manifest = JSON.parse(input.signedCanonicalJson);
  } catch {
    return false;
  }
  if (!isRecord(manifest) || manifest.schema !== BATCH_MANIFEST_SCHEMA) return false;
  if (manifest.employerId !== input.employerId || !Array.isArray(manifest.reports)) return false;
  return manifest.reports.some(
    (entry) =>
      isRecord(entry) &&
      entry.reportId === input.reportId &&
      typeof entry.documentHash === 'string' &&
      entry.documentHash.toLowerCase() === documentHash,
  );
}

const MAX_FIELD = 50_000_000;
const isText = (value: unknown, max = MAX_FIELD): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max;

/** An uploaded signed file, if it has the shape getSignedFile writes; otherwise null. */
export function parseSignedFile(value: unknown): SignedFile | null {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (!isRecord(parsed) || parsed.schema !== SIGNED_FILE_SCHEMA || !isRecord(parsed.signed))
    return null;
  const { receiptNumber, documentJson, documentHash, signed } = parsed;
  const { canonicalJson, jws, certificateSerial, signedAt } = signed;
  if (!isText(receiptNumber, 64) || !isText(documentJson) || !isText(canonicalJson)) return null;
  const hash = normalizeHash(documentHash);
  if (!hash || !isText(jws, 10_000) || !isText(certificateSerial, 200) || !isText(signedAt, 64))
    return null;
  return {
    schema: SIGNED_FILE_SCHEMA,
    receiptNumber: receiptNumber.trim(),
    documentJson,
    documentHash: hash,
    signed: { canonicalJson, jws, certificateSerial, signedAt },
  };
}
