import { getTranslations } from 'next-intl/server';
import { ContinueForm } from '@/components/report-wizard/continue-form';
import { dmy, money } from '@/components/report-wizard/money/display';
import { SummaryTable } from '@/components/report-wizard/money/summary-table';
import { getDb } from '@/lib/server/db';
import { getSanctions } from '@/lib/server/reports/get-sanctions';
import { continueStepAction } from '../../actions';
import type { StepProps } from '../step-props';

/** SPEC F12: financial sanctions and administrative fines applied in the quarter, read-only. */
export async function StepF12({ loaded, locale }: StepProps) {
  const t = await getTranslations('wizardMoney');
  const tw = await getTranslations('wizard');
  const ts = await getTranslations('wizardSteps');
  const { report, scope } = loaded;
  const { entries, totalQepik } = await getSanctions(await getDb(), scope, { reportId: report.id });
  const kind = (k: string) =>
    k === 'FINE' ? t('kindFINE') : k === 'SANCTION' ? t('kindSANCTION') : k;
  return (
    <>
      <p className="mb-4 max-w-prose">{t('f12Lead')}</p>
      {entries.length === 0 ? (
        <p className="text-muted" data-testid="sanctions-empty">
          {t('sanctionsEmpty')}
        </p>
      ) : (
        <SummaryTable
          caption={ts('F12')}
          testId="sanctions"
          columns={[
            { label: t('date') },
            { label: t('kind') },
            { label: t('memo') },
            { label: tw('amount'), numeric: true },
          ]}
          rows={entries.map((e) => ({
            key: String(e.id),
            cells: [dmy(e.entryDate), kind(e.kind), e.memo ?? '', money(e.amountQepik, locale)],
          }))}
          footer={[tw('total'), '', '', money(totalQepik, locale)]}
        />
      )}
      <ContinueForm
        action={continueStepAction.bind(null, report.id, 'F12')}
        label={tw('continue')}
        backHref={loaded.backHref}
        backLabel={tw('back')}
      />
    </>
  );
}
