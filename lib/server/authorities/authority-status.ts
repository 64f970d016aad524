import 'server-only';
import {
  getAuthorityStatus,
  type AuthorityStatus,
  type CertificateStatus,
} from '@/lib/domain/authority';

/** The columns of an authority row that decide its status. */
export type AuthorityTimes = {
  grantedAt: Date;
  revokedAt: Date | null;
  validFrom: string | null;
  validTo: string | null;
};

/** The columns of a certificate row that decide whether it is valid. */
export type CertificateTimes = {
  notBefore: Date;
  notAfter: Date;
  status: CertificateStatus;
};

/**
 * Status of an authority at `asOf` (SPEC C5, C6), by lib/domain's rule. The grant's bounds are
 * Baku calendar dates, so they are passed as Baku instants (start of validFrom, end of
 * validTo); the domain then compares instants and a bound covers the whole day in Baku, not in
 * UTC. An unreadable date fails closed as 'expired'.
 */
export function authorityStatusAt(
  grant: AuthorityTimes,
  certificate: CertificateTimes,
  asOf: Date,
): AuthorityStatus {
  const status = getAuthorityStatus(
    {
      grantedAt: grant.grantedAt.toISOString(),
      revokedAt: grant.revokedAt?.toISOString() ?? null,
      validFrom: grant.validFrom === null ? null : `${grant.validFrom}T00:00:00+04:00`,
      validTo: grant.validTo === null ? null : `${grant.validTo}T23:59:59.999+04:00`,
    },
    {
      notBefore: certificate.notBefore.toISOString(),
      notAfter: certificate.notAfter.toISOString(),
      status: certificate.status,
    },
    asOf.toISOString(),
  );
  return status.ok ? status.value : 'expired';
}

/** True when the authority may be used at `asOf` (isAuthorityLive, with Baku dates). SPEC C5. */
export function isAuthorityLiveAt(
  grant: AuthorityTimes,
  certificate: CertificateTimes,
  asOf: Date,
): boolean {
  return authorityStatusAt(grant, certificate, asOf) === 'live';
}

/** True when a certificate is ACTIVE and `asOf` lies within its validity. */
export function isCertificateValidAt(certificate: CertificateTimes, asOf: Date): boolean {
  const t = asOf.getTime();
  return (
    certificate.status === 'ACTIVE' &&
    certificate.notBefore.getTime() <= t &&
    t <= certificate.notAfter.getTime()
  );
}
