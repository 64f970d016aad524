import { getTranslations } from 'next-intl/server';
import { dmy, money } from '@/components/report-wizard/money/display';
import { SummaryTable } from '@/components/report-wizard/money/summary-table';
import { getDb } from '@/lib/server/db';
import { quarterBounds } from '@/lib/server/reports/report-draft';
import { ledgerEntriesBetween } from '@/lib/server/reports/report-ledger';
import type { StepProps } from '../step-props';
import { LineStep } from './line-step';

/**
 * SPEC F15: amounts the fund found for the period (the ledger's OTHER_ACCRUAL entries in the
 * quarter, as saveReportLines takes them) and the payments the employer enters against them.
 */
export async function StepF15(props: StepProps) {
  const t = await getTranslations('wizardMoney');
  const tw = await getTranslations('wizard');
  const { report, scope } = props.loaded;
  // Scoped by the guard's employer and the report re-loaded through the scope (loadStep).
  const found = await ledgerEntriesBetween(
    await getDb(),
    scope.employerId,
    report.activityCode,
    ['OTHER_ACCRUAL'],
    quarterBounds(report),
  );
  const foundQepik = found.reduce((s, e) => s + e.amountQepik, 0);
  return (
    <LineStep
      {...props}
      stepId="F15"
      lead={t('f15Lead')}
      accruedFixed={{ label: t('foundByFund'), qepik: foundQepik }}
    >
      {found.length === 0 ? (
        <p className="mb-4 text-muted" data-testid="f15-empty">
          {t('f15Empty')}
        </p>
      ) : (
        <div className="mb-4">
          <SummaryTable
            caption={t('foundByFund')}
            testId="fund-findings"
            columns={[
              { label: t('date') },
              { label: t('memo') },
              { label: tw('amount'), numeric: true },
            ]}
            rows={found.map((e) => ({
              key: String(e.id),
              cells: [dmy(e.entryDate), e.memo ?? '', money(e.amountQepik, props.locale)],
            }))}
            footer={[tw('total'), '', money(foundQepik, props.locale)]}
          />
        </div>
      )}
    </LineStep>
  );
}
