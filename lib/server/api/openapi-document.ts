import 'server-only';
import { MAX_AMOUNT_QEPIK } from '@/lib/domain';
import { MAX_BODY_BYTES } from './handle-report-requests';
import { API_RATE_LIMIT } from './authenticate-api-request';
import { MAX_HEADCOUNT, MAX_PERSONS, toApiAmount } from './report-payload';

// The OpenAPI 3.1 description of api/v1 (issue 5 §9), written by hand: the payload's money is a
// transform in zod (string → qəpik), which has no JSON Schema of its own.

const money = {
  type: 'string',
  pattern: '^\\d+\\.\\d{2}$',
  description: `AZN with exactly two decimals, as a string (never a JSON number); at most ${toApiAmount(MAX_AMOUNT_QEPIK)} (AMOUNT_TOO_LARGE)`,
  examples: ['1234.56'],
};
const month = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$', examples: ['2025-08'] };
const byMonth = (value: object) => ({
  type: 'object',
  propertyNames: month,
  additionalProperties: value,
});
const text = {
  type: 'object',
  required: ['az', 'en'],
  properties: { az: { type: 'string' }, en: { type: 'string' } },
};
const line = {
  type: 'object',
  additionalProperties: false,
  required: ['accrued', 'paid'],
  properties: { accrued: money, paid: money },
};
const signatory = {
  type: 'object',
  additionalProperties: false,
  required: ['fin', 'documentType'],
  properties: { fin: { type: 'string' }, documentType: { enum: ['DIN', 'MIQRASIYA'] } },
};
const sides = { type: 'object', properties: { employer: money, employee: money, total: money } };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const errors = {
  '400': {
    description: 'Not JSON (BODY_NOT_JSON) or too large (BODY_TOO_LARGE)',
    ...json(ref('Error')),
  },
  '401': {
    description:
      'No token (TOKEN_MISSING), or unknown, revoked or no longer authorised (TOKEN_INVALID)',
    ...json(ref('Error')),
  },
  '422': { description: 'PAYLOAD_INVALID: every problem with its path', ...json(ref('Error')) },
  '429': {
    description: `RATE_LIMITED: ${API_RATE_LIMIT.limit} requests per ${API_RATE_LIMIT.windowSeconds} s per token; see Retry-After`,
    ...json(ref('Error')),
  },
};

/** The document served at GET /api/v1/openapi.json. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Hesabat payroll API',
      version: '1.0.0',
      description:
        'Quarterly social-insurance reports (DSMF) from payroll systems. The employer’s responsible person creates a token in the portal (Hesabatlar → API tokenləri); a report sent here becomes a draft that a person reviews and signs in the portal. Texts come in Azerbaijani and English.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths: {
      '/api/v1/reports/validate': {
        post: {
          summary: 'Compute contributions, reconciliation warnings and distribution without saving',
          description:
            'Runs the same validation as POST /api/v1/reports: a body is refused here exactly when it would be refused there, with the same status, codes and paths.',
          operationId: 'validateReport',
          requestBody: { required: true, ...json(ref('ReportPayload')) },
          responses: {
            '200': {
              description: 'The calculations and every message',
              ...json(ref('Validation')),
            },
            '409': {
              description: 'REPORT_NOT_DRAFT: the report has been sent, so POST would refuse it',
              ...json(ref('Error')),
            },
            ...errors,
          },
        },
      },
      '/api/v1/reports': {
        post: {
          summary:
            'Create the İlkin draft for (activityCode, year, quarter), or replace the existing draft',
          description:
            'Replaces months, non-liable income and persons; lines and signatories only when sent. Payments are chosen in the portal and kept. All or nothing.',
          operationId: 'upsertReport',
          requestBody: { required: true, ...json(ref('ReportPayload')) },
          responses: {
            '201': { description: 'Draft created', ...json(ref('Draft')) },
            '200': { description: 'Existing draft replaced', ...json(ref('Draft')) },
            '409': {
              description: 'REPORT_NOT_DRAFT: the report has been sent',
              ...json(ref('Error')),
            },
            ...errors,
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'hsb_… token from the portal' },
      },
      schemas: {
        Money: money,
        ReportPayload: {
          type: 'object',
          additionalProperties: false,
          required: ['activityCode', 'year', 'quarter', 'persons'],
          properties: {
            activityCode: { type: 'string', examples: ['62.01'] },
            year: { type: 'integer', minimum: 2019, maximum: 2100 },
            quarter: { type: 'integer', minimum: 1, maximum: 4 },
            labourPayments: byMonth(money),
            headcount: byMonth({ type: 'integer', minimum: 0, maximum: MAX_HEADCOUNT }),
            nonLiableIncome: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['reasonCode', 'month', 'amount'],
                properties: {
                  reasonCode: { type: 'string', examples: ['GIFTS_AID'] },
                  month,
                  amount: money,
                },
              },
            },
            lines: {
              type: 'object',
              additionalProperties: false,
              properties: {
                sanatorium: line,
                injuryBenefitRefund: line,
                fundFindings: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['paid'],
                  properties: { paid: money },
                },
                otherAccruals: line,
              },
            },
            persons: {
              type: 'array',
              maxItems: MAX_PERSONS,
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['fin', 'incomes'],
                properties: {
                  fin: { type: 'string', examples: ['5ZK7M2P'] },
                  surname: { type: 'string' },
                  name: { type: 'string' },
                  incomes: {
                    ...byMonth(money),
                    description: 'A month left out = not employed that month',
                  },
                },
              },
            },
            signatories: {
              type: 'object',
              additionalProperties: false,
              properties: { responsible: signatory, chiefAccountant: signatory },
            },
          },
        },
        Message: {
          type: 'object',
          required: ['severity', 'code', 'message'],
          properties: {
            severity: { enum: ['blocking', 'warning', 'info'] },
            code: { type: 'string' },
            step: { type: 'string', description: 'The portal step that fixes it (F7, F8, F20…)' },
            month,
            path: { type: 'string' },
            message: text,
          },
        },
        Validation: {
          type: 'object',
          properties: {
            activityCode: { type: 'string' },
            year: { type: 'integer' },
            quarter: { type: 'integer' },
            months: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  month,
                  labourPayments: { oneOf: [money, { type: 'null' }] },
                  nonLiableIncome: money,
                  headcount: { type: ['integer', 'null'] },
                  persons: { type: 'integer' },
                  personsIncome: money,
                  contributions: sides,
                  distributed: sides,
                },
              },
            },
            contributions: sides,
            distribution: {
              type: 'object',
              properties: { paid: money, distributed: money, undistributed: money },
            },
            messages: { type: 'array', items: ref('Message') },
            blockingCount: { type: 'integer' },
          },
        },
        Draft: {
          type: 'object',
          required: ['reportId', 'status', 'reviewUrl'],
          properties: {
            reportId: { type: 'string', format: 'uuid' },
            status: { const: 'DRAFT' },
            reviewUrl: { type: 'string' },
          },
        },
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: text,
                problems: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['path', 'code', 'message'],
                    properties: {
                      path: { type: 'string', examples: ['persons[2].incomes.2025-08'] },
                      code: { type: 'string' },
                      message: text,
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    'x-max-body-bytes': MAX_BODY_BYTES,
  };
}
