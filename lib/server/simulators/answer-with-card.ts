import 'server-only';
import type { DbOrTx } from '@/db/types';
import { simulatedDevices } from '@/lib/integrations/certificate-authority/simulated';
import { now } from '@/lib/server/clock';
import type { SigningFailure } from '@/lib/server/signing/errors';
import { findOwnSession } from '@/lib/server/signing/sessions';
import { answerWithDevice, closedSession } from './device-answer';
import { assertSimulatorsEnabled } from './enabled';

/**
 * The simulated e-signature card: the holder chose `certificateSerial` in the dialog and typed
 * the PIN. On success the signed answer goes back to the browser, which passes it to
 * completeLogin / completeDocumentSigning (as a real card program would). The card sits in the
 * reader of the browser that started the session: another browser's session is NOT_FOUND
 * (issue 12 §3). SPEC A2, DOMAIN.md §10.
 */
export async function answerWithCard(
  db: DbOrTx,
  input: {
    sessionId: string;
    certificateSerial: string;
    pin: string;
    browser: string | null;
    ip?: string | null;
  },
): Promise<{ ok: true; jws: string } | SigningFailure> {
  assertSimulatorsEnabled();
  return db.transaction(async (tx) => {
    const session = await findOwnSession(tx, input.sessionId, input.browser, true);
    if (!session || session.method !== 'ESIGN')
      return { ok: false as const, code: 'NOT_FOUND' as const };
    const at = now();
    const closed = await closedSession(tx, session, at);
    if (closed) return closed;
    if (input.certificateSerial !== session.certificateSerial) {
      return { ok: false as const, code: 'CERTIFICATE_MISMATCH' as const };
    }
    const device = await simulatedDevices(tx).lockDevice(session.certificateSerial);
    if (!device)
      throw new Error(`answerWithCard: certificate ${session.certificateSerial} vanished`);
    return answerWithDevice(tx, {
      session,
      device,
      pin: input.pin,
      at,
      storeJws: false,
      ip: input.ip,
    });
  });
}
