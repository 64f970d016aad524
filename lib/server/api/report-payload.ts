import 'server-only';
import { z } from 'zod';
import { MAX_AMOUNT_QEPIK, parseAmount } from '@/lib/domain';
import { apiProblem, type ApiParams, type ApiProblem } from './api-messages';

// The JSON report of the payroll API (issue 5 §9). Money travels as strings of AZN with exactly
// two decimals ('1234.56'), never as JSON numbers, so no client float ever becomes an amount.

const AMOUNT_TEXT = /^\d+\.\d{2}$/;
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

const ZMoney = z.unknown().transform((value, ctx) => {
  const parsed = parseApiAmount(value);
  if (parsed.ok) return parsed.qepik;
  ctx.addIssue({
    code: 'custom',
    message: parsed.code,
    params: { apiCode: parsed.code, apiParams: parsed.params ?? {} },
  });
  return z.NEVER;
});

const ZLine = z.strictObject({ accrued: ZMoney, paid: ZMoney });
const ZSignatory = z.strictObject({
  fin: z.string().max(64),
  documentType: z.enum(['DIN', 'MIQRASIYA']),
});

export const ZReportPayload = z.strictObject({
  activityCode: z.string().min(1).max(20),
  year: z.number().int().min(2019).max(2100),
  quarter: z.number().int().min(1).max(4),
  labourPayments: z.record(z.string(), ZMoney).default({}),
  headcount: z.record(z.string(), z.number().int().min(0).max(MAX_HEADCOUNT)).default({}),
  nonLiableIncome: z
    .array(
      z.strictObject({ reasonCode: z.string().min(1).max(50), month: z.string(), amount: ZMoney }),
    )
    .max(1000)
    .default([]),
  /** F13 sanatorium, F14 injury refund, F15 fund's findings (paid only), F16 other accruals. */
  lines: z
    .strictObject({
      sanatorium: ZLine,
      injuryBenefitRefund: ZLine,
      fundFindings: z.strictObject({ paid: ZMoney }),
      otherAccruals: ZLine,
    })
    .partial()
    .optional(),
  persons: z
    .array(
      z.strictObject({
        fin: z.string().max(64),
        surname: z.string().max(200).optional(),
        name: z.string().max(200).optional(),
        incomes: z.record(z.string(), ZMoney),
      }),
    )
    .max(MAX_PERSONS),
  signatories: z
    .strictObject({ responsible: ZSignatory, chiefAccountant: ZSignatory })
    .partial()
    .optional(),
});

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
  const parsed = ZReportPayload.safeParse(body, { reportInput: true });
  if (parsed.success) return { ok: true, payload: parsed.data };
  return { ok: false, problems: parsed.error.issues.flatMap(toProblems) };
}
