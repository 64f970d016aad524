import {
  CompactSign,
  compactVerify,
  decodeProtectedHeader,
  errors,
  type ProtectedHeaderParameters,
} from 'jose';
import { canonicalJson } from './canonical-json';
import {
  importPrivateKey,
  importPublicKey,
  type PrivateSigningJwk,
  type PublicSigningJwk,
} from './keys';
import { SHA256_HEX } from './verification-code';

/** Why a session is signed: PIN1 login challenge or PIN2 document signature (DOMAIN §9–§10). */
export type SigningPurpose = 'LOGIN' | 'SIGN';

/** What the card or phone signs: the session, the hash it showed, the purpose, the certificate. */
export interface SigningPayload {
  sid: string;
  /** SHA-256 hex of the canonical document (SIGN) or of the login challenge (LOGIN). */
  hash: string;
  purpose: SigningPurpose;
  /** Seconds since the epoch on the device; informational, freshness comes from the session. */
  iat: number;
  certSerial: string;
}

/** Reasons `verifySignature` refuses; the caller maps them to session outcomes and messages. */
export type SignatureFailureCode =
  | 'BAD_SIGNATURE'
  | 'HASH_MISMATCH'
  | 'WRONG_SESSION'
  | 'WRONG_PURPOSE'
  | 'CERTIFICATE_EXPIRED'
  | 'CERTIFICATE_NOT_YET_VALID'
  | 'CERTIFICATE_REVOKED'
  | 'SESSION_EXPIRED'
  | 'SESSION_REPLAYED'
  | 'MALFORMED';

export type SignatureCheck =
  { ok: true; payload: SigningPayload } | { ok: false; code: SignatureFailureCode };

type Refusal = { ok: false; code: SignatureFailureCode };
type Authentic = { ok: true; kid: string; payload: SigningPayload };

export interface VerifySignatureInput {
  jws: string;
  publicJwk: PublicSigningJwk;
  expected: { sid: string; hash: string; purpose: SigningPurpose; certSerial: string };
  /** Only 'ACTIVE' passes; 'EXPIRED' reads as expired, any other status as revoked. */
  certificate: { status: string; notBefore: string | Date; notAfter: string | Date };
  session: { expiresAt: Date; consumedAt: Date | null };
  now: Date;
}

/** Explicit `typ` (RFC 8725 §3.11) so no other ES256 token can pass for a signing answer. */
export const SIGNING_JWS_TYPE = 'hesabat-signing+jws';
const ALGORITHM = 'ES256';
const HEADER_MEMBERS = new Set(['alg', 'kid', 'typ']);
const PAYLOAD_MEMBERS = ['sid', 'hash', 'purpose', 'iat', 'certSerial'] as const;

function isNonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 200;
}

function parsePayload(value: unknown): SigningPayload | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  if (keys.length !== PAYLOAD_MEMBERS.length) return null;
  if (!PAYLOAD_MEMBERS.every((key) => keys.includes(key))) return null;
  const { sid, hash, purpose, iat, certSerial } = value as Record<string, unknown>;
  if (!isNonEmpty(sid) || !isNonEmpty(certSerial)) return null;
  if (typeof hash !== 'string' || !SHA256_HEX.test(hash)) return null;
  if (purpose !== 'LOGIN' && purpose !== 'SIGN') return null;
  if (typeof iat !== 'number' || !Number.isSafeInteger(iat) || iat < 0) return null;
  return { sid, hash, purpose, iat, certSerial };
}

function toTime(value: string | Date): number {
  return value instanceof Date ? value.getTime() : Date.parse(value);
}

/**
 * The simulated card's or phone's answer: a compact JWS (ES256, `kid` = certificate serial) over
 * the canonical JSON of the payload. Throws TypeError on an invalid payload or key, since both
 * come from our own simulator. SPEC A2/A3, C5, DOMAIN §10.
 */
export async function signPayload(
  privateJwk: PrivateSigningJwk,
  payload: SigningPayload,
): Promise<string> {
  const checked = parsePayload({ ...payload });
  if (!checked) throw new TypeError('signPayload: invalid signing payload');
  const key = await importPrivateKey(privateJwk);
  return new CompactSign(new TextEncoder().encode(canonicalJson(checked)))
    .setProtectedHeader({ alg: ALGORITHM, kid: checked.certSerial, typ: SIGNING_JWS_TYPE })
    .sign(key);
}

