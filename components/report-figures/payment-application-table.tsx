import { useTranslations } from 'next-intl';
import { formatAmount } from '@/lib/domain';
import type { PaymentApplication } from '@/lib/domain';
import { SummaryTable } from '@/components/report-wizard/money/summary-table';

type Props = {
  application: PaymentApplication;
  locale: 'az' | 'en';
  testId?: string;
};

/**
 * How a report's money is applied (issue 10 §3): paid (by side) and credit carried in, then
 * each use in the DOMAIN.md §5 order down to the overpayment carried forward. One component,
 * so F17, F19, the check page and the sent report show the same figures under the same words.
 */
export function PaymentApplicationTable({ application: a, locale, testId = 'application' }: Props) {
  const t = useTranslations('figures');
  const m = (q: number) => formatAmount(q, locale);
  const rows = [
    {
      key: 'toQuarterEmployer',
      label: t('appToQuarterEmployer'),
      note: t('appToQuarterNote'),
      q: a.toQuarterMdssEmployerQepik,
    },
    {
      key: 'toQuarterEmployee',
      label: t('appToQuarterEmployee'),
      note: t('appToQuarterNote'),
      q: a.toQuarterMdssEmployeeQepik,
    },
    { key: 'toOlder', label: t('appToOlder'), q: a.toOlderMdssQepik },
    { key: 'toPenalty', label: t('appToPenalty'), q: a.toPenaltyQepik },
    { key: 'toFines', label: t('appToFines'), q: a.toFinesQepik },
    { key: 'toOther', label: t('appToOther'), q: a.toOtherQepik },
    { key: 'overpayment', label: t('appOverpayment'), q: a.overpaymentQepik },
  ];
  return (
    <section aria-labelledby={`${testId}-title`} className="mb-6">
      <h2 id={`${testId}-title`} className="sr-only">
        {t('applicationTitle')}
      </h2>
      <p className="mb-2 max-w-prose text-sm text-muted">{t('applicationLead')}</p>
      <dl
        className="mb-3 grid max-w-2xl grid-cols-[1fr_auto] gap-x-6 gap-y-1"
        data-testid={`${testId}-sources`}
      >
        <dt>
          {t('appPaid')}
          <span className="block text-sm text-muted">
            {t('appPaidSides', {
              employer: m(a.paidEmployerQepik),
              employee: m(a.paidEmployeeQepik),
            })}
          </span>
        </dt>
        <dd className="text-right tabular-nums" data-testid={`${testId}-paid`}>
          {m(a.paidQepik)}
        </dd>
        {a.creditBroughtQepik > 0 ? (
          <>
            <dt>{t('appCreditBrought')}</dt>
            <dd className="text-right tabular-nums" data-testid={`${testId}-credit`}>
              {m(a.creditBroughtQepik)}
            </dd>
          </>
        ) : null}
      </dl>
      <SummaryTable
        caption={t('applicationTitle')}
        testId={testId}
        minWidth="min-w-[20rem]"
        columns={[{ label: t('appliedTo') }, { label: t('amount'), numeric: true }]}
        rows={rows.map((r) => ({
          key: r.key,
          testId: `${testId}-${r.key}`,
          cells: [
            r.note ? (
              <>
                {r.label}
                <span className="block text-sm text-muted">{r.note}</span>
              </>
            ) : (
              r.label
            ),
            m(r.q),
          ],
        }))}
        footer={[t('appTotal'), m(a.paidQepik + a.creditBroughtQepik)]}
      />
    </section>
  );
}
