import 'server-only';
import { z } from 'zod';
import { MAX_AMOUNT_QEPIK, parseAmount } from '@/lib/domain';
import { findControlCharacters } from '../control-characters';
import { apiProblem, type ApiParams, type ApiProblem } from './api-messages';

// The JSON report of the payroll API (issue 5 §9). Money travels as strings of AZN with exactly
// two decimals ('1234.56'), never as JSON numbers, so no client float ever becomes an amount.

const AMOUNT_TEXT = /^\d+\.\d{2}$/;
/** AMOUNT_TEXT up to MAX_AMOUNT_QEPIK (1 000 000 000,00 ₼), leading zeros allowed: as documented. */
export const MONEY_PATTERN = '^0*(\\d{1,9}\\.\\d{2}|1000000000\\.00)$';
export const MAX_PERSONS = 100_000;
export const MAX_HEADCOUNT = 10_000_000;

/**
 * An AZN amount string → qəpik via lib/domain parseAmount (so the bound of one figure, issue 10
 * §5, is the wizard's), or the problem code and its params.
 */
export function parseApiAmount(
  value: unknown,
): { ok: true; qepik: number } | { ok: false; code: string; params?: ApiParams } {
  if (value === undefined) return { ok: false, code: 'REQUIRED' };
  if (typeof value !== 'string') return { ok: false, code: 'AMOUNT_NOT_STRING' };
  if (/^\s*[-\u2212]/.test(value)) return { ok: false, code: 'AMOUNT_NEGATIVE' };
  if (!AMOUNT_TEXT.test(value)) return { ok: false, code: 'AMOUNT_FORMAT' };
  const parsed = parseAmount(value);
  if (parsed.ok) return { ok: true, qepik: parsed.value };
  if (parsed.code === 'AMOUNT_TOO_LARGE')
    return { ok: false, code: parsed.code, params: { maxQepik: MAX_AMOUNT_QEPIK } };
  return { ok: false, code: parsed.code };
}

/** Qəpik → the API's amount string ('-12.30' for negatives). */
export function toApiAmount(qepik: number): string {
  const magnitude = Math.abs(qepik);
  const text = `${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
  return qepik < 0 ? `-${text}` : text;
}

/**
 * An amount of the request: AZN with two decimals as a string, read by parseApiAmount (so each
 * refusal has its own code). The JSON Schema (type, pattern) is what the same rule accepts:
 * digits, a point, two digits, at most MAX_AMOUNT_QEPIK (issue 10 §5); a test holds the pattern
 * to parseApiAmount.
 */
export const ZApiMoney = z
  .unknown()
  .transform((value, ctx) => {
    const parsed = parseApiAmount(value);
    if (parsed.ok) return parsed.qepik;
    ctx.addIssue({
      code: 'custom',
      message: parsed.code,
      params: { apiCode: parsed.code, apiParams: parsed.params ?? {} },
    });
    return z.NEVER;
  })
  .meta({
    type: 'string',
    pattern: MONEY_PATTERN,
    description: `AZN with exactly two decimals, as a string (never a JSON number); at most ${toApiAmount(MAX_AMOUNT_QEPIK)} (AMOUNT_TOO_LARGE)`,
    examples: ['1234.56'],
  });

const ZMonthKey = z.string().meta({
  description:
    'A month of the quarter, YYYY-MM (another month is refused as MONTH_OUTSIDE_QUARTER)',
  examples: ['2025-08'],
});

const ZLine = z.strictObject({ accrued: ZApiMoney, paid: ZApiMoney });
const ZSignatory = z.strictObject({
  fin: z.string().max(64),
  documentType: z.enum(['DIN', 'MIQRASIYA']),
});
const ZFin = z
  .string()
  .max(64)
  .meta({ examples: ['5ZK7M2P'] });

/** The manual's worked example (SPEC F20): the example of the OpenAPI document. */
const EXAMPLE = {
  activityCode: '62.01',
  year: 2025,
  quarter: 3,
  labourPayments: { '2025-07': '3000.00', '2025-08': '3000.00', '2025-09': '3000.00' },
  headcount: { '2025-07': 3, '2025-08': 3, '2025-09': 3 },
  nonLiableIncome: [{ reasonCode: 'GIFTS_AID', month: '2025-08', amount: '500.00' }],
  persons: [
    {
      fin: '5ZK7M2P',
      surname: 'Əliyev',
      name: 'Rəşad',
      incomes: { '2025-07': '1000.00', '2025-08': '1000.00', '2025-09': '1000.00' },
    },
  ],
  signatories: { chiefAccountant: { fin: '6GW4Z8H', documentType: 'DIN' } },
};

/**
 * The request body of POST /api/v1/reports and /api/v1/reports/validate: the schema both parse
 * with, and (through z.toJSONSchema) the OpenAPI document's ReportPayload.
 */
export const ZReportPayload = z
  .strictObject({
    activityCode: z
      .string()
      .min(1)
      .max(20)
      .meta({
        description: 'One of the employer’s registered activity codes',
        examples: ['62.01'],
      }),
    year: z.number().int().min(2019).max(2100),
    quarter: z.number().int().min(1).max(4),
    labourPayments: z
      .record(ZMonthKey, ZApiMoney)
      .default({})
      .meta({ description: 'F7: labour payments per month' }),
    headcount: z
      .record(ZMonthKey, z.number().int().min(0).max(MAX_HEADCOUNT))
      .default({})
      .meta({ description: 'F18: headcount per month' }),
    nonLiableIncome: z
      .array(
        z.strictObject({
          reasonCode: z
            .string()
            .min(1)
            .max(50)
            .meta({ examples: ['GIFTS_AID'] }),
          month: ZMonthKey,
          amount: ZApiMoney,
        }),
      )
      .max(1000)
      .default([])
      .meta({ description: 'F8: income not liable to contributions' }),
    lines: z
      .strictObject({
        sanatorium: ZLine.meta({ description: 'F13 sanatorium vouchers' }),
        injuryBenefitRefund: ZLine.meta({ description: 'F14 refund of injury benefits' }),
        fundFindings: z
          .strictObject({ paid: ZApiMoney })
          .meta({ description: 'F15 the fund’s findings (paid only)' }),
        otherAccruals: ZLine.meta({ description: 'F16 other accruals' }),
      })
      .partial()
      .optional()
      .meta({ description: 'Kept as they are when left out' }),
    persons: z
      .array(
        z.strictObject({
          fin: ZFin,
          surname: z.string().max(200).optional(),
          name: z.string().max(200).optional(),
          incomes: z
            .record(ZMonthKey, ZApiMoney)
            .meta({ description: 'A month left out = not employed that month' }),
        }),
      )
      .max(MAX_PERSONS)
      .meta({
        description:
          'F20: the insured persons; a surname or name sent that differs from the population registry is a warning (the registry’s is kept)',
      }),
    signatories: z
      .strictObject({ responsible: ZSignatory, chiefAccountant: ZSignatory })
      .partial()
      .optional()
      .meta({ description: 'F21; kept as they are when left out' }),
  })
  .meta({ examples: [EXAMPLE] });

export type ReportPayload = z.output<typeof ZReportPayload>;

/** 'persons[2].incomes.2025-08' from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) =>
      typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`,
    )
    .join('');
}

