import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '@/auth/signing';
import {
  maskFin,
  normalizeHash,
  normalizeReceiptNumber,
  parseSignedFile,
  signatureCovers,
} from '@/lib/server/verify/verify-rules';

const HASH = 'a1'.repeat(32);
const OTHER = 'b2'.repeat(32);
const EMPLOYER = '11111111-1111-4111-8111-111111111111';
const REPORT = '22222222-2222-4222-8222-222222222222';

const manifest = (
  reports: { reportId: string; documentHash: string }[],
  extra: Record<string, unknown> = {},
) =>
  canonicalJson({
    schema: 'hesabat.batch/1',
    employerId: EMPLOYER,
    year: 2026,
    quarter: 2,
    reports,
    ...extra,
  });

describe('normalizeHash', () => {
  it.each([
    [HASH, HASH],
    [`  ${HASH.toUpperCase()}\n`, HASH],
    ['', null],
    ['abc', null],
    [`${HASH}0`, null],
    ['g'.repeat(64), null],
    [42, null],
  ])('%j → %j', (input, expected) => expect(normalizeHash(input)).toBe(expected));
});

describe('normalizeReceiptNumber', () => {
  it.each([
    [' 1000042 ', '1000042'],
    [' hs-2026-1000036 ', 'HS-2026-1000036'],
    ['hs 2026 1000036', 'HS-2026-1000036'],
    ['', null],
    ['   ', null],
    ['x'.repeat(65), null],
    [null, null],
  ])('%j → %j', (input, expected) => expect(normalizeReceiptNumber(input)).toBe(expected));
});

describe('maskFin', () => {
  it.each([
    ['5ZXK7M2', '5ZX****'],
    ['ABCDEFG', 'ABC****'],
    ['AB', '****'],
    ['', '****'],
  ])('%s → %s', (fin, masked) => expect(maskFin(fin)).toBe(masked));

  it('never shows more than three characters of a FIN', () => {
    expect(maskFin('5ZXK7M2').replace(/\*/g, '')).toHaveLength(3);
  });
});

describe('signatureCovers', () => {
  const base = { signedCanonicalJson: '{}', reportId: REPORT, employerId: EMPLOYER };

  it('single send: the signed hash is the document hash (any case)', () => {
    expect(
      signatureCovers({
        ...base,
        batch: false,
        signedHash: HASH,
        documentHash: HASH.toUpperCase(),
      }),
    ).toBe(true);
    expect(signatureCovers({ ...base, batch: false, signedHash: OTHER, documentHash: HASH })).toBe(
      false,
    );
  });

  it('batch: the manifest lists this report with this hash', () => {
    const json = manifest([
      { reportId: '33333333-3333-4333-8333-333333333333', documentHash: OTHER },
      { reportId: REPORT, documentHash: HASH },
    ]);
    const input = { ...base, batch: true, signedCanonicalJson: json, signedHash: sha256Hex(json) };
    expect(signatureCovers({ ...input, documentHash: HASH })).toBe(true);
    expect(signatureCovers({ ...input, documentHash: OTHER })).toBe(false);
    expect(
      signatureCovers({
        ...input,
        documentHash: HASH,
        reportId: '33333333-3333-4333-8333-333333333333',
      }),
    ).toBe(false);
    expect(
      signatureCovers({
        ...input,
        documentHash: HASH,
        employerId: '44444444-4444-4444-8444-444444444444',
      }),
    ).toBe(false);
  });

  it('batch: refuses a manifest of another schema, not JSON, or without a reports list', () => {
    const cases = [
      manifest([{ reportId: REPORT, documentHash: HASH }], { schema: 'hesabat.other/1' }),
      'not json',
      canonicalJson({ schema: 'hesabat.batch/1', employerId: EMPLOYER, reports: 'x' }),
      canonicalJson([HASH]),
    ];
    for (const json of cases) {
      expect(
        signatureCovers({
          ...base,
          batch: true,
          signedCanonicalJson: json,
          signedHash: HASH,
          documentHash: HASH,
        }),
      ).toBe(false);
    }
  });

  it('batch: a signed hash equal to the document hash alone is not enough', () => {
    expect(
      signatureCovers({
        ...base,
        batch: true,
        signedCanonicalJson: '{}',
        signedHash: HASH,
        documentHash: HASH,
      }),
    ).toBe(false);
  });
});

describe('parseSignedFile', () => {
  const file = {
    schema: 'hesabat.signed/1',
    receiptNumber: '1000042',
    documentJson: '{"a":1}',
    documentHash: HASH.toUpperCase(),
    signed: {
      canonicalJson: '{"a":1}',
      jws: 'a.b.c',
      certificateSerial: 'CARD-1',
      signedAt: '2026-07-14T09:30:10.000Z',
    },
  };

  it('accepts the shape getSignedFile writes, as an object or as text, normalising the hash', () => {
    expect(parseSignedFile(file)?.documentHash).toBe(HASH);
    expect(parseSignedFile(JSON.stringify(file))?.receiptNumber).toBe('1000042');
  });

  it.each([
    ['not JSON', '{'],
    ['another schema', { ...file, schema: 'hesabat.signed/2' }],
    ['no signature', { ...file, signed: undefined }],
    ['a non-hex hash', { ...file, documentHash: 'xyz' }],
    ['an empty document', { ...file, documentJson: '' }],
    ['a number as the JWS', { ...file, signed: { ...file.signed, jws: 5 } }],
    ['an array', [file]],
    ['null', null],
  ])('refuses %s', (_name, value) => expect(parseSignedFile(value)).toBeNull());
});
