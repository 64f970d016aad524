import { getTranslations } from 'next-intl/server';
import { PaymentApplicationTable } from '@/components/report-figures/payment-application-table';
import { ContinueForm } from '@/components/report-wizard/continue-form';
import { DistributeButton } from '@/components/report-wizard/lazy';
import { formatAmount } from '@/lib/domain';
import { distributeAction, goNextAction } from '../../actions-persons';
import type { StepProps } from '../step-props';

/**
 * SPEC F19, DOMAIN.md §5, §7: what the payments settle of this quarter's MDSS is split equally
 * among the persons who owe it; "Bölüşdür". The rest of the money — older debt, penalty, fines,
 * overpayment — is shown with the same figures as F17 and the check page (issue 10 §3).
 */
export async function StepF19({ loaded, locale }: StepProps) {
  const t = await getTranslations('wizardPersons');
  const tf = await getTranslations('figures');
  const tw = await getTranslations('wizard');
  const { report } = loaded;
  const review = loaded.review();
  const money = (q: number) => formatAmount(q, locale);
  return (
    <>
      <p className="mb-3 max-w-prose">{t('f19Lead')}</p>
      <p className="mb-6 max-w-prose rounded-md bg-brand-50 p-3 text-sm">{tf('f19Note')}</p>
      <DistributeButton
        label={t('distributeF19')}
        distribute={distributeAction.bind(null, report.id)}
      />
      {review.distributedAt ? (
        <>
          <dl
            className="mb-6 grid max-w-xl grid-cols-[1fr_auto] gap-x-6 gap-y-2"
            data-testid="split-result"
          >
            <dt>{t('paidTotal')}</dt>
            <dd className="text-right tabular-nums">{money(review.paymentsUsedQepik)}</dd>
            <dt>{t('personsCount')}</dt>
            <dd className="text-right tabular-nums">{review.persons}</dd>
            <dt>{tf('toPersons')}</dt>
            <dd className="text-right tabular-nums" data-testid="distributed-total">
              {money(review.distributedQepik)}
            </dd>
            <dt>
              {tf('notToPersons')}
              <span className="block text-sm text-muted">{tf('notToPersonsNote')}</span>
            </dt>
            <dd className="text-right tabular-nums" data-testid="undistributed-total">
              {money(review.undistributedQepik)}
            </dd>
          </dl>
          <PaymentApplicationTable application={review.application} locale={locale} />
        </>
      ) : (
        <p className="text-muted" data-testid="not-distributed">
          {t('notDistributedYet')}
        </p>
      )}
      <ContinueForm
        action={goNextAction.bind(null, report.id, 'F19')}
        label={tw('next')}
        backHref={loaded.backHref}
        backLabel={tw('back')}
      />
    </>
  );
}
