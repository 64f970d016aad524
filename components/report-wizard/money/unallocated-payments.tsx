'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { Fragment } from 'react';
import { Button } from '@/components/ui/button';
import { ScrollTable } from '@/components/ui/scroll-table';
import { Field } from '@/components/ui/field';
import { CELL, dmy, money, NUM } from './display';
import type { UnallocatedPaymentView } from './money-types';

export type UnallocatedPage = {
  rows: UnallocatedPaymentView[];
  total: number;
  totalRemainderQepik: number;
  page: number;
  pages: number;
  prevHref: string | null;
  nextHref: string | null;
};

type Props = {
  list: UnallocatedPage;
  pending: boolean;
  /** Rows whose amount field is open, with the text typed in it. */
  drafts: Record<string, string>;
  setDraft: (id: string, text: string | null) => void;
  errorFor: (fieldId: string) => string | undefined;
  onAdd: (id: string) => void;
  onAddAll: () => void;
};

export const partialFieldId = (paymentId: string) => `partial-${paymentId}`;

/**
 * F6 "Ödəniş əlavə et": the employer's payments with a remainder. "Əlavə et" on a row opens
 * the amount (prefilled with the whole remainder) and adds it; "HAMISINI ƏLAVƏ ET" adds the
 * remainder of every listed payment, on every page.
 */
export function UnallocatedPayments({
  list,
  pending,
  drafts,
  setDraft,
  errorFor,
  onAdd,
  onAddAll,
}: Props) {
  const t = useTranslations('wizardMoney');
  const locale = useLocale();
  if (list.total === 0)
    return (
      <p className="mt-4 text-muted" data-testid="unallocated-empty">
        {t('unallocatedEmpty')}
      </p>
    );
  return (
    <section
      id="unallocated-payments"
      aria-labelledby="unallocated-title"
      className="mt-4 rounded-md border border-line p-3 sm:p-4"
    >
      <h2 id="unallocated-title" className="text-lg font-semibold">
        {t('unallocatedTitle')}
      </h2>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <p className="text-muted">
          {t('unallocatedSummary', {
            count: list.total,
            amount: money(list.totalRemainderQepik, locale),
          })}
        </p>
        <Button disabled={pending} onClick={onAddAll} data-testid="add-all-payments">
          {t('addAll')}
        </Button>
      </div>
      <ScrollTable
        label={t('unallocatedTitle')}
        minWidth="min-w-[44rem]"
        testId="unallocated-payments"
        className="mt-3"
        columns={[
          { label: t('paymentDate') },
          { label: t('bankReference') },
          { label: t('classCode') },
          { label: t('paymentAmount'), align: 'right' },
          { label: t('remainder'), align: 'right' },
          { label: t('actions'), srOnly: true },
        ]}
      >
        {list.rows.map((r) => {
          const open = drafts[r.id] !== undefined;
          const fieldId = partialFieldId(r.id);
          return (
            <Fragment key={r.id}>
              <tr
                className={open ? 'bg-brand-50' : 'border-b border-line'}
                data-testid="unallocated-row"
                data-payment-id={r.id}
              >
                <th scope="row" className={`${CELL} font-normal`}>
                  {dmy(r.paymentDate)}
                </th>
                <td className={CELL}>{r.bankReference}</td>
                <td className={CELL}>{r.economicClassCode}</td>
                <td className={NUM}>{money(r.amountQepik, locale)}</td>
                <td className={NUM}>{money(r.remainderQepik, locale)}</td>
                <td className="p-2 text-right">
                  {open ? null : (
                    <Button
                      variant="secondary"
                      className="whitespace-nowrap"
                      disabled={pending}
                      onClick={() => setDraft(r.id, r.remainderText)}
                      aria-label={t('addRowLabel', {
                        date: dmy(r.paymentDate),
                        amount: money(r.remainderQepik, locale),
                      })}
                      aria-controls={`${fieldId}-row`}
                      aria-expanded={false}
                      data-testid="add-payment"
                    >
                      {t('add')}
                    </Button>
                  )}
                </td>
              </tr>
              {open ? (
                <tr
                  id={`${fieldId}-row`}
                  className="border-b border-line bg-brand-50"
                  data-testid="partial-row"
                >
                  <td colSpan={6} className="p-3">
                    <form
                      noValidate
                      className="flex flex-wrap items-end gap-3"
                      onSubmit={(e) => {
                        e.preventDefault();
                        onAdd(r.id);
                      }}
                    >
                      <Field
                        id={fieldId}
                        label={t('partialLabel')}
                        hint={t('partialHint')}
                        inputMode="decimal"
                        autoComplete="off"
                        value={drafts[r.id] ?? ''}
                        onChange={(e) => setDraft(r.id, e.target.value)}
                        error={errorFor(fieldId)}
                        className="mb-0 min-w-56 flex-1"
                      />
                      <div className="flex gap-2 pb-0.5">
                        <Button type="submit" disabled={pending} data-testid="confirm-add-payment">
                          {t('add')}
                        </Button>
                        <Button
                          variant="secondary"
                          disabled={pending}
                          onClick={() => setDraft(r.id, null)}
                        >
                          {t('cancel')}
                        </Button>
                      </div>
                    </form>
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </ScrollTable>
      {list.pages > 1 ? (
        <nav aria-label={t('pagination')} className="mt-3 flex flex-wrap items-center gap-3">
          {list.prevHref ? (
            <Link
              href={list.prevHref}
              scroll={false}
              className="inline-flex min-h-11 items-center px-2"
            >
              {t('prevPage')}
            </Link>
          ) : null}
          <span>{t('pageOf', { page: list.page, pages: list.pages })}</span>
          {list.nextHref ? (
            <Link
              href={list.nextHref}
              scroll={false}
              className="inline-flex min-h-11 items-center px-2"
            >
              {t('nextPage')}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
