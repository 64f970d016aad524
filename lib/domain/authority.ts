// Whether a delegated authority may be used now (SPEC C5, C6; ARCHITECTURE.md §5). The caller
// passes `asOf`; nothing here reads a clock.
// Moments are 'YYYY-MM-DD' or ISO date-times with 'Z' or an offset. Two date-times compare as
// instants; when either side is a date, both compare by UTC calendar day, so date bounds are
// inclusive of the whole day.
import { parseIsoDate, type IsoDate } from './calendar';
import { err, ok, type Result } from './result';

export const AUTHORITY_CODES = ['INVALID_DATE'] as const;
export type AuthorityCode = (typeof AUTHORITY_CODES)[number];

export interface AuthorityGrant {
  readonly grantedAt: string;
  readonly revokedAt?: string | null;
  /** Inclusive dates or date-times; null or absent = open (SPEC C5: indefinite by default). */
  readonly validFrom?: IsoDate | null;
  readonly validTo?: IsoDate | null;
}

export type CertificateStatus = 'ACTIVE' | 'REVOKED' | 'EXPIRED' | 'SUSPENDED';

export interface HolderCertificate {
  readonly notBefore: string;
  readonly notAfter: string;
  readonly status: CertificateStatus;
}

export type AuthorityStatus = 'live' | 'future' | 'expired' | 'revoked';

interface Moment {
  readonly day: number;
  readonly ms: number | null;
}

const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;
const MS_PER_DAY = 86_400_000;

function parseMoment(text: string): Moment | null {
  const dateOnly = parseIsoDate(text);
  if (dateOnly.ok) return { day: dateOnly.value, ms: null };
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const day = parseIsoDate(match[1] ?? '');
  const [h, min, s] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  if (!day.ok || h > 23 || min > 59 || s > 59) return null;
  const zone = match[6] ?? 'Z';
  const offsetMinutes =
    zone === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) *
        (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const fraction = Number((match[5] ?? '').padEnd(3, '0'));
  const ms = day.value * MS_PER_DAY + ((h * 60 + min - offsetMinutes) * 60 + s) * 1000 + fraction;
  return { day: Math.floor(ms / MS_PER_DAY), ms };
}

function compare(a: Moment, b: Moment): number {
  return a.ms !== null && b.ms !== null ? a.ms - b.ms : a.day - b.day;
}

function optionalMoment(text: string | null | undefined): Moment | null | 'invalid' {
  if (text === null || text === undefined) return null;
  return parseMoment(text) ?? 'invalid';
}

/**
 * The registry status of an authority at `asOf`: revoked (grant revoked on or before asOf, or
 * the certificate revoked or suspended), expired (after validTo or the certificate's
 * notAfter), future (before grantedAt, validFrom or notBefore), otherwise live. SPEC C5, C6.
 */
export function getAuthorityStatus(
  grant: AuthorityGrant,
  certificate: HolderCertificate,
  asOf: string,
): Result<AuthorityStatus, AuthorityCode> {
  const now = parseMoment(asOf);
  const moments = [
    grant.grantedAt,
    grant.revokedAt,
    grant.validFrom,
    grant.validTo,
    certificate.notBefore,
    certificate.notAfter,
  ].map(optionalMoment);
  if (now === null || moments.includes('invalid')) return err('INVALID_DATE');
  const [granted, revoked, from, to, notBefore, notAfter] = moments as (Moment | null)[];
  if (granted === null || granted === undefined || !notBefore || !notAfter)
    return err('INVALID_DATE');
  if (
    (revoked && compare(revoked, now) <= 0) ||
    certificate.status === 'REVOKED' ||
    certificate.status === 'SUSPENDED'
  ) {
    return ok('revoked');
  }
  if (
    (to && compare(now, to) > 0) ||
    compare(now, notAfter) > 0 ||
    certificate.status === 'EXPIRED'
  ) {
    return ok('expired');
  }
  if (
    compare(now, granted) < 0 ||
    (from && compare(now, from) < 0) ||
    compare(now, notBefore) < 0
  ) {
    return ok('future');
  }
  return ok('live');
}

/**
 * True only when the authority is granted, not revoked, inside its interval and the holder's
 * certificate is active and valid at `asOf`; false for unreadable dates (fail closed). SPEC C5.
 */
export function isAuthorityLive(
  grant: AuthorityGrant,
  certificate: HolderCertificate,
  asOf: string,
): boolean {
  const status = getAuthorityStatus(grant, certificate, asOf);
  return status.ok && status.value === 'live';
}
