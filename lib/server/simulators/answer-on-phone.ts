import 'server-only';
import type { DbOrTx } from '@/db/types';
import { normalizeMobile } from '@/lib/domain/identifiers';
import { simulatedDevices } from '@/lib/integrations/certificate-authority/simulated';
import { now } from '@/lib/server/clock';
import type { SigningFailure } from '@/lib/server/signing/errors';
import { findSession, settlePending } from '@/lib/server/signing/sessions';
import { answerWithDevice, auditAnswer, closedSession } from './device-answer';
import { assertSimulatorsEnabled } from './enabled';

export type PhoneAnswerInput =
  | { sessionId: string; phone: string; pin: string; ip?: string | null }
  | { sessionId: string; phone: string; cancel: true; ip?: string | null };

/**
 * The simulated Asan İmza phone: Confirm with PIN1/PIN2, or Cancel. On Confirm the JWS is stored
 * on the session and its status becomes OK; the waiting browser sees it through
 * getSigningStatus and completes. A session of another phone answers NOT_FOUND. SPEC A3.
 */
export async function answerOnPhone(
  db: DbOrTx,
  input: PhoneAnswerInput,
): Promise<{ ok: true; outcome: 'OK' | 'USER_CANCELLED' } | SigningFailure> {
  assertSimulatorsEnabled();
  const phone = normalizeMobile(input.phone);
  if (!phone.ok) return { ok: false, code: 'NOT_FOUND' };
  return db.transaction(async (tx) => {
    const session = await findSession(tx, input.sessionId, true);
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
