import { describe, expect, it } from 'vitest';
import {
  getAuthorityStatus,
  isAuthorityLive,
  type AuthorityGrant,
  type HolderCertificate,
} from '@/lib/domain';

const cert: HolderCertificate = {
  notBefore: '2025-01-01T00:00:00Z',
  notAfter: '2026-12-31T23:59:59Z',
  status: 'ACTIVE',
};
const grant: AuthorityGrant = {
  grantedAt: '2025-03-01T10:00:00Z',
  validFrom: '2025-04-01',
  validTo: '2025-06-30',
};

describe('authority (SPEC C5)', () => {
  it.each([
    ['2025-04-01T00:00:00Z', grant, cert, 'live'], // validFrom inclusive
    ['2025-06-30T23:59:00Z', grant, cert, 'live'], // validTo inclusive (whole day)
    ['2025-06-30', grant, cert, 'live'],
    ['2025-03-31T23:59:59Z', grant, cert, 'future'],
    ['2025-07-01T00:00:00Z', grant, cert, 'expired'],
    ['2025-03-01T09:59:59Z', { grantedAt: '2025-03-01T10:00:00Z' }, cert, 'future'],
    ['2025-03-01T10:00:00Z', { grantedAt: '2025-03-01T10:00:00Z' }, cert, 'live'], // indefinite by default
    ['2026-06-01T00:00:00Z', { grantedAt: '2025-03-01' }, cert, 'live'],
    ['2027-01-01T00:00:00Z', { grantedAt: '2025-03-01' }, cert, 'expired'], // ends with the certificate
    ['2025-05-01T12:00:00Z', { ...grant, revokedAt: '2025-05-01T12:00:00Z' }, cert, 'revoked'], // revokedAt ≤ asOf
    ['2025-05-01T11:59:59Z', { ...grant, revokedAt: '2025-05-01T12:00:00Z' }, cert, 'live'],
    ['2025-05-01T12:00:00Z', grant, { ...cert, status: 'REVOKED' }, 'revoked'],
    ['2025-05-01T12:00:00Z', grant, { ...cert, status: 'SUSPENDED' }, 'revoked'],
    ['2025-05-01T12:00:00Z', grant, { ...cert, status: 'EXPIRED' }, 'expired'],
    ['2025-05-01T12:00:00Z', grant, { ...cert, notBefore: '2025-06-01T00:00:00Z' }, 'future'],
    ['2025-05-01T08:30:00+04:00', grant, { ...cert, notAfter: '2025-05-01T04:29:59Z' }, 'expired'], // offsets compare as instants
    ['2025-05-01T08:30:00+04:00', grant, { ...cert, notAfter: '2025-05-01T04:30:00Z' }, 'live'],
  ] as const)('at %s → %s', (asOf, g, c, expected) => {
    expect(getAuthorityStatus(g, c, asOf)).toEqual({ ok: true, value: expected });
    expect(isAuthorityLive(g, c, asOf)).toBe(expected === 'live');
  });

  it.each(['', '2025-02-30', '2025-05-01T12:00:00', 'yesterday'])(
    'fails closed on unreadable asOf %j',
    (asOf) => {
      expect(getAuthorityStatus(grant, cert, asOf)).toEqual({ ok: false, code: 'INVALID_DATE' });
      expect(isAuthorityLive(grant, cert, asOf)).toBe(false);
    },
  );

  it('fails closed on an unreadable grant date', () => {
    expect(isAuthorityLive({ ...grant, validTo: '30.06.2025' }, cert, '2025-05-01')).toBe(false);
  });
});
