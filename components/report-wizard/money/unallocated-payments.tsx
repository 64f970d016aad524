'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from '@/lib/i18n/client/texts';
import { Fragment } from 'react';
import { Button } from '@/components/ui/button';
import { ScrollTable } from '@/components/ui/scroll-table';
import { Field } from '@/components/ui/field';
import { CELL, dmy, money, NUM } from './display';
import type { UnallocatedPaymentView } from './money-types';

type Group = { count: number; remainderQepik: number };

export type UnallocatedPage = {
  rows: UnallocatedPaymentView[];
  total: number;
  totalRemainderQepik: number;
  /** Payments dated up to the quarter's last day, and those after it. */
  upToQuarterEnd: Group;
  afterQuarter: Group;
  /** The quarter's last day, 'YYYY-MM-DD'. */
  quarterEnd: string;
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
  /** "Rübdən sonrakı ödənişləri də daxil et": whether "add all" takes the later ones too. */
  includeLater: boolean;
  setIncludeLater: (value: boolean) => void;
  onAddAll: () => void;
};

export const INCLUDE_LATER_ID = 'include-later';

/** A later payment's mark: words, not colour alone, so a screen reader reads it in the row. */
function AfterQuarterBadge({ label }: { label: string }) {
  return (
    <span
      className="ml-2 inline-block whitespace-nowrap rounded border-2 border-warning bg-warning-50 px-1.5 text-sm font-semibold text-warning"
      data-testid="after-quarter-badge"
    >
      {label}
    </span>
  );
}

export const partialFieldId = (paymentId: string) => `partial-${paymentId}`;

/**
 * F6 "Ödəniş əlavə et": the employer's payments with a remainder, those up to the quarter's end
 * first and those after it last, marked. "Əlavə et" on a row opens the amount (prefilled with
 * the whole remainder) and adds it; "HAMISINI ƏLAVƏ ET" adds the remainder of every payment up
 * to the quarter's end, on every page, and of the later ones when the box is ticked.
 */
export function UnallocatedPayments({
  list,
  pending,
  drafts,
  setDraft,
  errorFor,
  onAdd,
  includeLater,
  setIncludeLater,
  onAddAll,
}: Props) {
  const t = useTranslations('wizardMoney');
  const locale = useLocale();
  const chosen = includeLater
    ? { count: list.total, remainderQepik: list.totalRemainderQepik }
    : list.upToQuarterEnd;
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
      <ul className="mt-2 text-muted" data-testid="unallocated-summary">
        <li>
          {t('unallocatedUpToEnd', {
            date: dmy(list.quarterEnd),
            count: list.upToQuarterEnd.count,
            amount: money(list.upToQuarterEnd.remainderQepik, locale),
          })}
        </li>
        {list.afterQuarter.count > 0 ? (
          <li>
            {t('unallocatedAfter', {
              count: list.afterQuarter.count,
              amount: money(list.afterQuarter.remainderQepik, locale),
            })}
          </li>
        ) : null}
      </ul>
      {list.afterQuarter.count > 0 ? (
        <div className="mt-3">
          <label htmlFor={INCLUDE_LATER_ID} className="flex min-h-11 items-center gap-3">
            <input
              id={INCLUDE_LATER_ID}
              type="checkbox"
              checked={includeLater}
              onChange={(e) => setIncludeLater(e.target.checked)}
              aria-describedby={`${INCLUDE_LATER_ID}-hint`}
              className="h-5 w-5"
              data-testid="include-later"
            />
            {t('includeLater')}
          </label>
          <p id={`${INCLUDE_LATER_ID}-hint`} className="text-sm text-muted">
            {t('afterQuarterNote')}
          </p>
        </div>
      ) : null}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button
          disabled={pending}
          onClick={onAddAll}
          aria-describedby="add-all-will"
          data-testid="add-all-payments"
        >
          {t('addAll')}
        </Button>
        <p id="add-all-will" className="text-muted" data-testid="add-all-will">
          {t('addAllWill', {
            count: chosen.count,
            amount: money(chosen.remainderQepik, locale),
          })}
        </p>
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
        {list.rows.map((r, i) => {
          const open = drafts[r.id] !== undefined;
          const fieldId = partialFieldId(r.id);
          const firstLater = r.afterQuarter && !list.rows[i - 1]?.afterQuarter;
          return (
            <Fragment key={r.id}>
              {firstLater ? (
                <tr
                  className="border-b border-line bg-warning-50"
                  data-testid="after-quarter-group"
                >
                  <th scope="colgroup" colSpan={6} className={`${CELL} text-left text-warning`}>
                    {t('afterQuarterGroup', { date: dmy(list.quarterEnd) })}
                  </th>
                </tr>
              ) : null}
              <tr
                className={open ? 'bg-brand-50' : 'border-b border-line'}
                data-testid="unallocated-row"
                data-payment-id={r.id}
                data-after-quarter={r.afterQuarter ? 'true' : 'false'}
              >
                <th scope="row" className={`${CELL} font-normal`}>
                  {dmy(r.paymentDate)}
                  {r.afterQuarter ? <AfterQuarterBadge label={t('afterQuarter')} /> : null}
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
                      aria-label={t(r.afterQuarter ? 'addRowLabelLater' : 'addRowLabel', {
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
