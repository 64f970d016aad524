import { CompactSign, base64url } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  SIGNING_JWS_TYPE,
  canonicalJson,
  documentHash,
  generateSigningKeyPair,
  importPrivateKey,
  signPayload,
  verifySignature,
  type PrivateSigningJwk,
  type PublicSigningJwk,
  type SigningPayload,
  type VerifySignatureInput,
} from '@/auth/signing';

const now = new Date('2025-10-15T09:00:00Z');
const document = { reportId: 'r-1', employerVoen: '1234567891', totalQepik: 1_234_500 };
const hash = documentHash(document);
const payload: SigningPayload = {
  sid: 'session-1',
  hash,
  purpose: 'SIGN',
  iat: Math.floor(now.getTime() / 1000),
  certSerial: 'CERT-0001',
};

let keys: { publicJwk: PublicSigningJwk; privateJwk: PrivateSigningJwk };
let good: VerifySignatureInput;

// Signs arbitrary header and payload bytes with the holder's key, bypassing signPayload's checks.
async function forge(header: Record<string, unknown>, body: unknown): Promise<string> {
  const key = await importPrivateKey(keys.privateJwk);
  return new CompactSign(new TextEncoder().encode(JSON.stringify(body)))
    .setProtectedHeader({ alg: 'ES256', ...header })
    .sign(key);
}

beforeAll(async () => {
  keys = await generateSigningKeyPair();
  good = {
    jws: await signPayload(keys.privateJwk, payload),
    publicJwk: keys.publicJwk,
    expected: { sid: 'session-1', hash, purpose: 'SIGN', certSerial: 'CERT-0001' },
    certificate: {
      status: 'ACTIVE',
      notBefore: '2024-01-01T00:00:00Z',
      notAfter: '2027-01-01T00:00:00Z',
    },
    session: { expiresAt: new Date(now.getTime() + 60_000), consumedAt: null },
    now,
  };
});

async function codeOf(change: Partial<VerifySignatureInput>): Promise<string> {
  const result = await verifySignature({ ...good, ...change });
  return result.ok ? 'OK' : result.code;
}

describe('signPayload', () => {
  it('produces an ES256 compact JWS with kid = certificate serial over the canonical payload', () => {
    const [header, body, signature] = good.jws.split('.');
    expect(JSON.parse(new TextDecoder().decode(base64url.decode(header!)))).toEqual({
      alg: 'ES256',
      kid: 'CERT-0001',
      typ: SIGNING_JWS_TYPE,
    });
    expect(new TextDecoder().decode(base64url.decode(body!))).toBe(canonicalJson(payload));
    expect(base64url.decode(signature!)).toHaveLength(64);
  });

  it('refuses an invalid payload', async () => {
    await expect(signPayload(keys.privateJwk, { ...payload, hash: 'abc' })).rejects.toThrow(
      TypeError,
    );
  });
});

