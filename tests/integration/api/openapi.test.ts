import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/openapi.json/route';
import { ZApiErrorBody, ZDraft, ZValidation } from '@/lib/server/api/api-response-schemas';
import { handleUpsertReport, handleValidateReport } from '@/lib/server/api/handle-report-requests';
import { openApiDocument } from '@/lib/server/api/openapi-document';
import {
  MAX_HEADCOUNT,
  parseApiAmount,
  parseReportPayload,
  ZApiMoney,
  ZReportPayload,
} from '@/lib/server/api/report-payload';
import type { TestDatabase } from '../helpers/test-database';
import {
  apiRequest,
  AS_OF,
  registryFins,
  scopeOf,
  seededDatabase,
  tokenFor,
  workedExample,
} from './api-fixtures';

// GET /api/v1/openapi.json (issue 5 §9, issue 11 §5): the document is generated from the zod
// schemas the API parses with and answers with. These tests hold it to the code: every route
// file is described, every example is valid (and the validator can refuse), a JSON Schema
// validator and the handler's own parse agree on random bodies, and real answers fit.

type Json = Record<string, unknown>;
const DOC_ID = 'https://hesabat.test/api/v1/openapi.json';

function document() {
  return JSON.parse(JSON.stringify(openApiDocument())) as {
    openapi: string;
    paths: Record<string, Record<string, Json>>;
    components: {
      securitySchemes: Record<string, { scheme: string }>;
      schemas: Record<string, Json & { pattern?: string; description?: string }>;
    };
  };
}

/** A JSON Schema 2020-12 validator over the document's components (OpenAPI 3.1's dialect). */
function validator(doc: ReturnType<typeof document>) {
  // strict off: the OpenAPI wrapper has keywords JSON Schema does not know (components).
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: DOC_ID, components: doc.components });
  return (pointer: string) => ajv.compile({ $ref: `${DOC_ID}#${pointer}` });
}

