import 'server-only';
import type { Db } from '@/db/types';
import { simulatedDevices } from '@/lib/integrations/certificate-authority/simulated';
import { now } from '../clock';
import { findSession } from '../signing/sessions';
import { answerWithDevice } from '../simulators/device-answer';

/**
 * The demo holder presses OK on the simulated card and types PIN2: the same device answer the
 * card-program dialog gives, without the SIMULATORS switch — the demo history is loaded on
 * first start even where the simulator pages are off. Returns the JWS for completion.
 */
export async function signOnSimulatedCard(
  db: Db,
  input: { sessionId: string; pin: string },
): Promise<string> {
  return db.transaction(async (tx) => {
    const session = await findSession(tx, input.sessionId, true);
    if (!session) throw new Error(`signOnSimulatedCard: no session ${input.sessionId}`);
    const device = await simulatedDevices(tx).lockDevice(session.certificateSerial);
    if (!device) throw new Error(`signOnSimulatedCard: no device ${session.certificateSerial}`);
    const answer = await answerWithDevice(tx, {
      session,
      device,
      pin: input.pin,
      at: now(),
      storeJws: false,
    });
    if (!answer.ok) throw new Error(`signOnSimulatedCard: ${answer.code}`);
    return answer.jws;
  });
}
