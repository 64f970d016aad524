'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { CELL, dmy, money, NUM } from './display';
import type { AddedPaymentView } from './money-types';

type Props = {
  rows: AddedPaymentView[];
  totalUsedQepik: number;
  pending: boolean;
  onRemove: (paymentId: string) => void;
};

/** F6: the payments the report uses, each with its remove button, and the total. */
export function AddedPaymentsTable({ rows, totalUsedQepik, pending, onRemove }: Props) {
  const t = useTranslations('wizardMoney');
  const locale = useLocale();
  if (rows.length === 0)
    return (
      <p className="mb-4 text-muted" data-testid="added-empty">
        {t('addedEmpty')}
      </p>
    );
  return (
    <div
      className="relative mb-4 overflow-x-auto"
      tabIndex={0}
      role="region"
      aria-label={t('addedTitle')}
    >
      <table className="w-full min-w-[40rem] text-left" data-testid="added-payments">
        <caption className="sr-only">{t('addedTitle')}</caption>
        <thead className="border-b-2 border-line">
          <tr>
            <th scope="col" className="p-3">
              {t('paymentDate')}
            </th>
            <th scope="col" className="p-3">
              {t('bankReference')}
            </th>
            <th scope="col" className="p-3">
              {t('classCode')}
            </th>
            <th scope="col" className="p-3 text-right">
              {t('paymentAmount')}
            </th>
            <th scope="col" className="p-3 text-right">
              {t('usedAmount')}
            </th>
            <th scope="col" className="p-3">
              <span className="sr-only">{t('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.paymentId} className="border-b border-line" data-testid="added-payment-row">
              <th scope="row" className={`${CELL} font-normal`}>
                {dmy(r.paymentDate)}
              </th>
              <td className={CELL}>{r.bankReference}</td>
              <td className={CELL}>{r.economicClassCode}</td>
              <td className={NUM}>{money(r.paymentAmountQepik, locale)}</td>
              <td className={NUM} data-testid="used-amount">
                {money(r.usedQepik, locale)}
              </td>
              <td className="p-2 text-right">
                <Button
                  variant="secondary"
                  className="whitespace-nowrap"
                  disabled={pending}
                  onClick={() => onRemove(r.paymentId)}
                  aria-label={t('removeLabel', { date: dmy(r.paymentDate) })}
                  data-testid="remove-payment"
                >
                  {t('remove')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-line font-semibold">
          <tr>
            <th scope="row" colSpan={4} className={CELL}>
              {t('totalUsed')}
            </th>
            <td className={NUM} data-testid="total-used">
              {money(totalUsedQepik, locale)}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