/** Every `examples` list in a schema tree, with the JSON pointer of the schema it illustrates. */
function examplesIn(node: unknown, pointer: string): { pointer: string; example: unknown }[] {
  if (typeof node !== 'object' || node === null) return [];
  const found: { pointer: string; example: unknown }[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'examples' && Array.isArray(value))
      found.push(...value.map((example) => ({ pointer, example })));
    else
      found.push(
        ...examplesIn(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`),
      );
  }
  return found;
}

/** The path and methods of every route handler under app/api/v1. */
function apiRoutes(): string[] {
  const root = join(process.cwd(), 'app', 'api', 'v1');
  const files = (function walk(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name === 'route.ts' ? [join(dir, e.name)] : [],
    );
  })(root);
  return files.flatMap((file) => {
    const path = `/api/v1/${relative(root, file).split(sep).slice(0, -1).join('/')}`;
    const methods = [
      ...readFileSync(file, 'utf8').matchAll(
        /export\s+(?:async\s+function|function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/g,
      ),
    ].map((m) => m[1]!.toLowerCase());
    return methods.map((method) => `${method} ${path}`);
  });
}

/** Keys of an answer that the document does not describe (it would not show them to clients). */
function undocumented(
  value: unknown,
  schema: Json,
  doc: ReturnType<typeof document>,
  at = '',
): string[] {
  const resolved = (s: Json): Json =>
    typeof s.$ref === 'string'
      ? resolved(doc.components.schemas[s.$ref.split('/').pop()!]!)
      : s.anyOf
        ? resolved((s.anyOf as Json[]).find((o) => o.type !== 'null')!)
        : s;
  const s = resolved(schema);
  if (Array.isArray(value))
    return value.flatMap((v, i) => undocumented(v, s.items as Json, doc, `${at}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const properties = (s.properties ?? {}) as Record<string, Json>;
  return Object.entries(value).flatMap(([key, v]) =>
    properties[key] ? undocumented(v, properties[key], doc, `${at}.${key}`) : [`${at}.${key}`],
  );
}

describe('GET /api/v1/openapi.json (issue 5 §9, issue 11 §5)', () => {
  it('is a public OpenAPI 3.1 document with bearer auth and money as bounded strings', async () => {
    const response = GET();
    expect(response.status).toBe(200);
    const doc = (await response.json()) as ReturnType<typeof document>;
    expect(doc).toEqual(document());
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearer!.scheme).toBe('bearer');
    // Digits, a point, two digits — and (issue 10 §5) no more than the bound of one amount.
    expect(doc.components.schemas.Money).toMatchObject({
      type: 'string',
      pattern: '^0*(\\d{1,9}\\.\\d{2}|1000000000\\.00)$',
    });
    expect(doc.components.schemas.Money!.description).toContain('at most 1000000000.00');
    expect(doc.components.schemas.Error).toBeDefined();
    for (const operation of [
      doc.paths['/api/v1/reports']!.post!,
      doc.paths['/api/v1/reports/validate']!.post!,
    ]) {
      expect(operation.requestBody).toEqual({
        required: true,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ReportPayload' } } },
      });
      expect(Object.keys(operation.responses as Json)).toEqual(
        expect.arrayContaining(['400', '401', '409', '422', '429']),
      );
    }
  });

  it('describes every route under app/api/v1 with its methods, and no other', () => {
    const doc = document();
    const described = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method} ${path}`),
    );
    expect(apiRoutes().sort()).toEqual(described.sort());
    expect(apiRoutes()).toContain('post /api/v1/reports/validate');
  });

  it('every example is valid for the schema it illustrates, and an invalid one is refused', () => {
    const doc = document();
    const at = validator(doc);
    const examples = examplesIn(doc.components, '/components');
    expect(examples.length).toBeGreaterThan(10);
    for (const { pointer, example } of examples) {
      const validate = at(pointer);
      expect(validate(example), `${pointer}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    // The same examples through the zod schemas the handlers parse with.
    const [payload] = doc.components.schemas.ReportPayload!.examples as unknown[];
    expect(ZReportPayload.safeParse(payload).success).toBe(true);
    expect(parseReportPayload(payload)).toMatchObject({ ok: true });
    for (const money of doc.components.schemas.Money!.examples as unknown[])
      expect(ZApiMoney.safeParse(money).success).toBe(true);
    // And the check can fail: a wrong example is refused by both.
    const wrong = { ...(payload as Json), quarter: 5, labourPayments: { '2025-07': '12.345' } };
    expect(at('/components/schemas/ReportPayload')(wrong)).toBe(false);
    expect(ZReportPayload.safeParse(wrong).success).toBe(false);
    expect(at('/components/schemas/Money')('12.345')).toBe(false);
  });

  it('the Money pattern accepts exactly the amounts parseApiAmount accepts (the bound included)', () => {
    const accepts = validator(document())('/components/schemas/Money');
    const amount = fc.oneof(
      fc.constantFrom('1000000000.00', '1000000000.01', '999999999.99', '0001000000000.00', '0.00'),
      fc
        .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 99 }))
        .map(([whole, cents]) => `${whole}.${String(cents).padStart(2, '0')}`),
      fc.stringMatching(/^[-0 ]?\d{0,11}[.,]?\d{0,3}$/),
      fc.string({ maxLength: 14 }),
      fc.oneof(fc.integer(), fc.double(), fc.constant(null), fc.boolean()),
    );
    fc.assert(
      fc.property(amount, (value) => {
        expect(accepts(value), JSON.stringify(value)).toBe(parseApiAmount(value).ok);
      }),
      { numRuns: 3000 },
    );
  });

  it('the document’s ReportPayload and the handler’s parse give the same verdict on random bodies', () => {
    const accepts = validator(document())('/components/schemas/ReportPayload');
    // Mostly right, now and then wrong in one place: bodies on both sides of every rule.
    const mostly = <T, U>(right: fc.Arbitrary<T>, wrong: fc.Arbitrary<U>) =>
      fc.oneof({ weight: 12, arbitrary: right }, { weight: 1, arbitrary: wrong });
    const rarely = <T>(arb: fc.Arbitrary<T>) => mostly(fc.constant(undefined), arb);
    const month = mostly(fc.constantFrom('2025-07', '2025-08', '2025-09'), fc.constant('x'));
    const money = mostly(
      fc.constantFrom('1000.00', '0.00', '1000000000.00', '0012.30'),
      fc.constantFrom('1000000000.01', '-1.00', '1.5', 'abc', 1000, null),
    );
    const text = (max: number) =>
      mostly(
        fc.string({ minLength: 1, maxLength: 5 }),
        fc.oneof(
          fc.string({ minLength: max - 1, maxLength: max + 1 }),
          fc.constant(''),
          fc.integer(),
        ),
      );
    const line = fc.record({ accrued: money, paid: money, extra: rarely(fc.constant(1)) });
    const person = fc.record({
      fin: text(64),
      surname: rarely(text(200)),
      name: rarely(text(200)),
      incomes: mostly(fc.dictionary(month, money, { maxKeys: 3 }), fc.constant([])),
      extra: rarely(fc.constant(1)),
    });
    const signatory = fc.record({
      fin: text(64),
      documentType: mostly(fc.constantFrom('DIN', 'MIQRASIYA'), fc.constant('OTHER')),
    });
    const body = mostly(
      fc.record({
        activityCode: mostly(
          fc.constantFrom('62.01', '47.41'),
          fc.oneof(text(20), fc.constant(undefined)),
        ),
        year: mostly(
          fc.integer({ min: 2019, max: 2100 }),
          fc.constantFrom(2018, 2101, 2025.5, '2025'),
        ),
        quarter: mostly(fc.integer({ min: 1, max: 4 }), fc.constantFrom(0, 5, null, undefined)),
        labourPayments: rarely(fc.dictionary(month, money, { maxKeys: 3 })),
        headcount: rarely(
          fc.dictionary(
            month,
            mostly(
              fc.integer({ min: 0, max: 5 }),
              fc.constantFrom(-1, MAX_HEADCOUNT + 1, 1.5, '3'),
            ),
            { maxKeys: 3 },
          ),
        ),
        nonLiableIncome: rarely(
          fc.array(
            fc.record({
              reasonCode: text(50),
              month,
              amount: money,
              extra: rarely(fc.constant(1)),
            }),
            { maxLength: 2 },
          ),
        ),
        lines: rarely(
          fc.record(
            {
              sanatorium: line,
              injuryBenefitRefund: line,
              fundFindings: fc.record({ paid: money }),
              otherAccruals: line,
              other: line,
            },
            { requiredKeys: [] },
          ),
        ),
        persons: mostly(fc.array(person, { maxLength: 3 }), fc.constantFrom(undefined, {}, null)),
        signatories: rarely(
          fc.record({ responsible: signatory, chiefAccountant: signatory }, { requiredKeys: [] }),
        ),
        unknown: rarely(fc.constant(true)),
      }),
      fc.oneof(fc.constant(null), fc.constant([]), fc.string(), fc.integer()),
    );
    let accepted = 0;
    fc.assert(
      fc.property(body, (raw) => {
        const sent: unknown = JSON.parse(JSON.stringify(raw ?? null));
        const zod = ZReportPayload.safeParse(sent).success;
        expect(parseReportPayload(sent).ok).toBe(zod);
        expect(accepts(sent), JSON.stringify(sent).slice(0, 400)).toBe(zod);
        if (zod) accepted += 1;
      }),
      { numRuns: 1500 },
    );
    // Both verdicts occur, so agreement is not the trivial "refuse everything".
    console.info(`ReportPayload verdicts: ${accepted} of 1500 accepted`);
    expect(accepted).toBeGreaterThan(100);
  });
});

