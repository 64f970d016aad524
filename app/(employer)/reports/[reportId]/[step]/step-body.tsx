import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { MonthValuesForm } from '@/components/report-wizard/lazy';
import { StepBlockingErrors } from '@/components/report-wizard/step-blocking-errors';
import { formatAmount, formatMonth } from '@/lib/domain';
import { saveHeadcountAction, saveLabourPaymentsAction } from './actions';
import type { LoadedStep } from './load-step';
import { STEP_BODIES } from './steps';
import { calculationFailure, overBoundErrors } from './step-problems';
import { PlaceholderStep } from './steps/placeholder-step';

type Props = { loaded: LoadedStep; locale: 'az' | 'en'; query: Record<string, string | undefined> };

/** An amount as a person would type it back: "1 234,56" (no currency sign). */
export function amountForInput(qepik: number | null, locale: 'az' | 'en'): string {
  return qepik === null
    ? ''
    : formatAmount(qepik as never, locale)
        .replace(/\s*₼$/, '')
        .replace(/^AZN\s*/, '');
}

/**
 * The current step's body under its blocking errors: stored amounts above the bound (issue 10
 * §5), and a calculation that could not be made shown in words instead of failing the page.
 */
export async function StepBody(props: Props) {
  const { loaded, locale } = props;
  const [overBound, tp] = await Promise.all([
    overBoundErrors(loaded, locale),
    getTranslations('wizardPersons'),
  ]);
  let body: ReactNode = null;
  let failure: string | null = null;
  try {
    // Called, not rendered as <Body/>, so a refusal while loading its figures is caught here.
    body = await pickBody(props);
  } catch (error) {
    failure = calculationFailure(error, locale);
  }
  // The check page lists the over-bound amounts itself when it could be built.
  const errors = [
    ...(loaded.step.id === 'REVIEW' && failure === null ? [] : overBound),
    ...(failure === null
      ? []
      : [{ key: 'calculation', text: failure, where: '', href: null, fixLabel: '' }]),
  ];
  return (
    <>
      <StepBlockingErrors title={tp('blockingTitle', { count: errors.length })} errors={errors} />
      {body}
    </>
  );
}

/** Picks the body of the current step. Each step is one small component beside this file. */
async function pickBody({ loaded, locale, query }: Props): Promise<ReactNode> {
  const t = await getTranslations('wizard');
  const { report, step } = loaded;
  const months = report.months.map((m) => ({ ...m, label: formatMonth(m.month, locale) }));
  switch (step.id) {
    case 'F7':
      return (
        <MonthValuesForm
          kind="money"
          submitLabel={t('next')}
          months={months.map((m) => ({
            month: m.month,
            label: m.label,
            value: amountForInput(m.labourPaymentsQepik, locale),
          }))}
          save={saveLabourPaymentsAction.bind(null, report.id)}
        />
      );
    case 'F18':
      return (
        <MonthValuesForm
          kind="count"
          submitLabel={t('next')}
          months={months.map((m) => ({
            month: m.month,
            label: m.label,
            value: m.headcount === null ? '' : String(m.headcount),
          }))}
          save={saveHeadcountAction.bind(null, report.id)}
        />
      );
    default: {
      const Body = STEP_BODIES[step.id] ?? PlaceholderStep;
      return await Body({ loaded, locale, query });
    }
  }
}
