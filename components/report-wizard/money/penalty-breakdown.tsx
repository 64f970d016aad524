'use client';

import { useLocale, useTranslations } from 'next-intl';
import { formatMonth } from '@/lib/domain';
import { dmy, money, moneyLocale } from './display';
import type { PenaltyView } from './money-types';
import { SummaryTable } from './summary-table';

/** The "HESABLA" result (SPEC F11): per month, per interval, and how the payments were applied. */
export function PenaltyBreakdown({ penalty }: { penalty: PenaltyView }) {
  const t = useTranslations('wizardMoney');
  const tw = useTranslations('wizard');
  const locale = moneyLocale(useLocale());
  const rate = new Intl.NumberFormat(locale === 'az' ? 'az-AZ' : 'en-GB', {
    maximumFractionDigits: 4,
  });
  const month = (m: string) => formatMonth(m, locale);
  return (
    <div className="mt-4 space-y-6" data-testid="penalty-breakdown">
      <p className="text-xl font-bold" data-testid="penalty-total">
        {t('penaltyTotal', {
          date: dmy(penalty.asOfDate),
          amount: money(penalty.totalQepik, locale),
        })}
      </p>
      {penalty.obligations.length === 0 ? (
        <p>{t('noObligations')}</p>
      ) : (
        <>
          <SummaryTable
            caption={t('obligationsTitle')}
            testId="penalty-months"
            columns={[
              { label: tw('month') },
              { label: t('dueDate') },
              { label: t('accruedMdss'), numeric: true },
              { label: t('days'), numeric: true },
              { label: t('penalty'), numeric: true },
            ]}
            rows={penalty.obligations.map((o) => ({
              key: o.month,
              cells: [
                month(o.month),
                dmy(o.dueDate),
                money(o.amountQepik, locale),
                o.days,
                money(o.penaltyQepik, locale),
              ],
            }))}
            footer={[
              tw('total'),
              '',
              money(
                penalty.obligations.reduce((s, o) => s + o.amountQepik, 0),
                locale,
              ),
              '',
              money(penalty.totalQepik, locale),
            ]}
          />
          <SummaryTable
            caption={t('intervalsTitle')}
            testId="penalty-intervals"
            minWidth="min-w-[44rem]"
            columns={[
              { label: tw('month') },
              { label: t('from') },
              { label: t('to') },
              { label: t('days'), numeric: true },
              { label: t('overdue'), numeric: true },
              { label: t('dailyRate'), numeric: true },
              { label: t('penalty'), numeric: true },
            ]}
            rows={penalty.obligations.flatMap((o) =>
              o.intervals.map((i) => ({
                key: `${o.month}-${i.from}`,
                cells: [
                  month(o.month),
                  dmy(i.from),
                  dmy(i.to),
                  i.days,
                  money(i.overdueQepik, locale),
                  `${rate.format(i.ratePercent)} %`,
                  money(i.penaltyQepik, locale),
                ],
              })),
            )}
          />
        </>
      )}
      {penalty.allocations.length > 0 ? (
        <SummaryTable
          caption={t('allocationsTitle')}
          testId="penalty-allocations"
          columns={[
            { label: t('paymentDate') },
            { label: tw('month') },
            { label: t('allocatedAmount'), numeric: true },
          ]}
          rows={penalty.allocations.map((a, i) => ({
            key: `${i}`,
            cells: [dmy(a.paymentDate), month(a.month), money(a.amountQepik, locale)],
          }))}
        />
      ) : null}
    </div>
  );
}