describe('the API’s real answers fit the document', () => {
  let database: TestDatabase;
  let token: string;
  let fins: string[];
  const doc = document();
  const at = validator(doc);

  beforeAll(async () => {
    database = await seededDatabase();
    token = await tokenFor(database.db, await scopeOf(database.db, 'xezer', 'xezer-director'));
    fins = await registryFins(database.db, 3);
  });
  afterAll(async () => {
    await database?.close();
  });

  const call = (
    path: '/api/v1/reports' | '/api/v1/reports/validate',
    key: string | null,
    body: unknown,
  ) =>
    (path === '/api/v1/reports' ? handleUpsertReport : handleValidateReport)(
      database.db,
      apiRequest(path, key, body),
      { asOf: AS_OF },
    );

  it.each([
    ['validate, 200', '/api/v1/reports/validate', 'token', 'example', 200, 'Validation'],
    ['upsert, 201', '/api/v1/reports', 'token', 'example', 201, 'Draft'],
    ['upsert again, 200', '/api/v1/reports', 'token', 'example', 200, 'Draft'],
    ['bad body, 422', '/api/v1/reports/validate', 'token', 'bad', 422, 'Error'],
    ['not JSON, 400', '/api/v1/reports', 'token', 'not json', 400, 'Error'],
    ['no token, 401', '/api/v1/reports', null, 'example', 401, 'Error'],
  ] as const)('%s', async (_label, path, key, kind, status, component) => {
    const body =
      kind === 'example'
        ? { ...workedExample(fins), headcount: { '2025-07': 1 } }
        : kind === 'bad'
          ? { ...workedExample(fins), labourPayments: { '2025-07': '1.5' }, extra: 1 }
          : '{';
    const response = await call(path, key === null ? null : token, body);
    expect(response.status).toBe(status);
    const operation = doc.paths[path]!.post!.responses as Record<string, Json>;
    expect(operation[String(status)], `${path} documents ${status}`).toBeDefined();
    const answer: unknown = await response.json();
    const validate = at(`/components/schemas/${component}`);
    expect(validate(answer), JSON.stringify(validate.errors)).toBe(true);
    expect(
      { Validation: ZValidation, Draft: ZDraft, Error: ZApiErrorBody }[component].safeParse(answer)
        .success,
    ).toBe(true);
    expect(undocumented(answer, { $ref: `#/components/schemas/${component}` }, doc)).toEqual([]);
  });
});
