import { generateSigningKeyPair, hashPin } from '../../auth/signing';
import { certificates } from '../schema';
import type { Tx } from '../types';
import { DEMO_IDENTITIES, DEMO_PIN1, DEMO_PIN2, type DemoIdentity } from './demo-identities';

/** Later parts of the seed (identities, report history) run inside the same transaction. */
export type SeedHook = (tx: Tx) => Promise<void>;

// Plain imports only: the seed runs under tsx, where 'server-only' throws.

const VALIDITY = {
  notBefore: new Date('2025-01-01T00:00:00+04:00'),
  notAfter: new Date('2028-12-31T23:59:59+04:00'),
};
const EXPIRED_NOT_AFTER = new Date('2026-01-31T23:59:59+04:00');

function state(identity: DemoIdentity) {
  if (identity.certificate === 'EXPIRED')
    return { status: 'EXPIRED' as const, notAfter: EXPIRED_NOT_AFTER };
  if (identity.certificate === 'REVOKED')
    return { status: 'REVOKED' as const, notAfter: VALIDITY.notAfter };
  return { status: 'ACTIVE' as const, notAfter: VALIDITY.notAfter };
}

/**
 * Certificates for the demo identities (identity issue §1): each gets an e-signature card
 * ('CARD-' + card number) and an Asan İmza registration ('ASAN-' + User ID), each with its own
 * ES256 key pair and the shared demo PINs. The two PIN hashes are computed once and reused: argon2
 * is slow on purpose and the seed must stay fast. Keys are random, so certificates are the one
 * part of the seed that differs between runs (the determinism check leaves them out).
 */
export const seedIdentities: SeedHook = async (tx) => {
  const [pin1Hash, pin2Hash] = await Promise.all([hashPin(DEMO_PIN1), hashPin(DEMO_PIN2)]);
  const rows = [];
  for (const identity of DEMO_IDENTITIES) {
    const { status, notAfter } = state(identity);
    const common = {
      holderFin: identity.fin,
      notBefore: VALIDITY.notBefore,
      notAfter,
      status,
      pin1Hash,
      pin2Hash,
    };
    const card = await generateSigningKeyPair();
    rows.push({
      ...common,
      serial: `CARD-${identity.cardNumber}`,
      kind: 'CARD' as const,
      cardNumber: identity.cardNumber,
      issuer: 'Simulated CA (ASAN Xidmət)',
      publicJwk: card.publicJwk,
      privateJwk: card.privateJwk,
    });
    const asan = await generateSigningKeyPair();
    rows.push({
      ...common,
      serial: `ASAN-${identity.asanUserId}`,
      kind: 'ASAN' as const,
      asanPhone: identity.asanPhone,
      asanUserId: identity.asanUserId,
      issuer: 'Simulated e-signature CA',
      publicJwk: asan.publicJwk,
      privateJwk: asan.privateJwk,
    });
  }
  await tx.insert(certificates).values(rows);
};
