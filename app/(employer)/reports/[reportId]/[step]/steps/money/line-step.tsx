import type { ReactNode } from 'react';
import { amountText, money } from '@/components/report-wizard/money/display';
import { LineForm } from '@/components/report-wizard/lazy';
import { LINE_STEPS, type LineStep as LineStepId } from '@/lib/server/reports/save-report-lines';
import { saveReportLinesAction } from '../../actions-money';
import type { StepProps } from '../step-props';

type Props = StepProps & {
  stepId: LineStepId;
  lead: string;
  accruedFixed?: { label: string; qepik: number };
  children?: ReactNode;
};

/** The shared body of F13–F16: a lead, optional read-only detail, and the accrued/paid form. */
export function LineStep({ loaded, locale, stepId, lead, accruedFixed, children }: Props) {
  const { report } = loaded;
  const line = report.lines.find((l) => l.category === LINE_STEPS[stepId]);
  // The steps are "if any": the fields start at 0,00 so a user with nothing to report just goes on.
  const initial = (q: number | undefined) => amountText(q ?? 0, locale);
  return (
    <>
      <p className="mb-4 max-w-prose">{lead}</p>
      {children}
      <LineForm
        initial={{ accrued: initial(line?.accruedQepik), paid: initial(line?.paidQepik) }}
        accruedFixed={
          accruedFixed
            ? { label: accruedFixed.label, text: money(accruedFixed.qepik, locale) }
            : undefined
        }
        save={saveReportLinesAction.bind(null, report.id, stepId)}
        backHref={loaded.backHref}
      />
    </>
  );
}
