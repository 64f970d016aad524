'use server';

import { getTranslations } from 'next-intl/server';
import { getPrincipal } from '@/auth/principal';
import type { CompleteQuarterResult, StartQuarterResult } from '@/components/sending/types';
import { serverLocale } from '@/lib/i18n/server-locale';
import { requireEmployerAccess } from '@/lib/server/access';
import { getDb } from '@/lib/server/db';
import { requestIp } from '@/lib/server/request-ip';
import { failureParams, signingMessage } from '@/lib/server/signing/errors';
import { completeQuarterSending, startQuarterSending } from '@/lib/server/submissions/send-quarter';
import {
  asSigningCode,
  excludedViews,
  failureText,
  refused,
  revalidateRegistry,
  session,
  str,
  submissionView,
} from './views';
import { errorMessage } from '@/lib/server/error-messages';

// "GÖNDƏR" with a signature (issue 6 §3–§5, §11). Every export is a public endpoint: each calls
// the guard first, passes the scope on, and trusts nothing it is given (ids are re-scoped by the
// use cases). Results are plain objects with the texts already in the user's language.

/** "GÖNDƏR" of a quarter (SPEC G3): one signature over every draft that passes the final validation. */
export async function startQuarterAction(input: {
  year: number;
  quarter: number;
}): Promise<StartQuarterResult> {
  const scope = await requireEmployerAccess('REPORTS');
  const locale = await serverLocale();
  const t = await getTranslations('sending');
  const year = Number(input?.year);
  const quarter = Number(input?.quarter);
  if (!Number.isInteger(year) || year < 2019 || year > 2100 || ![1, 2, 3, 4].includes(quarter)) {
    return { ok: false, message: errorMessage('PERIOD_INVALID', {}, locale), excluded: [] };
  }
  const principal = await getPrincipal();
  try {
    const result = await startQuarterSending(await getDb(), scope, {
      year,
      quarter,
      method: principal?.method ?? 'ESIGN',
      ip: await requestIp(),
    });
    if (result.ok) {
      return {
        ok: true,
        batchId: result.batchId,
        session: await session(result),
        included: result.included.map((r) => ({
          reportId: r.reportId,
          activityCode: r.activityCode,
          reportType: r.reportType === 'CORRECTIVE' ? t('typeCORRECTIVE') : t('typeINITIAL'),
        })),
        excluded: await excludedViews(result.excluded, locale),
      };
    }
    if ('excluded' in result) {
      return {
        ok: false,
        message: errorMessage('NOTHING_TO_SEND', {}, locale),
        excluded: await excludedViews(result.excluded, locale),
      };
    }
    return {
      ok: false,
      message: signingMessage(asSigningCode(result.code), failureParams(result), locale),
      excluded: [],
    };
  } catch (error) {
    return { ...(await refused(error)), excluded: [] };
  }
}

/** The manifest's signature came back: each listed report is received on its own. */
export async function completeQuarterAction(input: {
  batchId: string;
  jws?: string | null;
}): Promise<CompleteQuarterResult> {
  const scope = await requireEmployerAccess('REPORTS');
  const locale = await serverLocale();
  try {
    const result = await completeQuarterSending(await getDb(), scope, {
      batchId: str(input?.batchId),
      jws: input?.jws ? String(input.jws) : null,
      ip: await requestIp(),
    });
    if (!result.ok) {
      return {
        ok: false,
        message:
          result.code === 'NOT_FOUND'
            ? signingMessage('NOT_FOUND', {}, locale)
            : failureText(result, locale),
      };
    }
    revalidateRegistry();
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
  } catch (error) {
    return refused(error);
  }
}
