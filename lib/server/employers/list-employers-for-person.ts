import 'server-only';
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { authorities, employers, SERVICES, type Service } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { findActorCertificate, type Actor } from '../access';
import { isAuthorityLiveAt } from '../authorities/authority-status';
import { now } from '../clock';

export type EmployerChoice = {
  id: string;
  name: string;
  voen: string;
  dsmfRegNumber: string;
  via: 'RESPONSIBLE' | 'AUTHORITY';
  services: Service[];
};

/**
 * The employers the person may choose (SPEC A4): where they are the responsible person, or hold
 * an authority that is live at `asOf` for the certificate they signed in with — the same rules
 * as the guard in access.ts. Sorted by name; empty when the certificate itself is not valid.
 */
export async function listEmployersForPerson(
  db: DbOrTx,
  actor: Actor,
  asOf: Date = now(),
): Promise<EmployerChoice[]> {
  const found = await findActorCertificate(db, actor, asOf);
  if (!found.ok) return [];
  const { certificate } = found;

  const grants = await db
    .select()
    .from(authorities)
    .where(
      and(
        eq(authorities.holderFin, actor.fin),
        eq(authorities.certificateSerial, actor.certificateSerial),
        isNull(authorities.revokedAt),
      ),
    );
  const granted = new Map<string, Set<Service>>();
  for (const grant of grants) {
    if (!isAuthorityLiveAt(grant, certificate, asOf)) continue;
    const services = granted.get(grant.employerId) ?? new Set<Service>();
    services.add(grant.service);
    granted.set(grant.employerId, services);
  }

  const grantedIds = [...granted.keys()];
  const rows = await db
    .select({
      id: employers.id,
      name: employers.name,
      voen: employers.voen,
      dsmfRegNumber: employers.dsmfRegNumber,
      responsibleFin: employers.responsibleFin,
    })
    .from(employers)
    .where(
      grantedIds.length > 0
        ? or(eq(employers.responsibleFin, actor.fin), inArray(employers.id, grantedIds))
        : eq(employers.responsibleFin, actor.fin),
    );

  return rows
    .map(({ responsibleFin, ...employer }): EmployerChoice => {
      if (responsibleFin === actor.fin) {
        return { ...employer, via: 'RESPONSIBLE', services: [...SERVICES] };
      }
      const services = granted.get(employer.id) ?? new Set<Service>();
      return { ...employer, via: 'AUTHORITY', services: SERVICES.filter((s) => services.has(s)) };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'az'));
}
