import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
} from 'jose';

/*
 * Key material of the simulated certificates. The cryptography is real (ECDSA P-256, ES256);
 * the custody is simulated: the public JWK is stored with the certificate, and the private JWK is
 * stored in the database row of the simulated card or phone. A real card keeps the private key in
 * hardware and it never leaves it; here it is stored as plain JWK (no encryption at rest) because
 * the whole card is a simulator that a real certificate-authority adapter replaces.
 */

/** Public key of a certificate, as stored with it (RFC 7517, EC P-256). */
export interface PublicSigningJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

/** Private key of a simulated card: the public members plus the private scalar `d`. */
export interface PrivateSigningJwk extends PublicSigningJwk {
  d: string;
}

/** A P-256 coordinate or scalar: 32 bytes in unpadded base64url. */
const COORDINATE = /^[A-Za-z0-9_-]{43}$/;

function member(value: unknown, name: string): string {
  const field = typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined;
  if (typeof field !== 'string' || !COORDINATE.test(field)) {
    throw new TypeError(`signing key: "${name}" must be 32 bytes in base64url`);
  }
  return field;
}

/**
 * Reads a stored public JWK (e.g. JSON from the database) and keeps only the public members, so a
 * private JWK passed by mistake can never be used as, or leak as, a public one. Throws TypeError.
 * DOMAIN §10.
 */
export function parsePublicJwk(value: unknown): PublicSigningJwk {
  if (typeof value !== 'object' || value === null) {
    throw new TypeError('signing key: expected a JWK object');
  }
  if (Reflect.get(value, 'kty') !== 'EC' || Reflect.get(value, 'crv') !== 'P-256') {
    throw new TypeError('signing key: expected an EC P-256 JWK');
  }
  return { kty: 'EC', crv: 'P-256', x: member(value, 'x'), y: member(value, 'y') };
}

/** Reads a stored private JWK of a simulated card. Throws TypeError. DOMAIN §10. */
export function parsePrivateJwk(value: unknown): PrivateSigningJwk {
  return { ...parsePublicJwk(value), d: member(value, 'd') };
}

/** A fresh ECDSA P-256 key pair for a simulated certificate, as JWKs. DOMAIN §10. */
export async function generateSigningKeyPair(): Promise<{
  publicJwk: PublicSigningJwk;
  privateJwk: PrivateSigningJwk;
}> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const privateJwk = parsePrivateJwk(await exportJWK(privateKey));
  return { publicJwk: parsePublicJwk(privateJwk), privateJwk };
}

/** Imports a public JWK for ES256 verification. Throws on an invalid key (e.g. off the curve). */
export async function importPublicKey(jwk: PublicSigningJwk): Promise<CryptoKey> {
  const key = await importJWK(parsePublicJwk(jwk), 'ES256');
  if (key instanceof Uint8Array) throw new TypeError('signing key: expected an asymmetric key');
  return key;
}

/** Imports a simulated card's private JWK for ES256 signing. Throws on an invalid key. */
export async function importPrivateKey(jwk: PrivateSigningJwk): Promise<CryptoKey> {
  const key = await importJWK(parsePrivateJwk(jwk), 'ES256');
  if (key instanceof Uint8Array) throw new TypeError('signing key: expected an asymmetric key');
  return key;
}

/**
 * RFC 7638 SHA-256 thumbprint (base64url) of the public key: a stable short identifier of a key,
 * e.g. to show on a certificate or to spot two certificates sharing one key. DOMAIN §10.
 */
export function publicJwkThumbprint(jwk: PublicSigningJwk): Promise<string> {
  return calculateJwkThumbprint(parsePublicJwk(jwk), 'sha256');
}