describe('verifySignature', () => {
  it('accepts the good case and returns the payload', async () => {
    expect(await verifySignature(good)).toEqual({ ok: true, payload });
  });

  it('accepts a LOGIN answer, and the boundaries of session and certificate validity', async () => {
    const login = { ...payload, purpose: 'LOGIN' as const };
    const jws = await signPayload(keys.privateJwk, login);
    expect(await codeOf({ jws, expected: { ...good.expected, purpose: 'LOGIN' } })).toBe('OK');
    expect(await codeOf({ session: { expiresAt: now, consumedAt: null } })).toBe('OK');
    const edge = { status: 'ACTIVE', notBefore: now, notAfter: now.toISOString() };
    expect(await codeOf({ certificate: edge })).toBe('OK');
  });

  it('refuses a tampered document (the session holds another hash)', async () => {
    const tampered = documentHash({ ...document, totalQepik: 1_234_501 });
    expect(await codeOf({ expected: { ...good.expected, hash: tampered } })).toBe('HASH_MISMATCH');
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const [header, , signature] = good.jws.split('.');
    const body = base64url.encode(canonicalJson({ ...payload, hash: documentHash({ x: 1 }) }));
    expect(await codeOf({ jws: `${header}.${body}.${signature}` })).toBe('BAD_SIGNATURE');
  });

  it('refuses a signature made with another key', async () => {
    const other = await generateSigningKeyPair();
    expect(await codeOf({ jws: await signPayload(other.privateJwk, payload) })).toBe(
      'BAD_SIGNATURE',
    );
    expect(await codeOf({ publicJwk: other.publicJwk })).toBe('BAD_SIGNATURE');
  });

  it.each([
    ['expired', { notAfter: '2025-10-15T08:59:59Z' }, 'CERTIFICATE_EXPIRED'],
    ['marked expired', { status: 'EXPIRED' }, 'CERTIFICATE_EXPIRED'],
    ['not yet valid', { notBefore: '2025-10-15T09:00:01Z' }, 'CERTIFICATE_NOT_YET_VALID'],
    ['revoked', { status: 'REVOKED' }, 'CERTIFICATE_REVOKED'],
    ['suspended', { status: 'SUSPENDED' }, 'CERTIFICATE_REVOKED'],
    ['with an unreadable date', { notAfter: 'soon' }, 'MALFORMED'],
  ])('refuses a certificate %s', async (_label, change, code) => {
    expect(await codeOf({ certificate: { ...good.certificate, ...change } })).toBe(code);
  });

  it('refuses an expired session', async () => {
    const expiresAt = new Date(now.getTime() - 1);
    expect(await codeOf({ session: { expiresAt, consumedAt: null } })).toBe('SESSION_EXPIRED');
  });

  it('refuses a replayed session, even when it has also expired since', async () => {
    const consumedAt = new Date(now.getTime() - 10_000);
    const session = { expiresAt: good.session.expiresAt, consumedAt };
    expect(await codeOf({ session })).toBe('SESSION_REPLAYED');
    const expired = { expiresAt: new Date(now.getTime() - 5_000), consumedAt };
    expect(await codeOf({ session: expired })).toBe('SESSION_REPLAYED');
  });

  it('refuses a wrong purpose and a wrong session', async () => {
    expect(await codeOf({ expected: { ...good.expected, purpose: 'LOGIN' } })).toBe(
      'WRONG_PURPOSE',
    );
    expect(await codeOf({ expected: { ...good.expected, sid: 'session-2' } })).toBe(
      'WRONG_SESSION',
    );
  });

  it('refuses a signature for another certificate serial', async () => {
    expect(await codeOf({ expected: { ...good.expected, certSerial: 'CERT-0002' } })).toBe(
      'BAD_SIGNATURE',
    );
    const jws = await forge({ kid: 'CERT-0002', typ: SIGNING_JWS_TYPE }, payload);
    expect(await codeOf({ jws })).toBe('BAD_SIGNATURE');
  });

  it('refuses alg "none" and an HS256 token keyed with the public JWK', async () => {
    const [, body] = good.jws.split('.');
    const header = { alg: 'none', kid: 'CERT-0001', typ: SIGNING_JWS_TYPE };
    const none = `${base64url.encode(JSON.stringify(header))}.${body}.`;
    expect(await codeOf({ jws: none })).toBe('BAD_SIGNATURE');
    const secret = new TextEncoder().encode(JSON.stringify(keys.publicJwk));
    const hs256 = await new CompactSign(new TextEncoder().encode(canonicalJson(payload)))
      .setProtectedHeader({ alg: 'HS256', kid: 'CERT-0001', typ: SIGNING_JWS_TYPE })
      .sign(secret);
    expect(await codeOf({ jws: hs256 })).toBe('BAD_SIGNATURE');
  });

  it.each([
    ['an empty string', ''],
    ['two segments', 'a.b'],
    ['four segments', 'a.b.c.d'],
    ['garbage', '!!!.???.***'],
    ['a non-JSON header', `${base64url.encode('not json')}.e30.`],
  ])('refuses %s as MALFORMED', async (_label, jws) => {
    expect(await codeOf({ jws })).toBe('MALFORMED');
  });

  it('refuses correctly signed tokens that are not ours as MALFORMED', async () => {
    const typ = SIGNING_JWS_TYPE;
    const kid = 'CERT-0001';
    const cases = [
      await forge({ kid }, payload),
      await forge({ kid, typ: 'JWT' }, payload),
      await forge({ kid, typ, jku: 'https://example.test/keys' }, payload),
      await forge({ kid, typ }, { ...payload, extra: true }),
      await forge({ kid, typ }, { ...payload, iat: 1.5 }),
      await forge({ kid, typ }, { ...payload, purpose: 'PAY' }),
      await forge({ kid, typ }, [payload]),
    ];
    for (const jws of cases) expect(await codeOf({ jws })).toBe('MALFORMED');
  });

  it('never throws, whatever it is given', async () => {
    const broken = { kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'A'.repeat(43) };
    expect(await codeOf({ publicJwk: broken as PublicSigningJwk })).toBe('MALFORMED');
    expect(await codeOf({ jws: 42 as unknown as string })).toBe('MALFORMED');
    expect(await codeOf({ now: new Date('invalid') })).toBe('MALFORMED');
    expect(await codeOf({ session: null as unknown as VerifySignatureInput['session'] })).toBe(
      'MALFORMED',
    );
  });
});
