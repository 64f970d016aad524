import { getTranslations } from 'next-intl/server';
import { MonthValuesForm } from '@/components/report-wizard/month-values-form';
import { formatAmount, formatMonth } from '@/lib/domain';
import { saveHeadcountAction, saveLabourPaymentsAction } from './actions';
import type { LoadedStep } from './load-step';
import { STEP_BODIES } from './steps';
import { PlaceholderStep } from './steps/placeholder-step';

type Props = { loaded: LoadedStep; locale: 'az' | 'en'; query: Record<string, string | undefined> };

/** An amount as a person would type it back: "1 234,56" (no currency sign). */
export function amountForInput(qepik: number | null, locale: 'az' | 'en'): string {
  return qepik === null ? '' : formatAmount(qepik as never, locale).replace(/\s*₼$/, '').replace(/^AZN\s*/, '');
}

/** Picks the body of the current step. Each step is one small component beside this file. */
export async function StepBody({ loaded, locale, query }: Props) {
  const t = await getTranslations('wizard');
  const { report, step } = loaded;
  const months = report.months.map((m) => ({ ...m, label: formatMonth(m.month, locale) }));
  switch (step.id) {
    case 'F7':
      return (
        <MonthValuesForm
          kind="money"
          submitLabel={t('next')}
          months={months.map((m) => ({ month: m.month, label: m.label, value: amountForInput(m.labourPaymentsQepik, locale) }))}
          save={saveLabourPaymentsAction.bind(null, report.id)}
        />
      );
    case 'F18':
      return (
        <MonthValuesForm
          kind="count"
          submitLabel={t('next')}
          months={months.map((m) => ({ month: m.month, label: m.label, value: m.headcount === null ? '' : String(m.headcount) }))}
          save={saveHeadcountAction.bind(null, report.id)}
        />
      );
    default: {
      const Body = STEP_BODIES[step.id] ?? PlaceholderStep;
      return <Body loaded={loaded} locale={locale} query={query} />;
    }
  }
}
