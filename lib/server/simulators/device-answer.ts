import 'server-only';
import { nextPinState, signPayload, verifyPin } from '@/auth/signing';
import type { Tx } from '@/db/types';
import { PIN_MAX_ATTEMPTS, validatePin } from '@/lib/domain/identifiers';
import {
  simulatedDevices,
  type SimulatedDevice,
} from '@/lib/integrations/certificate-authority/simulated';
import { writeAudit } from '@/lib/server/audit';
import type { SigningCode, SigningFailure } from '@/lib/server/signing/errors';
import {
  expireIfDue,
  settlePending,
  statusFailure,
  type SigningSession,
} from '@/lib/server/signing/sessions';

export type DeviceAnswer = { ok: true; jws: string } | SigningFailure;

/**
 * Whether a locked session can still be answered: not used, not ended, not timed out (a late
 * answer turns it into TIMEOUT). Null when it can.
 */
export async function closedSession(
  tx: Tx,
  session: SigningSession,
  at: Date,
): Promise<SigningFailure | null> {
  if (session.consumedAt) return { ok: false, code: 'ALREADY_ANSWERED' };
  const status = await expireIfDue(tx, session, at);
  const ended = statusFailure(status);
  if (ended) return { ok: false, code: ended };
  return status === 'OK' ? { ok: false, code: 'ALREADY_ANSWERED' } : null;
}

export async function auditAnswer(
  tx: Tx,
  session: SigningSession,
  code: SigningCode | 'OK',
  extra: { ip?: string | null; triesLeft?: number } = {},
): Promise<void> {
  await writeAudit(tx, {
    action: 'SIGNING_ANSWER',
    outcome: code === 'OK' ? 'SUCCESS' : 'FAILURE',
    employerId: session.employerId,
    details: {
      sessionId: session.id,
      method: session.method,
      purpose: session.purpose,
      certificateSerial: session.certificateSerial,
      code,
      ...(extra.triesLeft === undefined ? {} : { triesLeft: extra.triesLeft }),
    },
    ip: extra.ip ?? null,
  });
}

/**
 * The simulated card or phone answering a PENDING, locked session with a PIN, as the device
 * would: the certificate's validity and status first, then PIN1 (login) or PIN2 (signing) against
 * the try counter (persisted in the same transaction; the device row is locked), then the ES256
 * signature over {sid, hash, purpose, iat, certSerial}. A wrong PIN keeps the session PENDING so
 * the holder can retry within the 2 minutes; the third blocks the PIN and ends it. Every outcome
 * is audited. `storeJws`: the phone hands its answer to the server; the card hands it to the
 * browser. DOMAIN.md §9–§10, SPEC A2/A3.
 */
export async function answerWithDevice(
  tx: Tx,
  input: {
    session: SigningSession;
    device: SimulatedDevice;
    pin: string;
    at: Date;
    storeJws: boolean;
    ip?: string | null;
  },
): Promise<DeviceAnswer> {
  const { session, device, pin, at } = input;
  const { certificate } = device;
  const end = async (
    code: SigningCode & SigningSession['status'],
    extra: Partial<SigningSession> = {},
  ) => {
    await settlePending(tx, session.id, code, { answeredAt: at, ...extra });
    await auditAnswer(tx, session, code, { ip: input.ip });
    return { ok: false as const, code };
  };

  if (certificate.status === 'REVOKED') return end('CERTIFICATE_REVOKED');
  if (certificate.status === 'EXPIRED' || at > certificate.notAfter)
    return end('CERTIFICATE_EXPIRED');
  if (at < certificate.notBefore) {
    // No session status says "not yet valid"; the session ends as CERTIFICATE_EXPIRED (not valid now).
    await end('CERTIFICATE_EXPIRED');
    return { ok: false, code: 'CERTIFICATE_NOT_YET_VALID' };
  }

  const kind = session.purpose === 'LOGIN' ? 'PIN1' : 'PIN2';
  if (!validatePin(pin, kind).ok)
    return { ok: false, code: 'PIN_FORMAT', digits: kind === 'PIN1' ? 4 : 5 };
  const state = device.pins[kind];
  // A blocked PIN is refused without hashing: nothing to learn, nothing to count.
  const correct = state.blocked ? false : await verifyPin(state.hash, pin);
  const next = nextPinState(state, correct, PIN_MAX_ATTEMPTS);
  if (next.tries !== state.tries || next.blocked !== state.blocked) {
    await simulatedDevices(tx).savePinState(certificate.serial, kind, next);
  }

  if (next.outcome === 'PIN_BLOCKED') return end('PIN_BLOCKED', { triesLeft: 0 });
  if (next.outcome === 'WRONG_PIN') {
    await settlePending(tx, session.id, 'PENDING', { triesLeft: next.triesLeft });
    await auditAnswer(tx, session, 'WRONG_PIN', { ip: input.ip, triesLeft: next.triesLeft });
    return { ok: false, code: 'WRONG_PIN', triesLeft: next.triesLeft };
  }

  const jws = await signPayload(device.privateJwk, {
    sid: session.id,
    hash: session.hash,
    purpose: session.purpose,
    iat: Math.floor(at.getTime() / 1000),
    certSerial: certificate.serial,
  });
  await settlePending(tx, session.id, 'OK', {
    answeredAt: at,
    triesLeft: next.triesLeft,
    ...(input.storeJws ? { jws } : {}),
  });
  await auditAnswer(tx, session, 'OK', { ip: input.ip });
  return { ok: true, jws };
}
