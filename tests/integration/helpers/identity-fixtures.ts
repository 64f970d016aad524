import { randomUUID } from 'node:crypto';
import { authorities, certificates, type Service } from '@/db/schema';
import { DEMO_IDENTITIES, demoIdentity } from '@/db/seed/demo-identities';
import type { DbOrTx } from '@/db/types';

// Certificates and authorities for integration tests. The demo certificates follow the identity
// seed's contract (serials CARD-<cardNumber> and ASAN-<asanUserId>, valid 2025-01-01..2028-12-31,
// 'expired-cert' ended 2026-01-31, 'revoked-cert' REVOKED) and are inserted only where the seed
// has not made them already, so the tests pass with or without the seed hook.

const VALID_FROM = new Date('2025-01-01T00:00:00+04:00');
const VALID_TO = new Date('2028-12-31T23:59:59+04:00');
const EXPIRED_AT = new Date('2026-01-31T23:59:59+04:00');

export type CertificateFixture = {
  serial: string;
  kind: 'CARD' | 'ASAN';
  holderFin: string;
  cardNumber?: string;
  asanPhone?: string;
  asanUserId?: string;
  notBefore?: Date;
  notAfter?: Date;
  status?: 'ACTIVE' | 'REVOKED' | 'EXPIRED';
};

/** Inserts one certificate with placeholder keys and PIN hashes (the guard never reads them). */
export async function insertCertificate(db: DbOrTx, cert: CertificateFixture): Promise<void> {
  await db
    .insert(certificates)
    .values({
      serial: cert.serial,
      kind: cert.kind,
      holderFin: cert.holderFin,
      cardNumber: cert.cardNumber ?? null,
      asanPhone: cert.asanPhone ?? null,
      asanUserId: cert.asanUserId ?? null,
      issuer: 'Test CA',
      notBefore: cert.notBefore ?? VALID_FROM,
      notAfter: cert.notAfter ?? VALID_TO,
      status: cert.status ?? 'ACTIVE',
      publicJwk: { kty: 'EC', crv: 'P-256', test: true },
      privateJwk: { kty: 'EC', crv: 'P-256', test: true },
      pin1Hash: 'test-pin1-hash',
      pin2Hash: 'test-pin2-hash',
    })
    .onConflictDoNothing();
}

/** The card and Asan İmza certificates of every demo identity (seed hook contract). */
export async function ensureDemoCertificates(db: DbOrTx): Promise<void> {
  for (const person of DEMO_IDENTITIES) {
    const validity = {
      notAfter: person.certificate === 'EXPIRED' ? EXPIRED_AT : VALID_TO,
      status: person.certificate === 'REVOKED' ? ('REVOKED' as const) : ('ACTIVE' as const),
    };
    await insertCertificate(db, {
      serial: `CARD-${person.cardNumber}`,
      kind: 'CARD',
      holderFin: person.fin,
      cardNumber: person.cardNumber,
      ...validity,
    });
    await insertCertificate(db, {
      serial: `ASAN-${person.asanUserId}`,
      kind: 'ASAN',
      holderFin: person.fin,
      asanPhone: person.asanPhone,
      asanUserId: person.asanUserId,
      ...validity,
    });
  }
}

/** The actor a demo identity is when signed in with its card (ESIGN) or Asan İmza. */
export function demoActor(key: string, method: 'ESIGN' | 'ASAN' = 'ESIGN') {
  const person = demoIdentity(key);
  return {
    fin: person.fin,
    method,
    certificateSerial:
      method === 'ESIGN' ? `CARD-${person.cardNumber}` : `ASAN-${person.asanUserId}`,
  };
}

/** Inserts an authority row directly (for states the use cases refuse to create, e.g. past). */
export async function insertAuthority(
  db: DbOrTx,
  row: {
    employerId: string;
    holderKey: string;
    service: Service;
    method?: 'ESIGN' | 'ASAN';
    validFrom?: string | null;
    validTo?: string | null;
    grantedAt?: Date;
    revokedAt?: Date | null;
  },
): Promise<string> {
  const person = demoIdentity(row.holderKey);
  const method = row.method ?? 'ESIGN';
  const id = randomUUID();
  await db.insert(authorities).values({
    id,
    employerId: row.employerId,
    service: row.service,
    method,
    holderFin: person.fin,
    certificateSerial: demoActor(row.holderKey, method).certificateSerial,
    deviceRef: method === 'ESIGN' ? person.cardNumber : person.asanPhone,
    validFrom: row.validFrom ?? null,
    validTo: row.validTo ?? null,
    grantedByFin: '0000000',
    grantedAt: row.grantedAt ?? new Date('2026-01-15T09:00:00Z'),
    revokedAt: row.revokedAt ?? null,
    revokedByFin: row.revokedAt ? '0000000' : null,
  });
  return id;
}
