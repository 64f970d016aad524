import 'server-only';
import type { DbOrTx } from '@/db/types';
import { normalizeMobile } from '@/lib/domain/identifiers';
import { asanImza } from '@/lib/integrations/asan-imza';
import { simulatedDevices } from '@/lib/integrations/certificate-authority/simulated';
import { now } from '@/lib/server/clock';
import type { SigningFailure } from '@/lib/server/signing/errors';
import { findSession, settlePending } from '@/lib/server/signing/sessions';
import { answerWithDevice, auditAnswer, closedSession } from './device-answer';
import { assertSimulatorsEnabled } from './enabled';

export type PhoneAnswerInput =
  | { phone: string; code: string; pin: string; ip?: string | null }
  | { phone: string; code: string; cancel: true; ip?: string | null };

/**
 * The simulated Asan İmza phone: Confirm with PIN1/PIN2, or Cancel, the request it shows with
 * this verification code. The phone never learns a session id (issue 12 §3): it answers by its
 * number and the code on its screen. On Confirm the JWS is stored on the session and its status
 * becomes OK; the waiting browser sees it through getSigningStatus and completes. No pending
 * request of this phone with this code answers NOT_FOUND. SPEC A3.
 */
export async function answerOnPhone(
  db: DbOrTx,
  input: PhoneAnswerInput,
): Promise<{ ok: true; outcome: 'OK' | 'USER_CANCELLED' } | SigningFailure> {
  assertSimulatorsEnabled();
  const phone = normalizeMobile(input.phone);
  if (!phone.ok || typeof input.code !== 'string') return { ok: false, code: 'NOT_FOUND' };
  return db.transaction(async (tx) => {
    const matching = (await asanImza(tx).listPendingRequests(phone.value, now())).filter(
      (r) => r.verificationCode === input.code.trim(),
    );
    // Two pending requests with one code (1 in 10 000) cannot be told apart on the phone or on
    // the screens: the holder's confirmation must never land on a request they did not mean.
    const [only] = matching;
    if (!only || matching.length > 1) return { ok: false as const, code: 'NOT_FOUND' as const };
    const session = await findSession(tx, only.sessionId, true);
    if (!session || session.method !== 'ASAN')
      return { ok: false as const, code: 'NOT_FOUND' as const };
    const device = await simulatedDevices(tx).lockDevice(session.certificateSerial);
    if (!device || device.certificate.asanPhone !== phone.value) {
      return { ok: false as const, code: 'NOT_FOUND' as const };
    }
    const at = now();
    const closed = await closedSession(tx, session, at);
    if (closed) return closed;
    if ('cancel' in input) {
      await settlePending(tx, session.id, 'USER_CANCELLED', { answeredAt: at });
      await auditAnswer(tx, session, 'USER_CANCELLED', { ip: input.ip });
      return { ok: true as const, outcome: 'USER_CANCELLED' as const };
    }
    const answer = await answerWithDevice(tx, {
      session,
      device,
      pin: input.pin,
      at,
      storeJws: true,
      ip: input.ip,
    });
    return answer.ok ? { ok: true as const, outcome: 'OK' as const } : answer;
  });
}
