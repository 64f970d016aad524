import { money } from '@/components/report-wizard/money/display';
import { PenaltyCalculator } from '@/components/report-wizard/money/penalty-calculator';
import { computePenaltyAction, continuePenaltyAction } from '../../actions-money';
import type { StepProps } from '../step-props';

/** SPEC F11: penalty ("penya") and other debts computed by the system with "HESABLA". */
export async function StepF11({ loaded, locale }: StepProps) {
  const { report } = loaded;
  const stored = report.lines.find((l) => l.category === 'PENALTY')?.accruedQepik ?? 0;
  return (
    <PenaltyCalculator
      storedText={report.penaltyComputedAt ? money(stored, locale) : null}
      compute={computePenaltyAction.bind(null, report.id)}
      proceed={continuePenaltyAction.bind(null, report.id)}
      backHref={loaded.backHref}
    />
  );
}
