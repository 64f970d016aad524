import 'server-only';
import { parsePublicJwk, sha256Hex, verifySignature } from '@/auth/signing';
import type { certificates, signedDocuments } from '@/db/schema';

type Signed = Pick<
  typeof signedDocuments.$inferSelect,
  'canonicalJson' | 'hash' | 'jws' | 'certificateSerial' | 'signingSessionId' | 'signedAt'
>;
type Certificate = Pick<typeof certificates.$inferSelect, 'publicJwk' | 'notBefore' | 'notAfter'>;

/**
 * Is a stored distribution's signature genuine (issue 13 §7, "verified like a receipt")? The JWS
 * must verify with the certificate's public key over SHA-256 of the stored canonical JSON, for
 * its own signing session, judged at its signing time as /verify judges a receipt.
 */
export async function isDistributionSignatureGenuine(
  signed: Signed,
  certificate: Certificate,
): Promise<boolean> {
  const hash = sha256Hex(signed.canonicalJson);
  if (hash !== signed.hash) return false;
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
      sid: signed.signingSessionId,
      hash,
      purpose: 'SIGN',
      certSerial: signed.certificateSerial,
    },
    certificate: {
      status: 'ACTIVE',
      notBefore: certificate.notBefore,
      notAfter: certificate.notAfter,
    },
    session: { expiresAt: signed.signedAt, consumedAt: null },
    now: signed.signedAt,
  });
  return check.ok;
}
