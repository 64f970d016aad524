import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { WarningItem } from '@/components/report-wizard/persons/warnings-list';
import { formatAmount, formatMonth } from '@/lib/domain';
import { stepById } from '@/lib/report-wizard/steps';
import type { DistributionWarning } from '@/lib/server/reports/distribution/distribution-warnings';
import type { LoadedStep } from '../../load-step';

/** F22/F23 warnings as the page shows them: month, difference, cause, and the link to the step that fixes it. */
export async function warningItems(
  warnings: readonly DistributionWarning[],
  loaded: LoadedStep,
  locale: 'az' | 'en',
): Promise<WarningItem[]> {
  const t = await getTranslations('wizardPersons');
  const ts = await getTranslations('wizardSteps');
  return warnings.map((w) => {
    const step = stepById(w.fixStep) ?? null;
    return {
      key: w.key,
      month: formatMonth(w.month, locale),
      difference: formatAmount(w.differenceQepik, locale),
      cause: t(`cause${w.cause}`),
      text: w.text[locale],
      fixHref: loaded.hrefOf(step),
      fixLabel: step ? ts(step.id) : w.fixStep,
    };
  });
}
