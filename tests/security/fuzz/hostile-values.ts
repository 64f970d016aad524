import fc from 'fast-check';

// Hostile input for the HTTP fuzz: wrong types, NUL and other control characters, huge numbers
// and strings, wrong and foreign ids, and what attackers type (paths, scripts, SQL, URLs).

const CONTROL = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000b',
  '\u001b',
  '\u007f',
  '\r\n',
  '\t',
];

const SPECIAL = [
  '',
  ' ',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e309',
  '9'.repeat(400),
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00',
  '%',
  'javascript:alert(1)',
  'https://evil.example/',
  '//evil.example',
  '9999-12-31',
  '0000-00-00',
  '2025-02-30',
  '-271821-04-19',
  'HS-2026-1000036',
  '00000000-0000-0000-0000-000000000000',
  '------------------------------------',
  'F99',
  'F17',
  'REVIEW',
  'toString',
  '__proto__',
  'constructor',
  '62.01',
  '2025-13',
  'INITIAL',
  'CSV',
  'xlsx',
  '$$',
  '\uFFFF',
  '\uD800',
  'ə'.repeat(300),
];

/** Keys a form or an action's object argument may have, and others. */
export const FIELD_NAMES = [
  'reportId',
  'sessionId',
  'batchId',
  'jws',
  'serial',
  'pin',
  'phone',
  'userId',
  'fin',
  'year',
  'quarter',
  'activityCode',
  'reportType',
  'accrued',
  'paid',
  'months',
  'month',
  'amount',
  'name',
  'surname',
  'mode',
  'rows',
  'file',
  'role',
  'documentType',
  'id',
  'step',
  'headcount',
  'labourPayments',
  'reason',
  'reasonCode',
  'service',
  'validFrom',
  'validTo',
  'method',
  'employerId',
  'version',
  'locale',
  'confirmations',
  'days',
];

export function hostileString(ids: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc
      .tuple(
        fc.string({ maxLength: 12 }),
        fc.constantFrom(...CONTROL),
        fc.string({ maxLength: 12 }),
      )
      .map(([a, c, b]) => `${a}${c}${b}`),
    fc.constantFrom(...SPECIAL),
    fc.uuid(),
    fc.uuid().map((u) => `${u.slice(0, -1)}g`),
    ...(ids.length > 0 ? [fc.constantFrom(...ids)] : []),
    fc.integer({ min: 1_000, max: 100_000 }).map((n) => 'A'.repeat(n)),
  );
}

export function hostileNumber(): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(
      Number.MAX_SAFE_INTEGER + 2,
      1e308,
      -1e308,
      -0,
      2 ** 31,
      -(2 ** 63),
      0.1,
      2025,
      3,
    ),
  );
}

const key = (ids: readonly string[]) =>
  fc.oneof(
    fc.constantFrom(...FIELD_NAMES),
    hostileString(ids).map((s) => s.slice(0, 50)),
  );

/** Any JSON value, small but nested. */
export function hostileValue(ids: readonly string[] = []): fc.Arbitrary<unknown> {
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      hostileString(ids),
      hostileNumber(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(key(ids), tie('value'), { maxKeys: 6 }),
    ),
  })).value;
}

/** The arguments of a server action: usually an array, sometimes not. */
export function hostileArgs(ids: readonly string[] = []): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(hostileValue(ids), { maxLength: 4 }) },
    { weight: 1, arbitrary: hostileValue(ids) },
  );
}

/** A multipart body: named fields (some React-encoded, `1_name`) and sometimes a file. */
export function hostileForm(ids: readonly string[] = []): fc.Arbitrary<FormData> {
  return fc
    .record({
      fields: fc.array(fc.tuple(key(ids), hostileString(ids)), { maxLength: 6 }),
      encoded: fc.boolean(),
      file: fc.option(
        fc.record({
          name: hostileString().map((s) => s.slice(0, 80)),
          bytes: fc.uint8Array({ maxLength: 2048 }),
          type: fc.constantFrom('text/csv', 'application/json', 'application/octet-stream', ''),
        }),
      ),
    })
    .map(({ fields, encoded, file }) => {
      const form = new FormData();
      for (const [name, value] of fields) form.append(encoded ? `1_${name}` : name, value);
      if (encoded) form.append('0', JSON.stringify(['$K1']));
      if (file) {
        const blob = new Blob([file.bytes], { type: file.type });
        form.append(encoded ? '1_file' : 'file', blob, file.name || 'x');
      }
      return form;
    });
}

