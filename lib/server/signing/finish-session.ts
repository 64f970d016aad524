import 'server-only';
import { verifySignature, type SignatureFailureCode } from '@/auth/signing';
import type { Tx } from '@/db/types';
import { certificateAuthority, type Certificate } from '@/lib/integrations/certificate-authority';
import { RATE_LIMITS } from '@/lib/server/rate-limit';
import { now } from '@/lib/server/clock';
import type { SigningCode, SigningFailure } from './errors';
import { checkLimits } from './rate-limits';
import {
  consumeAndSettle,
  expireIfDue,
  findOwnSession,
  settlePending,
  statusFailure,
  type SigningSession,
} from './sessions';

/**
 * A device that answered in time (status OK) may be collected a little after the deadline: the
 * browser polls every few seconds, and an answer at 1:59 must not be lost to the poll interval.
 */
const COLLECT_GRACE_MS = 30_000;

export type Finished = {
  ok: true;
  session: SigningSession;
  certificate: Certificate;
  jws: string;
  at: Date;
};
export type Unfinished = SigningFailure & { session: SigningSession | null };

function refusal(code: SignatureFailureCode): SigningCode {
  switch (code) {
    case 'SESSION_EXPIRED':
      return 'TIMEOUT';
    case 'SESSION_REPLAYED':
    case 'CERTIFICATE_EXPIRED':
    case 'CERTIFICATE_REVOKED':
    case 'CERTIFICATE_NOT_YET_VALID':
      return code;
    default:
      // Tampered, foreign or malformed tokens are all one answer to the client.
      return 'BAD_SIGNATURE';
  }
}

/**
 * The server half of every completion (login and documents): the session exists for this
 * purpose and was started by this browser (issue 12 §3), is not used, not timed out; the JWS (from the browser for a card, stored by the phone
 * for Asan İmza) verifies against the certificate's key, validity and status; then the session is
 * consumed atomically, so a replay loses. Runs in the caller's transaction. DOMAIN.md §10.
 */
export async function finishSigningSession(
  tx: Tx,
  input: {
    sessionId: string;
    purpose: 'LOGIN' | 'SIGN';
    /** The caller's browser secret: another browser's (or none) is NOT_FOUND, like an unknown id. */
    browser: string | null;
    jws?: string | null;
    limit?: keyof typeof RATE_LIMITS;
  },
): Promise<Finished | Unfinished> {
  const session = await findOwnSession(tx, input.sessionId, input.browser, true);
  if (!session || session.purpose !== input.purpose)
    return { ok: false, code: 'NOT_FOUND', session: null };
  const at = now();
  const fail = (code: SigningCode): Unfinished => ({ ok: false, code, session });

  if (input.limit) {
    const limited = await checkLimits(tx, at, [[input.limit, session.certificateSerial]]);
    if (limited) return { ...limited, session };
  }
  if (session.consumedAt) return fail('SESSION_REPLAYED');
  const ended = statusFailure(await expireIfDue(tx, session, at));
  if (ended) return fail(ended);

  const jws = session.method === 'ASAN' ? session.jws : input.jws;
  if (!jws) return fail('NOT_ANSWERED');

  const certificate = await certificateAuthority(tx).findCertificateBySerial(
    session.certificateSerial,
  );
  if (!certificate)
    throw new Error(`finishSigningSession: certificate ${session.certificateSerial} vanished`);
  const answeredInTime =
    session.status === 'OK' &&
    session.answeredAt !== null &&
    session.answeredAt <= session.expiresAt;
  const deadline = new Date(session.expiresAt.getTime() + (answeredInTime ? COLLECT_GRACE_MS : 0));

  const check = await verifySignature({
    jws,
    publicJwk: certificate.publicJwk,
    expected: {
      sid: session.id,
      hash: session.hash,
      purpose: session.purpose,
      certSerial: session.certificateSerial,
    },
    certificate,
    session: { expiresAt: deadline, consumedAt: session.consumedAt },
    now: at,
  });
  if (!check.ok) {
    const code = refusal(check.code);
    if (code === 'TIMEOUT' || code === 'CERTIFICATE_EXPIRED' || code === 'CERTIFICATE_REVOKED') {
      await settlePending(tx, session.id, code);
    }
    // A bad token leaves the session alone: whoever sent it may not be its holder.
    return fail(code);
  }
  // A card answer verified straight from the browser (no simulator in between) closes the session too.
  if (!(await consumeAndSettle(tx, session.id, at))) return fail('SESSION_REPLAYED');
  return { ok: true, session, certificate, jws, at };
}
