'use client';

import { useLocale, useTranslations } from '@/lib/i18n/client/texts';
import { ConfirmDelete } from '@/components/ui/confirm-delete';
import { ScrollTable } from '@/components/ui/scroll-table';
import { CELL, dmy, money, NUM } from './display';
import type { AddedPaymentView } from './money-types';

type Props = {
  rows: AddedPaymentView[];
  totalUsedQepik: number;
  pending: boolean;
  onRemove: (paymentId: string) => void;
};

/** F6: the payments the report uses, each with its remove button (which asks first), and the total. */
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
    <ScrollTable
      label={t('addedTitle')}
      minWidth="min-w-[40rem]"
      testId="added-payments"
      footer={
        <tr>
          <th scope="row" colSpan={4} className={CELL}>
            {t('totalUsed')}
          </th>
          <td className={NUM} data-testid="total-used">
            {money(totalUsedQepik, locale)}
          </td>
          <td />
        </tr>
      }
      columns={[
        { label: t('paymentDate') },
        { label: t('bankReference') },
        { label: t('classCode') },
        { label: t('paymentAmount'), align: 'right' },
        { label: t('usedAmount'), align: 'right' },
        { label: t('actions'), srOnly: true },
      ]}
    >
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
            <ConfirmDelete
              variant="secondary"
              className="whitespace-nowrap"
              pending={pending}
              label={t('remove')}
              ariaLabel={t('removeLabel', { date: dmy(r.paymentDate) })}
              question={t('removeConfirm', {
                date: dmy(r.paymentDate),
                amount: money(r.usedQepik, locale),
              })}
              confirmLabel={t('deleteYes')}
              cancelLabel={t('cancel')}
              onConfirm={() => onRemove(r.paymentId)}
              testId="remove-payment"
            />
          </td>
        </tr>
      ))}
    </ScrollTable>
  );
}
