import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { authorities, certificates, registryPersons, type Service } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { AuthorityStatus } from '@/lib/domain/authority';
import { assertScopeService, type EmployerScope } from '../access';
import { now } from '../clock';
import { authorityStatusAt } from './authority-status';

export type AuthorityRow = {
  id: string;
  service: Service;
  method: 'ESIGN' | 'ASAN';
  /** Card number (ESIGN) or E.164 phone (ASAN). */
  deviceRef: string;
  holderFin: string;
  holderFullName: string;
  /** Baku calendar dates, inclusive; null = open on that side. */
  validFrom: string | null;
  validTo: string | null;
  status: AuthorityStatus;
  grantedAt: Date;
  grantedByFin: string;
  revokedAt: Date | null;
  revokedByFin: string | null;
};

/**
 * The registry of authorities ("Səlahiyyətlərin reyestri", SPEC C6) of the scope's employer,
 * newest first, each with its status at `asOf` (live, future, expired, revoked; lib/domain).
 */
export async function listAuthorities(
  db: DbOrTx,
  scope: EmployerScope,
  asOf: Date = now(),
): Promise<AuthorityRow[]> {
  assertScopeService(scope, 'AUTHORITIES');
  const rows = await db
    .select({
      grant: authorities,
      certificate: certificates,
      surname: registryPersons.surname,
      name: registryPersons.name,
      patronymic: registryPersons.patronymic,
    })
    .from(authorities)
    .innerJoin(certificates, eq(certificates.serial, authorities.certificateSerial))
    .innerJoin(registryPersons, eq(registryPersons.fin, authorities.holderFin))
    .where(eq(authorities.employerId, scope.employerId))
    .orderBy(desc(authorities.grantedAt), desc(authorities.id));
  return rows.map(({ grant, certificate, surname, name, patronymic }) => ({
    id: grant.id,
    service: grant.service,
    method: grant.method,
    deviceRef: grant.deviceRef,
    holderFin: grant.holderFin,
    holderFullName: `${surname} ${name} ${patronymic}`,
    validFrom: grant.validFrom,
    validTo: grant.validTo,
    status: authorityStatusAt(grant, certificate, asOf),
    grantedAt: grant.grantedAt,
    grantedByFin: grant.grantedByFin,
    revokedAt: grant.revokedAt,
    revokedByFin: grant.revokedByFin,
  }));
}