/** A query string ('' or '?…'), encoded, sometimes malformed on purpose. */
export function hostileQuery(): fc.Arbitrary<string> {
  const names = fc.oneof(
    fc.constantFrom(
      ...FIELD_NAMES,
      'receipt',
      'hash',
      'from',
      'to',
      'status',
      'type',
      'amountMin',
      'amountMax',
      'page',
      'sort',
      'dir',
      'format',
      'callbackUrl',
      'code',
      'period',
      'asOf',
      'view',
      'error',
      'created',
      'deleted',
    ),
    fc.string({ maxLength: 10 }),
  );
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant('') },
    {
      weight: 8,
      arbitrary: fc
        .array(
          fc.tuple(
            names,
            hostileString().map((s) => s.slice(0, 1500)),
          ),
          { maxLength: 5 },
        )
        .map((pairs) => `?${new URLSearchParams(pairs).toString()}`),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('?%', '?a=%E0%A4%A', '?receipt=%ZZ', '?=&&=', '?a[]=1&a[b]=2'),
    },
  );
}

/** Lone surrogates cannot be URL-encoded; a URL carries U+FFFD in their place. */
const wellFormed = (s: string) =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** A path segment: an id (right, wrong, foreign) or anything, URL-encoded. */
export function hostileSegment(ids: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 4,
      arbitrary: hostileString(ids).map(
        (s) => encodeURIComponent(wellFormed(s.slice(0, 1000))) || 'x',
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '%',
        '%00',
        '..',
        '%2e%2e',
        'receipt.pdf',
        'F4',
        'F20',
        'check-answers',
      ),
    },
  );
}

const HEADER_TEXT = fc.stringMatching(/^[\x20-\x7e]{0,120}$/);

/**
 * Headers a client controls: Origin (mostly this site's, so most requests reach the action),
 * language, forwarding, auth, content type, sometimes Next's RSC header. Not a hand-made
 * Next-Router-State-Tree: Next strips it before the proxy and answers 500 on one that does not
 * parse (a Next limitation no browser meets; the report names it).
 */
export function hostileHeaders(base: string): fc.Arbitrary<Record<string, string>> {
  const origin = fc.oneof(
    { weight: 6, arbitrary: fc.constant(new URL(base).origin) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.constantFrom('https://evil.example', 'null', 'garbage', 'http://[::1', ''),
        HEADER_TEXT,
      ),
    },
  );
  return fc
    .record({
      origin,
      optional: fc.record(
        {
          'accept-language': fc.oneof(fc.constantFrom('en', 'az', 'ru', '*', 'xx-YY'), HEADER_TEXT),
          'x-forwarded-for': fc.oneof(
            fc.constantFrom('1.2.3.4', '::1', 'unknown, 10.0.0.1'),
            HEADER_TEXT,
          ),
          authorization: fc.oneof(
            fc.constantFrom('Bearer ', 'Bearer hsb_0000', 'Basic Zm9vOmJhcg=='),
            HEADER_TEXT.map((s) => `Bearer ${s}`),
          ),
          'content-type': fc.constantFrom(
            'application/json',
            'text/plain',
            'multipart/form-data',
            'application/x-www-form-urlencoded',
            'text/csv',
          ),
          cookie: HEADER_TEXT.map((s) => `NEXT_LOCALE=${s.replace(/[;,\s]/g, '')}`),
        },
        { requiredKeys: [] },
      ),
      rsc: fc.nat(9),
    })
    .map(({ origin, optional, rsc }) => {
      const out: Record<string, string> = {};
      if (origin !== undefined) out.origin = origin;
      for (const [name, value] of Object.entries(optional))
        if (value !== undefined) out[name] = value;
      if (rsc === 0) out.rsc = '1';
      return out;
    });
}

/** A request body for a route handler: JSON of anything, or raw text. */
export function hostileBody(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: hostileValue().map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        '{',
        '[]',
        'null',
        '{"activityCode":"62.01\\u0000","year":2025,"quarter":3,"persons":[]}',
      ),
    },
  );
}
