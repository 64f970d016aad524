'use client';

import { useLocale, useTranslations } from '@/lib/i18n/client/texts';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDelete } from '@/components/ui/confirm-delete';
import { ScrollTable } from '@/components/ui/scroll-table';
import { ErrorSummary } from '@/components/ui/error-summary';
import { errorAt } from '../field-errors';
import { CELL, money, NUM } from './display';
import type { ActionResult } from '@/lib/server/actions';
import type { NonLiableIncomeInput } from '@/lib/server/reports/wizard-inputs';
import type { NonLiableIncomeView, Option } from './money-types';
import { NLI_FIELD_IDS, NonLiableIncomeForm } from './non-liable-income-form';
import { StatusMessage } from './status-message';
import { useMoneyAction } from './use-money-action';

type Props = {
  rows: NonLiableIncomeView[];
  reasons: Option[];
  months: Option[];
  add: (input: NonLiableIncomeInput) => Promise<ActionResult>;
  update: (incomeId: string, input: NonLiableIncomeInput) => Promise<ActionResult>;
  remove: (incomeId: string) => Promise<ActionResult>;
};

const EMPTY: NonLiableIncomeInput = { reasonCode: '', month: '', amount: '' };

/** SPEC F8: the incomes not subject to MDSS, with add ("Əlavə et"), edit and delete. */
export function NonLiableIncomes({ rows, reasons, months, add, update, remove }: Props) {
  const t = useTranslations('wizardMoney');
  const tw = useTranslations('wizard');
  const locale = useLocale();
  const [form, setForm] = useState<{ id: string | null; value: NonLiableIncomeInput } | null>(null);
  const { pending, errors, status, run } = useMoneyAction();
  const label = (options: Option[], value: string) =>
    options.find((o) => o.value === value)?.label ?? value;
  const fieldId = (field: string | undefined) => (field ? NLI_FIELD_IDS[field] : undefined);
  const submit = () => {
    if (!form) return;
    const { id, value } = form;
    run(() => (id ? update(id, value) : add(value)), {
      success: id ? t('incomeUpdated') : t('incomeAdded'),
      fieldId,
      onSuccess: () => setForm(null),
    });
  };
  return (
    <div>
      <ErrorSummary title={tw('errorSummary')} errors={errors} />
      <StatusMessage text={status} />
      {rows.length === 0 ? (
        <p className="mb-4 text-muted" data-testid="non-liable-empty">
          {t('nonLiableEmpty')}
        </p>
      ) : (
        <ScrollTable
          label={t('nonLiable')}
          minWidth="min-w-[36rem]"
          testId="non-liable-table"
          columns={[
            { label: t('reason') },
            { label: tw('month') },
            { label: tw('amount'), align: 'right' },
            { label: t('actions'), srOnly: true },
          ]}
        >
          {rows.map((r) => {
            const names = {
              reason: label(reasons, r.reasonCode),
              month: label(months, r.month),
            };
            return (
              <tr key={r.id} className="border-b border-line" data-testid="non-liable-row">
                <th scope="row" className={`${CELL} font-normal`}>
                  {names.reason}
                </th>
                <td className={CELL}>{names.month}</td>
                <td className={NUM}>{money(r.amountQepik, locale)}</td>
                <td className="p-2">
                  <div className="flex flex-wrap justify-end gap-2">
                    <Button
                      variant="secondary"
                      disabled={pending}
                      aria-label={t('editLabel', names)}
                      onClick={() =>
                        setForm({
                          id: r.id,
                          value: {
                            reasonCode: r.reasonCode,
                            month: r.month,
                            amount: r.amountText,
                          },
                        })
                      }
                      data-testid="edit-non-liable"
                    >
                      {t('edit')}
                    </Button>
                    <ConfirmDelete
                      pending={pending}
                      label={t('remove')}
                      ariaLabel={t('deleteLabel', names)}
                      question={t('deleteIncomeConfirm', {
                        ...names,
                        amount: money(r.amountQepik, locale),
                      })}
                      confirmLabel={t('deleteYes')}
                      cancelLabel={t('cancel')}
                      onConfirm={() => run(() => remove(r.id), { success: t('incomeDeleted') })}
                      testId="delete-non-liable"
                    />
                  </div>
                </td>
              </tr>
            );
          })}
        </ScrollTable>
      )}
      {form ? (
        <NonLiableIncomeForm
          editing={form.id !== null}
          value={form.value}
          onChange={(value) => setForm({ ...form, value })}
          reasons={reasons}
          months={months}
          pending={pending}
          errorFor={(id) => errorAt(errors, id)}
          onSubmit={submit}
          onCancel={() => setForm(null)}
        />
      ) : (
        <Button
          variant="secondary"
          onClick={() => setForm({ id: null, value: EMPTY })}
          data-testid="open-non-liable"
        >
          {t('add')}
        </Button>
      )}
    </div>
  );
}
