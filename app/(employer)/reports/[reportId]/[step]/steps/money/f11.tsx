import { money } from '@/components/report-wizard/money/display';
import { PenaltyCalculator } from '@/components/report-wizard/lazy';
import { computePenaltyAction, continuePenaltyAction } from '../../actions-money';
import type { StepProps } from '../step-props';
import { toPenaltyView } from './penalty-view';

/**
 * SPEC F11: penalty ("penya") and other debts computed by the system ("HESABLA"). The page shows
 * the penalty as of today from the draft and the ledger (issue 10 §4); "HESABLA" records it.
 */
export async function StepF11({ loaded, locale }: StepProps) {
  const { report } = loaded;
  // The draft's kept check figures (getPenaltyBreakdown's, computed once per version).
  const review = loaded.review();
  const current = review.figures.penalty;
  const stored =
    report.penaltyComputedAt === null
      ? null
      : (review.lines.find((l) => l.category === 'PENALTY')?.accruedQepik ?? 0);
  return (
    <PenaltyCalculator
      current={toPenaltyView(current)}
      storedText={stored === null ? null : money(stored, locale)}
      stale={stored !== null && stored !== current.totalQepik}
      compute={computePenaltyAction.bind(null, report.id)}
      proceed={continuePenaltyAction.bind(null, report.id)}
      backHref={loaded.backHref}
    />
  );
}
