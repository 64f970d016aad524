import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { authorities, certificates, employers, SERVICES } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { isIsoDate } from '@/lib/domain/calendar';
import { assertNotStaffView, assertScopeService, type EmployerScope } from '../access';
import { writeAudit } from '../audit';
import { now, todayInBaku } from '../clock';
import { AppError } from '../errors';
import { authorityStatusAt } from './authority-status';
import { lookupAuthorityHolder, type AuthorityHolderInput } from './lookup-authority-holder';

export type GrantAuthorityInput = AuthorityHolderInput & {
  /** One of SERVICES; any other text is refused with SERVICE_UNKNOWN. */
  service: string;
  /** 'YYYY-MM-DD', Baku calendar, inclusive. Both empty = indefinite (SPEC C5). */
  validFrom?: string;
  validTo?: string;
};

function optionalDate(value: string | undefined, field: string): string | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  if (!isIsoDate(text)) throw new AppError('DATE_FORMAT', { field });
  return text;
}

/**
 * Grants an authority for one service to the holder of a card or Asan İmza (SPEC C1–C5). The
 * period is indefinite or from–to, starts no earlier than today in Baku, and never ends after
 * the holder's certificate (an indefinite grant ends with it). Refuses a grant to oneself, to
 * the responsible person (who has every service) and a second live or future grant for the same
 * holder, service and certificate. The authority and its audit entry commit together.
 */
export async function grantAuthority(
  db: DbOrTx,
  scope: EmployerScope,
  input: GrantAuthorityInput,
  asOf: Date = now(),
): Promise<{ id: string }> {
  assertScopeService(scope, 'AUTHORITIES');
  assertNotStaffView(scope);
  const service = SERVICES.find((s) => s === input.service);
  if (!service) throw new AppError('SERVICE_UNKNOWN', { field: 'service' });
  const validFrom = optionalDate(input.validFrom, 'validFrom');
  const validTo = optionalDate(input.validTo, 'validTo');
  const today = todayInBaku(asOf);
  if (validFrom !== null && validFrom < today) {
    throw new AppError('DATE_IN_PAST', { field: 'validFrom', params: { today } });
  }
  if (validTo !== null && validTo < today) {
    throw new AppError('DATE_IN_PAST', { field: 'validTo', params: { today } });
  }
  if (validFrom !== null && validTo !== null && validFrom > validTo) {
    throw new AppError('DATE_RANGE', { field: 'validTo' });
  }

  const holder = await lookupAuthorityHolder(db, scope, input, asOf);
  if (holder.person.fin === scope.fin) throw new AppError('GRANT_TO_SELF', { field: 'fin' });
  const lastDay = holder.certificate.notAfter;
  for (const [field, date] of [
    ['validTo', validTo],
    ['validFrom', validFrom],
  ] as const) {
    if (date !== null && date > lastDay) {
      throw new AppError('GRANT_BEYOND_CERTIFICATE', { field, params: { date: lastDay } });
    }
  }

  return db.transaction(async (tx) => {
    // Locking the employer row serialises grants per employer, so two concurrent requests
    // cannot both pass the duplicate check below.
    const [employer] = await tx
      .select({ responsibleFin: employers.responsibleFin })
      .from(employers)
      .where(eq(employers.id, scope.employerId))
      .for('update');
    if (!employer) throw new AppError('NOT_FOUND');
    if (employer.responsibleFin === holder.person.fin) {
      throw new AppError('GRANT_TO_RESPONSIBLE', { field: 'fin' });
    }

    const existing = await tx
      .select({ grant: authorities, certificate: certificates })
      .from(authorities)
      .innerJoin(certificates, eq(certificates.serial, authorities.certificateSerial))
      .where(
        and(
          eq(authorities.employerId, scope.employerId),
          eq(authorities.holderFin, holder.person.fin),
          eq(authorities.service, service),
          eq(authorities.certificateSerial, holder.certificate.serial),
          isNull(authorities.revokedAt),
        ),
      );
    const current = existing.find(({ grant, certificate }) => {
      const status = authorityStatusAt(grant, certificate, asOf);
      return status === 'live' || status === 'future';
    });
    if (current) throw new AppError('AUTHORITY_DUPLICATE', { field: 'fin' });

    const id = randomUUID();
    await tx.insert(authorities).values({
      id,
      employerId: scope.employerId,
      service,
      method: holder.method,
      holderFin: holder.person.fin,
      certificateSerial: holder.certificate.serial,
      deviceRef: holder.deviceRef,
      validFrom,
      validTo,
      grantedByFin: scope.fin,
      grantedAt: asOf,
    });
    await writeAudit(tx, {
      action: 'AUTHORITY_GRANTED',
      outcome: 'SUCCESS',
      actorFin: scope.fin,
      employerId: scope.employerId,
      details: {
        authorityId: id,
        service,
        method: holder.method,
        holderFin: holder.person.fin,
        certificateSerial: holder.certificate.serial,
        validFrom,
        validTo,
        via: scope.via,
      },
    });
    return { id };
  });
}
