import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, documentHash, sha256Hex } from '@/auth/signing';

// Rebuilds an object with its keys in the given order, so only the order differs.
function reorder(value: unknown, pick: (keys: string[]) => string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => reorder(item, pick));
  if (typeof value !== 'object' || value === null) return value;
  const source = value as Record<string, unknown>;
  return Object.fromEntries(pick(Object.keys(source)).map((k) => [k, reorder(source[k], pick)]));
}

const report = {
  employer: { voen: '1234567891', name: 'Nümunə MMC' },
  period: { year: 2025, quarter: 3 },
  lines: [
    { fin: '5ZK3L9P', grossQepik: 150_000, contributionQepik: 33_000 },
    { fin: 'AB12CDE', grossQepik: 0, contributionQepik: 0 },
  ],
  correction: false,
  note: null,
};

describe('canonicalJson', () => {
  it('writes sorted keys, no whitespace, arrays in their order', () => {
    expect(canonicalJson({ b: [3, 1, { z: true, a: null }], a: 'x' })).toBe(
      '{"a":"x","b":[3,1,{"a":null,"z":true}]}',
    );
  });

  it('gives the same text and hash whatever the key order (nested too)', () => {
    const reversed = reorder(report, (keys) => [...keys].reverse());
    expect(JSON.stringify(reversed)).not.toBe(JSON.stringify(report));
    expect(canonicalJson(reversed)).toBe(canonicalJson(report));
    expect(documentHash(reversed)).toBe(documentHash(report));
    expect(documentHash(report)).toBe(documentHash(structuredClone(report)));
  });

  it('is stable for any integral JSON value and any key order (property)', () => {
    const integral = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, true, false),
        fc.maxSafeInteger(),
        fc.string({ unit: 'grapheme' }),
        fc.array(tie('value')),
        fc.dictionary(fc.string({ unit: 'grapheme' }), tie('value')),
      ),
    })).value;
    fc.assert(
      fc.property(integral, fc.integer(), (value, seed) => {
        const shuffled = reorder(value, (keys) =>
          [...keys].sort((a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7)),
        );
        expect(canonicalJson(shuffled)).toBe(canonicalJson(value));
        // The output is JSON that reads back to an equal value.
        expect(JSON.parse(canonicalJson(value))).toEqual(value);
      }),
    );
  });

  it('orders keys by UTF-16 code units (RFC 8785 §3.2.3 example)', () => {
    const value = { '€': 1, '\r': 2, '\ufb33': 3, '1': 4, '😀': 5, '\u0080': 6, ö: 7 };
    // Compared as text: JSON.parse would move the integer-like key "1" first again.
    expect(canonicalJson(value)).toBe('{"\\r":2,"1":4,"\u0080":6,"ö":7,"€":1,"😀":5,"\ufb33":3}');
  });

  it('escapes strings as JCS does', () => {
    expect(canonicalJson('a"b\\c\n\u001f\u2028é')).toBe('"a\\"b\\\\c\\n\\u001f\u2028é"');
    expect(canonicalJson(-0)).toBe('0');
  });

  it.each([
    ['a fraction', { amount: 1.5 }],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an unsafe integer', 2 ** 53],
    ['a bigint', { amount: 10n }],
    ['undefined as a value', { note: undefined }],
    ['undefined at the top', undefined],
    ['a hole in an array', [1, , 3]],
    ['a function', { f: () => 1 }],
    ['a symbol', Symbol('s')],
    ['a Date', { at: new Date(0) }],
    ['a Map', new Map()],
    ['a lone surrogate', '\ud800x'],
    ['a symbol key', { [Symbol('k')]: 1 }],
  ])('refuses %s with a TypeError', (_label, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it('refuses cycles but accepts a shared (acyclic) reference', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(TypeError);
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });
});

describe('sha256Hex / documentHash', () => {
  it('matches known SHA-256 vectors over UTF-8', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const text = 'Sığortaedən: Əliyev';
    expect(sha256Hex(text)).toBe(
      createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'),
    );
  });

  it('is the SHA-256 of the canonical text, and changes when any value changes', () => {
    expect(documentHash(report)).toBe(sha256Hex(canonicalJson(report)));
    const tampered = structuredClone(report);
    tampered.lines[0]!.grossQepik += 1;
    expect(documentHash(tampered)).not.toBe(documentHash(report));
  });
});
