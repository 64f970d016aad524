import 'server-only';
import { z } from 'zod';

// The payroll API's answers as zod schemas (issue 5 §9): the OpenAPI document's response
// components are generated from them, and the API tests parse real answers with them, so the
// document cannot describe an answer the handlers do not give.

/** An amount of an answer: like a request amount, but a figure may be negative ('-12.30'). */
export const ZAnswerMoney = z
  .string()
  .regex(/^-?\d+\.\d{2}$/)
  .meta({ description: 'AZN with exactly two decimals, as a string', examples: ['1234.56'] });

const ZMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .meta({ examples: ['2025-08'] });

export const ZApiText = z.object({ az: z.string(), en: z.string() });

const ZSides = z.object({ employer: ZAnswerMoney, employee: ZAnswerMoney, total: ZAnswerMoney });

export const ZApiMessage = z.object({
  severity: z.enum(['blocking', 'warning', 'info']),
  code: z.string(),
  step: z.string().optional().meta({ description: 'The portal step that fixes it (F7, F8, F20…)' }),
  month: ZMonth.optional(),
  path: z.string().optional(),
  message: ZApiText,
});

export const ZValidation = z.object({
  activityCode: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  months: z.array(
    z.object({
      month: ZMonth,
      labourPayments: ZAnswerMoney.nullable(),
      nonLiableIncome: ZAnswerMoney,
      headcount: z.number().int().nullable(),
      persons: z.number().int(),
      personsIncome: ZAnswerMoney,
      contributions: ZSides,
      distributed: ZSides.omit({ total: true }),
    }),
  ),
  contributions: ZSides,
  distribution: z.object({
    paid: ZAnswerMoney,
    distributed: ZAnswerMoney,
    undistributed: ZAnswerMoney,
  }),
  messages: z.array(ZApiMessage),
  blockingCount: z.number().int(),
});

export const ZDraft = z.object({
  reportId: z.uuid(),
  status: z.literal('DRAFT'),
  reviewUrl: z.string().meta({ examples: ['/reports/6f1c…/check-answers'] }),
});

export const ZApiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: ZApiText,
    problems: z
      .array(
        z.object({
          path: z.string().meta({ examples: ['persons[2].incomes.2025-08'] }),
          code: z.string(),
          message: ZApiText,
        }),
      )
      .optional(),
  }),
});
