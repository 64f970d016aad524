import 'server-only';
import type { DbOrTx } from '@/db/types';
import { populationRegistry } from '@/lib/integrations/population-registry';
import { writeAudit } from '@/lib/server/audit';
import type { SignedInPerson } from '../principal';
import type { SigningFailure } from './errors';
import { finishSigningSession } from './finish-session';

/**
 * Completes a login: verifies the signed challenge (card: `jws` from the browser; Asan İmza: the
 * JWS the phone stored) and consumes the session once. Limited per certificate (issue 4 §10);
 * every success and failure is audited as LOGIN. SPEC A2/A3, DOMAIN.md §10.
 */
export async function completeLogin(
  db: DbOrTx,
  input: { sessionId: string; browser: string | null; jws?: string | null; ip?: string | null },
): Promise<{ ok: true; principal: SignedInPerson } | SigningFailure> {
  return db.transaction(async (tx) => {
    const finished = await finishSigningSession(tx, {
      sessionId: input.sessionId,
      browser: input.browser,
      purpose: 'LOGIN',
      jws: input.jws,
      limit: 'loginPerIdentity',
    });
    if (!finished.ok) {
      const { session, code } = finished;
      await writeAudit(tx, {
        action: 'LOGIN',
        outcome: 'FAILURE',
        actorFin: null,
        details: {
          method: session?.method ?? null,
          code,
          certificateSerial: session?.certificateSerial ?? null,
          sessionId: session?.id ?? null,
        },
        ip: input.ip ?? null,
      });
      const { session: _session, ...failure } = finished;
      return failure;
    }
    const { session, certificate } = finished;
    const person = await populationRegistry(tx).findPerson(certificate.holderFin);
    if (!person)
      throw new Error(`completeLogin: holder ${certificate.holderFin} is not in the registry`);
    const principal: SignedInPerson = {
      fin: person.fin,
      surname: person.surname,
      name: person.name,
      patronymic: person.patronymic,
      certificateSerial: certificate.serial,
      method: session.method,
    };
    await writeAudit(tx, {
      action: 'LOGIN',
      outcome: 'SUCCESS',
      actorFin: person.fin,
      details: {
        method: session.method,
        code: 'OK',
        certificateSerial: certificate.serial,
        sessionId: session.id,
      },
      ip: input.ip ?? null,
    });
    return { ok: true as const, principal };
  });
}
