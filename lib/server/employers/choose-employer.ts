import 'server-only';
import type { DbOrTx } from '@/db/types';
import { auditAccessDenied, resolveEmployerServices, type Actor } from '../access';
import { writeAudit } from '../audit';
import { now } from '../clock';
import { AppError } from '../errors';

/**
 * Checks that the person may act for the employer in at least one service and records the
 * choice (SPEC A4). Returns the employer id to keep in the session; every later request is
 * still checked by the guard. A refusal is audited and answers NOT_FOUND.
 */
export async function chooseEmployer(
  db: DbOrTx,
  actor: Actor,
  employerId: string,
  asOf: Date = now(),
): Promise<string> {
  const resolved = await resolveEmployerServices(db, actor, employerId, asOf);
  if (!resolved.ok) {
    await auditAccessDenied(db, actor, employerId, { reason: resolved.reason }, 'EMPLOYER_CHOSEN');
    throw new AppError('NOT_FOUND');
  }
  await writeAudit(db, {
    action: 'EMPLOYER_CHOSEN',
    outcome: 'SUCCESS',
    actorFin: actor.fin,
    employerId,
    details: { via: resolved.via, services: [...resolved.services.keys()] },
  });
  return employerId;
}