const FIELD_CODES: Record<string, string> = {
  year: 'PERIOD_INVALID',
  quarter: 'PERIOD_INVALID',
  headcount: 'HEADCOUNT_INVALID',
};

function toProblems(issue: z.core.$ZodIssue): ApiProblem[] {
  const path = formatPath(issue.path);
  const missing = 'input' in issue && issue.input === undefined;
  switch (issue.code) {
    case 'custom':
      return [
        apiProblem(
          path,
          String(issue.params?.apiCode ?? 'FORMAT'),
          (issue.params?.apiParams ?? {}) as ApiParams,
        ),
      ];
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        apiProblem(path ? `${path}.${key}` : key, 'UNKNOWN_FIELD', { key }),
      );
    default: {
      if (missing) return [apiProblem(path, 'REQUIRED')];
      const fieldCode = FIELD_CODES[String(issue.path[0])];
      if (fieldCode) return [apiProblem(path, fieldCode)];
      if (issue.code === 'invalid_type')
        return [apiProblem(path, 'TYPE', { expected: issue.expected })];
      if (issue.code === 'too_big') {
        const max = Number(issue.maximum);
        return [apiProblem(path, issue.origin === 'array' ? 'TOO_MANY' : 'TOO_LONG', { max })];
      }
      if (issue.code === 'too_small' && issue.origin === 'string')
        return [apiProblem(path, 'REQUIRED')];
      return [apiProblem(path, 'FORMAT')];
    }
  }
}

/** The payload's shape and money, every problem at once (issue 5 §9); quarter rules come next. */
export function parseReportPayload(
  body: unknown,
): { ok: true; payload: ReportPayload } | { ok: false; problems: ApiProblem[] } {
  // Every string of the body, keys included, before the schema: PostgreSQL refuses a NUL.
  const control = findControlCharacters(body);
  if (control)
    return { ok: false, problems: [apiProblem(formatPath(control), 'TEXT_CONTROL_CHARACTERS')] };
  const parsed = ZReportPayload.safeParse(body, { reportInput: true });
  if (parsed.success) return { ok: true, payload: parsed.data };
  return { ok: false, problems: parsed.error.issues.flatMap(toProblems) };
}
