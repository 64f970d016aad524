'use server';

import { z } from 'zod';
import { serverLocale } from '@/lib/i18n/server-locale';
import { ZId, ZLine } from '@/lib/server/action-schemas';
import { employerAction, revalidate } from '@/lib/server/actions';
import { requirePrincipal } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { requestIp } from '@/lib/server/request-ip';
import { signingBrowser, startSigningBrowser } from '@/lib/server/signing/browser-secret';
import { signingMessage } from '@/lib/server/signing/errors';
import { startedSigningView } from '@/lib/server/signing/signing-views';
import { completeQuarterSending, startQuarterSending } from '@/lib/server/submissions/send-quarter';
import {
  excludedViews,
  quarterReports,
  signingSessionView,
  submissionView,
  type CompleteQuarterResult,
  type StartQuarterResult,
} from '@/lib/server/submissions/sending-views';

// "GÖNDƏR" of a quarter (SPEC G3) for the reports service: one signature over every draft of
// the quarter that passes the final validation; each listed report is then received on its own.

/** The year and quarter as the panel's selects send them. */
const ZQuarterChoice = z.object({ year: z.number(), quarter: z.number() });

/** One signature over every draft of the quarter that passes the final validation. */
export const startQuarterAction = employerAction(
  'REPORTS',
  z.tuple([ZQuarterChoice]),
  async (scope, { year, quarter }): Promise<StartQuarterResult> => {
    if (!Number.isInteger(year) || year < 2019 || year > 2100 || ![1, 2, 3, 4].includes(quarter))
      throw new AppError('PERIOD_INVALID');
    const locale = await serverLocale();
    const principal = await requirePrincipal();
    const result = await startQuarterSending(await getDb(), scope, {
      year,
      quarter,
      method: principal.method,
      browser: await startSigningBrowser(),
      ip: await requestIp(),
    });
    if (result.ok) {
      return {
        ok: true,
        batchId: result.batchId,
        session: await signingSessionView(startedSigningView(result), principal),
        included: await quarterReports(result.included),
        excluded: await excludedViews(result.excluded, locale),
      };
    }
    return {
      ok: false,
      message: signingMessage(result, {}, locale),
      excluded: 'excluded' in result ? await excludedViews(result.excluded, locale) : [],
    };
  },
  { name: 'startQuarterAction' },
);

/** The manifest's signature came back: each listed report is received on its own. */
export const completeQuarterAction = employerAction(
  'REPORTS',
  z.tuple([z.object({ batchId: ZId, jws: ZLine(100_000).nullish() })]),
  async (scope, input): Promise<CompleteQuarterResult> => {
    const locale = await serverLocale();
    const result = await completeQuarterSending(await getDb(), scope, {
      batchId: input.batchId,
      browser: await signingBrowser(),
      jws: input.jws || null,
      ip: await requestIp(),
    });
    if (!result.ok) return { ok: false, message: signingMessage(result, {}, locale) };
    revalidate('/reports', '/reports/registry');
    return {
      ok: true,
      results: await Promise.all(
        result.results.map(async (r) =>
          r.ok
            ? {
                ok: true as const,
                reportId: r.reportId,
                submission: await submissionView(r.submission, locale),
              }
            : { ok: false as const, reportId: r.reportId, message: r.text[locale] },
        ),
      ),
    };
  },
  { name: 'completeQuarterAction' },
);
