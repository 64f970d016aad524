import 'server-only';
import { canonicalJson, sha256Hex } from '@/auth/signing';
import type { DbOrTx } from '@/db/types';
import { certificateAuthority } from '@/lib/integrations/certificate-authority';
import { now } from '@/lib/server/clock';
import type { SigningFailure } from './errors';
import { checkLimits } from './rate-limits';
import { insertSigningSession, type StartedSession } from './sessions';

/**
 * Starts signing a document for an employer: the session holds the canonical JSON and its
 * SHA-256, which the holder signs with PIN2. The caller has already checked the signer's
 * authority for the employer (lib/server/access.ts). Throws TypeError if `document` is outside
 * canonical JSON (a programming error). SPEC C5, DOMAIN.md §10.
 */
export async function startDocumentSigning(
  db: DbOrTx,
  input: {
    employerId: string;
    signerFin: string;
    certificateSerial: string;
    method: 'ESIGN' | 'ASAN';
    documentKind: string;
    document: unknown;
    /** The starting browser's secret: only it can complete or cancel the signature. */
    browser: string;
    ip?: string | null;
  },
): Promise<({ ok: true } & StartedSession) | SigningFailure> {
  const payload = canonicalJson(input.document);
  const certificate = await certificateAuthority(db).findCertificateBySerial(
    input.certificateSerial,
  );
  const kind = input.method === 'ESIGN' ? 'CARD' : 'ASAN';
  if (!certificate || certificate.kind !== kind || certificate.holderFin !== input.signerFin) {
    return { ok: false, code: 'CERTIFICATE_NOT_FOUND' };
  }
  // A phone gets a push for every request: the same per-phone limit as Asan login.
  const limited = await checkLimits(db, now(), [['asanPerPhone', certificate.asanPhone]]);
  if (limited) return limited;
  const started = await insertSigningSession(db, {
    purpose: 'SIGN',
    method: input.method,
    certificateSerial: certificate.serial,
    employerId: input.employerId,
    documentKind: input.documentKind,
    payload,
    hash: sha256Hex(payload),
    requestIp: input.ip ?? null,
    browser: input.browser,
  });
  return { ok: true, ...started };
}
