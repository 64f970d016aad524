'use server';

import { z } from 'zod';
import { DISTRIBUTION_KINDS } from '@/db/schema';
import { fillTemplate, MESSAGES } from '@/lib/domain';
import type { MessageParams } from '@/lib/domain/result';
import type { SplitProblem } from '@/lib/domain/distribution/payment-split';
import { parseAmount } from '@/lib/domain/money-format';
import { serverLocale } from '@/lib/i18n/server-locale';
import { serverTranslations } from '@/lib/i18n/server-translations';
import { ZAmountText, ZId, ZLine } from '@/lib/server/action-schemas';
import { employerAction, type ActionRefusal, type FieldError } from '@/lib/server/actions';
import { requirePrincipal, subEmployerScope, type EmployerScope } from '@/lib/server/access';
import { completeDistribution } from '@/lib/server/cabinet/distribution/complete-distribution';
import { startDistribution } from '@/lib/server/cabinet/distribution/start-distribution';
import { getDb } from '@/lib/server/db';
import { requestIp } from '@/lib/server/request-ip';
import { signingBrowser, startSigningBrowser } from '@/lib/server/signing/browser-secret';
import { cancelSigning } from '@/lib/server/signing/cancel-signing';
import { signingMessage } from '@/lib/server/signing/errors';
import { startedSigningView } from '@/lib/server/signing/signing-views';
import { signingSessionView, type CancelResult } from '@/lib/server/submissions/sending-views';
import type { CompleteDistributionAnswer, StartDistributionAnswer } from './types';

// "Təsdiqlə" of a payment distribution (SPEC E3–E5, issue 13 §7), for the reports service: the
// same signing sessions, browser binding and dialog as sending a report. A sub-employer's
// payment goes through the scope of the employer above it (subEmployerScope); every id is
// re-loaded through the scope, so another employer's payment is a 404 and an audit row.

const ZDistributionInput = z.object({
  paymentId: ZId,
  sub: ZId.nullable(),
  kind: z.enum(DISTRIBUTION_KINDS),
  amount: ZAmountText,
  lines: z.array(z.object({ target: ZLine(60), amount: ZAmountText })).max(50),
});

async function actingScope(scope: EmployerScope, sub: string | null): Promise<EmployerScope> {
  return sub ? subEmployerScope(await getDb(), scope, sub) : scope;
}

function ruleText(
  problem: { code: SplitProblem['code']; params?: MessageParams },
  locale: 'az' | 'en',
): string {
  return fillTemplate(MESSAGES[problem.code][locale], problem.params ?? {}, locale);
}

/** Field ids of the form: `amount`, `parts` (the lines as a whole), `part-<i>`. */
const fieldOf = (field: SplitProblem['field']) =>
  field === 'amount' ? 'amount' : field === 'lines' ? 'parts' : `part-${field}`;

function refused(errors: FieldError[]): ActionRefusal {
  return { ok: false, message: errors[0]?.message ?? '', fieldErrors: errors };
}

/** Checks the distribution and starts the signature of its document. */
export const startDistributionAction = employerAction(
  'REPORTS',
  z.tuple([ZDistributionInput]),
  async (scope, input): Promise<StartDistributionAnswer> => {
    const locale = await serverLocale();
    const errors: FieldError[] = [];
    const amount = parseAmount(input.amount);
    if (!amount.ok) errors.push({ field: 'amount', message: ruleText(amount, locale) });
    const lines = input.lines.map((line, i) => {
      // An empty part is 0: only the parts that move money need a figure.
      const parsed =
        line.amount.trim() === '' ? ({ ok: true, value: 0 } as const) : parseAmount(line.amount);
      if (!parsed.ok) errors.push({ field: `part-${i}`, message: ruleText(parsed, locale) });
      return { target: line.target, amountQepik: parsed.ok ? parsed.value : 0 };
    });
    if (errors.length > 0 || !amount.ok) return refused(errors);
    const acting = await actingScope(scope, input.sub);
    const principal = await requirePrincipal();
    const result = await startDistribution(await getDb(), acting, {
      paymentId: input.paymentId,
      kind: input.kind,
      amountQepik: amount.value,
      lines,
      method: principal.method,
      browser: await startSigningBrowser(),
      ip: await requestIp(),
    });
    if (result.ok)
      return { ok: true, session: await signingSessionView(startedSigningView(result), principal) };
    if (result.code === 'DISTRIBUTION_INVALID')
      return refused(
        result.problems.map((p) => ({ field: fieldOf(p.field), message: ruleText(p, locale) })),
      );
    return { ok: false, message: signingMessage(result, {}, locale) };
  },
  { name: 'startDistributionAction' },
);

/** The signature came back: the distribution takes effect (idempotent). */
export const completeDistributionAction = employerAction(
  'REPORTS',
  z.tuple([
    z.object({
      paymentId: ZId,
      sub: ZId.nullable(),
      sessionId: ZId,
      jws: ZLine(100_000).nullish(),
    }),
  ]),
  async (scope, input): Promise<CompleteDistributionAnswer> => {
    const locale = await serverLocale();
    const acting = await actingScope(scope, input.sub);
    const result = await completeDistribution(await getDb(), acting, {
      paymentId: input.paymentId,
      sessionId: input.sessionId,
      browser: await signingBrowser(),
      jws: input.jws || null,
      ip: await requestIp(),
    });
    if (result.ok) {
      const t = await serverTranslations('distribution');
      return { ok: true, message: t('done'), distributionId: result.distributionId };
    }
    if (result.code === 'DISTRIBUTION_INVALID')
      return refused(
        result.problems.map((p) => ({ field: fieldOf(p.field), message: ruleText(p, locale) })),
      );
    if (result.code === 'SIGNED_OTHER_DOCUMENT') {
      const t = await serverTranslations('distribution');
      return { ok: false, message: t('signedOther') };
    }
    return { ok: false, message: signingMessage(result, {}, locale) };
  },
  { name: 'completeDistributionAction' },
);

/** The holder closed the dialog: only a signature this browser started for this employer. */
export const cancelDistributionAction = employerAction(
  'REPORTS',
  z.tuple([z.object({ sessionId: ZId, sub: ZId.nullable() })]),
  async (scope, input): Promise<CancelResult> => {
    const locale = await serverLocale();
    const acting = await actingScope(scope, input.sub);
    const result = await cancelSigning(await getDb(), {
      sessionId: input.sessionId,
      browser: await signingBrowser(),
      owner: {
        purpose: 'SIGN',
        employerId: acting.employerId,
        certificateSerial: acting.certificateSerial,
      },
      ip: await requestIp(),
    });
    if (!result.ok) return { ok: false, message: signingMessage(result, {}, locale) };
    const ended =
      result.status === 'PENDING' || result.status === 'OK' ? 'USER_CANCELLED' : result.status;
    return { ok: true, message: signingMessage(ended, {}, locale) };
  },
  { name: 'cancelDistributionAction' },
);
