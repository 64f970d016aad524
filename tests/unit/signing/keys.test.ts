import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateSigningKeyPair,
  importPublicKey,
  parsePrivateJwk,
  parsePublicJwk,
  publicJwkThumbprint,
} from '@/auth/signing';

describe('signing keys', () => {
  it('generates an EC P-256 pair whose public JWK carries no private member', async () => {
    const { publicJwk, privateJwk } = await generateSigningKeyPair();
    expect(Object.keys(publicJwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(privateJwk).toMatchObject({ ...publicJwk, d: expect.stringMatching(/^[\w-]{43}$/) });
    const other = await generateSigningKeyPair();
    expect(other.publicJwk.x).not.toBe(publicJwk.x);
  });

  it('round-trips through JSON storage and strips `d` when read as public', async () => {
    const { publicJwk, privateJwk } = await generateSigningKeyPair();
    const stored: unknown = JSON.parse(JSON.stringify(privateJwk));
    expect(parsePrivateJwk(stored)).toEqual(privateJwk);
    expect(parsePublicJwk(stored)).toEqual(publicJwk);
    expect(parsePublicJwk({ ...publicJwk, alg: 'ES256', ext: true })).toEqual(publicJwk);
  });

  it('computes the RFC 7638 thumbprint, the same for the key read from a private JWK', async () => {
    const { publicJwk, privateJwk } = await generateSigningKeyPair();
    const members = `{"crv":"P-256","kty":"EC","x":"${publicJwk.x}","y":"${publicJwk.y}"}`;
    const expected = createHash('sha256').update(members).digest('base64url');
    expect(await publicJwkThumbprint(publicJwk)).toBe(expected);
    expect(await publicJwkThumbprint(privateJwk)).toBe(expected);
  });

  it.each([
    ['null', null],
    ['an RSA key', { kty: 'RSA', n: 'x', e: 'AQAB' }],
    ['another curve', { kty: 'EC', crv: 'P-384', x: 'a'.repeat(43), y: 'a'.repeat(43) }],
    ['a short coordinate', { kty: 'EC', crv: 'P-256', x: 'abc', y: 'a'.repeat(43) }],
    ['a missing y', { kty: 'EC', crv: 'P-256', x: 'a'.repeat(43) }],
  ])('refuses %s as a public JWK', (_label, value) => {
    expect(() => parsePublicJwk(value)).toThrow(TypeError);
  });

  it('refuses a public JWK as a private one, and a point off the curve on import', async () => {
    const { publicJwk } = await generateSigningKeyPair();
    expect(() => parsePrivateJwk(publicJwk)).toThrow(TypeError);
    const offCurve = { ...publicJwk, y: publicJwk.x };
    await expect(importPublicKey(offCurve)).rejects.toThrow();
  });
});
