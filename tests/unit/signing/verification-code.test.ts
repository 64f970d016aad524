import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex, verificationCode } from '@/auth/signing';

describe('verificationCode', () => {
  it('is the first 4 bytes, big-endian, modulo 10 000 (independent derivation)', () => {
    const digest = createHash('sha256').update('abc').digest();
    // 0xba7816bf = 3128432319 → 2319
    expect(digest.readUInt32BE(0)).toBe(3_128_432_319);
    expect(verificationCode(digest.toString('hex'))).toBe('2319');
    for (const text of ['login challenge', 'hesabat', '']) {
      const bytes = createHash('sha256').update(text).digest();
      const expected = String(bytes.readUInt32BE(0) % 10_000).padStart(4, '0');
      expect(verificationCode(sha256Hex(text))).toBe(expected);
    }
  });

  it('pads with zeros to 4 digits', () => {
    expect(verificationCode(`00000007${'f'.repeat(56)}`)).toBe('0007');
    expect(verificationCode(`00000000${'a'.repeat(56)}`)).toBe('0000');
    // 0x000f4240 = 1 000 000 → 0
    expect(verificationCode(`000f4240${'0'.repeat(56)}`)).toBe('0000');
    expect(verificationCode(`ffffffff${'0'.repeat(56)}`)).toBe('7295');
  });

  it('accepts either case and depends only on the first 4 bytes', () => {
    const hash = sha256Hex('x');
    expect(verificationCode(hash.toUpperCase())).toBe(verificationCode(hash));
    expect(verificationCode(`${hash.slice(0, 8)}${'0'.repeat(56)}`)).toBe(verificationCode(hash));
  });

  it('always yields exactly 4 digits (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        expect(verificationCode(Buffer.from(bytes).toString('hex'))).toMatch(/^\d{4}$/);
      }),
    );
  });

  it.each(['', 'abc', 'g'.repeat(64), 'a'.repeat(63), 'a'.repeat(65)])(
    'refuses %j, which is not a SHA-256 hex digest',
    (input) => {
      expect(() => verificationCode(input)).toThrow(TypeError);
    },
  );
});
