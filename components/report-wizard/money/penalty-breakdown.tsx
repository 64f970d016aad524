'use client';

import { useLocale, useTranslations } from '@/lib/i18n/client/texts';
import { formatMonth } from '@/lib/domain/messages/month-names';
import { dmy, money, moneyLocale } from './display';
import type { AppliedTo, PenaltyView } from './money-types';
import { SummaryTable } from './summary-table';

/**
 * The F11 penalty (DOMAIN.md §4): per MDSS obligation of the activity code — this quarter's
 * months and every older month still unpaid — the days charged now and in all, the intervals
 * behind the amount, and how the report's payments were applied.
 */
export function PenaltyBreakdown({ penalty }: { penalty: PenaltyView }) {
  const t = useTranslations('wizardMoney');
  const tf = useTranslations('figures');
  const tw = useTranslations('wizard');
  const locale = moneyLocale(useLocale());
  const rate = new Intl.NumberFormat(locale === 'az' ? 'az-AZ' : 'en-GB', {
    maximumFractionDigits: 4,
  });
  const month = (m: string) => formatMonth(m, locale);
  const side = (s: 'EMPLOYER' | 'EMPLOYEE') =>
    tf(s === 'EMPLOYER' ? 'sideEMPLOYER' : 'sideEMPLOYEE');
  const obligation = (o: { month: string; side: 'EMPLOYER' | 'EMPLOYEE' }) =>
    tf('obligationLabel', { month: month(o.month), side: side(o.side) });
  const applied = (target: AppliedTo) =>
    target.category === 'MDSS'
      ? target.month && target.side
        ? tf('appliedMdss', { month: month(target.month), side: side(target.side) })
        : tf('appliedMdssOlder')
      : tf(`applied${target.category}`);
  const ratePercent = penalty.obligations[0]?.intervals[0]?.ratePercent ?? 0.1;
  return (
    <div className="mt-4 space-y-6" data-testid="penalty-breakdown">
      <p className="text-xl font-bold" data-testid="penalty-total">
        {t('penaltyTotal', {
          date: dmy(penalty.asOfDate),
          amount: money(penalty.totalQepik, locale),
        })}
      </p>
      <p className="max-w-prose text-sm text-muted">
        {tf('penaltyLead', { cap: penalty.capDays, rate: rate.format(ratePercent) })}
      </p>
      {penalty.obligations.length === 0 ? (
        <p>{t('noObligations')}</p>
      ) : (
        <>
          <SummaryTable
            caption={t('obligationsTitle')}
            testId="penalty-months"
            minWidth="min-w-[52rem]"
            columns={[
              { label: tf('obligation') },
              { label: t('dueDate') },
              { label: t('accruedMdss'), numeric: true },
              { label: tf('chargedFrom') },
              { label: tf('daysNow'), numeric: true },
              { label: tf('daysTotal', { cap: penalty.capDays }), numeric: true },
              { label: t('penalty'), numeric: true },
            ]}
            rows={penalty.obligations.map((o) => ({
              key: o.key,
              testId: `penalty-row-${o.month}-${o.side}`,
              cells: [
                obligation(o),
                dmy(o.dueDate),
                money(o.amountQepik, locale),
                o.days > 0
                  ? dmy(o.chargedFrom)
                  : o.totalDays === 0
                    ? tf('notDueYet')
                    : tf('noCharge'),
                o.days,
                o.totalDays,
                money(o.penaltyQepik, locale),
              ],
            }))}
            footer={[
              tw('total'),
              '',
              '',
              '',
              penalty.obligations.reduce((s, o) => s + o.days, 0),
              '',
              money(penalty.totalQepik, locale),
            ]}
          />
          {penalty.obligations.some((o) => o.intervals.length > 0) ? (
            <SummaryTable
              caption={t('intervalsTitle')}
              testId="penalty-intervals"
              minWidth="min-w-[48rem]"
              columns={[
                { label: tf('obligation') },
                { label: t('from') },
                { label: t('to') },
                { label: t('days'), numeric: true },
                { label: t('overdue'), numeric: true },
                { label: t('dailyRate'), numeric: true },
                { label: t('penalty'), numeric: true },
              ]}
              rows={penalty.obligations.flatMap((o) =>
                o.intervals.map((i) => ({
                  key: `${o.key}-${i.from}`,
                  cells: [
                    obligation(o),
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
          ) : null}
        </>
      )}
      {penalty.allocations.length > 0 ? (
        <SummaryTable
          caption={t('allocationsTitle')}
          testId="penalty-allocations"
          columns={[
            { label: t('paymentDate') },
            { label: tf('appliedTo') },
            { label: t('allocatedAmount'), numeric: true },
          ]}
          rows={penalty.allocations.map((a, i) => ({
            key: `${i}`,
            cells: [dmy(a.paymentDate), applied(a.target), money(a.amountQepik, locale)],
          }))}
        />
      ) : null}
    </div>
  );
}
