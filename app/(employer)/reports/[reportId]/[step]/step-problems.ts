import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { StepBlockingError } from '@/components/report-wizard/step-blocking-errors';
import { formatMessage, formatMonth, isDomainCode } from '@/lib/domain';
import { stepById } from '@/lib/report-wizard/steps';
import { toUserError } from '@/lib/server/user-error';
import type { LoadedStep } from './load-step';
import { isAppError } from '@/lib/server/errors';

// What keeps a step page from answering 500 for big stored amounts (issue 10 §5): the draft's
// figures above the bound as blocking errors at their step, and a calculation that could not
// be made as words in place of the step's figures.

/** Every stored amount above the bound, linked to the step (and month, person) holding it. */
export async function overBoundErrors(
  loaded: LoadedStep,
  locale: 'az' | 'en',
): Promise<StepBlockingError[]> {
  const results = loaded.overBound;
  if (results.length === 0) return [];
  const t = await getTranslations('wizardPersons');
  const ts = await getTranslations('wizardSteps');
  return results.map((r, i) => {
    const step = stepById(r.step) ?? null;
    return {
      key: `${r.code}-${r.step}-${r.month ?? ''}-${r.fin ?? ''}-${i}`,
      text: isDomainCode(r.code) ? formatMessage(r.code, r.params, locale) : r.code,
      where: [
        r.month ? formatMonth(r.month, locale) : null,
        r.fin ? t('personFin', { fin: r.fin }) : null,
      ]
        .filter(Boolean)
        .join(' · '),
      href: loaded.hrefOf(step),
      fixLabel: t('fixAt', { step: step ? ts(step.id) : r.step }),
    };
  });
}

/**
 * A step body's CALCULATION_FAILED as the text to show in its place; anything else is rethrown
 * (a redirect, a 404, or a bug that must reach the error page, never its message).
 */
export function calculationFailure(error: unknown, locale: 'az' | 'en'): string {
  const coded = isAppError(error) && error.code === 'CALCULATION_FAILED';
  if (!coded) throw error;
  return toUserError(error, locale).message;
}