async function verifyAuthenticity(
  jws: string,
  publicJwk: PublicSigningJwk,
): Promise<Refusal | Authentic> {
  if (typeof jws !== 'string' || jws.split('.').length !== 3) {
    return { ok: false, code: 'MALFORMED' };
  }
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(jws);
  } catch {
    return { ok: false, code: 'MALFORMED' };
  }
  // Only ES256 is ever produced; 'none', HS256 (key confusion) and the rest are refused outright.
  if (header.alg !== ALGORITHM) return { ok: false, code: 'BAD_SIGNATURE' };
  // No crit/b64/jwk/jku: extensions we do not use are refused, not half-understood.
  if (Object.keys(header).some((name) => !HEADER_MEMBERS.has(name))) {
    return { ok: false, code: 'MALFORMED' };
  }
  if (header.typ !== SIGNING_JWS_TYPE || !isNonEmpty(header.kid)) {
    return { ok: false, code: 'MALFORMED' };
  }
  let bytes: Uint8Array;
  try {
    const key = await importPublicKey(publicJwk);
    ({ payload: bytes } = await compactVerify(jws, key, { algorithms: [ALGORITHM] }));
  } catch (error) {
    const bad = error instanceof errors.JWSSignatureVerificationFailed;
    return { ok: false, code: bad ? 'BAD_SIGNATURE' : 'MALFORMED' };
  }
  let payload: SigningPayload | null;
  try {
    payload = parsePayload(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
  } catch {
    payload = null;
  }
  return payload ? { ok: true, kid: header.kid, payload } : { ok: false, code: 'MALFORMED' };
}

/**
 * Checks a device's answer before the server acts on it. Never throws: any unusable input is a
 * refusal. Order, first failure wins:
 * 1. authenticity — MALFORMED (not a JWS of ours, bad public key) or BAD_SIGNATURE (alg other
 *    than ES256, signature does not verify, `kid`/`certSerial` not the expected certificate);
 *    every later code therefore describes a token the key holder really signed;
 * 2. binding to this session — WRONG_SESSION, WRONG_PURPOSE, HASH_MISMATCH (tampered document);
 * 3. session state — SESSION_REPLAYED (already consumed), SESSION_EXPIRED (`now` > expiresAt);
 * 4. certificate — CERTIFICATE_REVOKED, CERTIFICATE_EXPIRED, CERTIFICATE_NOT_YET_VALID, with
 *    validity inclusive at both ends, as in X.509.
 * SPEC A2/A3, C5, DOMAIN §10.
 */
export async function verifySignature(input: VerifySignatureInput): Promise<SignatureCheck> {
  try {
    const { jws, publicJwk, expected, certificate, session, now } = input;
    const authentic = await verifyAuthenticity(jws, publicJwk);
    if (!authentic.ok) return authentic;
    const { kid, payload } = authentic;

    if (kid !== expected.certSerial || payload.certSerial !== expected.certSerial) {
      return { ok: false, code: 'BAD_SIGNATURE' };
    }
    if (payload.sid !== expected.sid) return { ok: false, code: 'WRONG_SESSION' };
    if (payload.purpose !== expected.purpose) return { ok: false, code: 'WRONG_PURPOSE' };
    if (payload.hash !== expected.hash.toLowerCase()) return { ok: false, code: 'HASH_MISMATCH' };

    const at = now.getTime();
    const expiresAt = session.expiresAt.getTime();
    const notBefore = toTime(certificate.notBefore);
    const notAfter = toTime(certificate.notAfter);
    if ([at, expiresAt, notBefore, notAfter].some(Number.isNaN)) {
      return { ok: false, code: 'MALFORMED' };
    }
    if (session.consumedAt !== null) return { ok: false, code: 'SESSION_REPLAYED' };
    if (at > expiresAt) return { ok: false, code: 'SESSION_EXPIRED' };

    if (certificate.status === 'EXPIRED') return { ok: false, code: 'CERTIFICATE_EXPIRED' };
    if (certificate.status !== 'ACTIVE') return { ok: false, code: 'CERTIFICATE_REVOKED' };
    if (at < notBefore) return { ok: false, code: 'CERTIFICATE_NOT_YET_VALID' };
    if (at > notAfter) return { ok: false, code: 'CERTIFICATE_EXPIRED' };

    return { ok: true, payload };
  } catch {
    // Reached only through inputs that break their declared types (e.g. `now` not a Date).
    return { ok: false, code: 'MALFORMED' };
  }
}
