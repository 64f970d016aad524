'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { NonLiableIncomeInput } from '@/lib/server/reports/wizard-inputs';
import type { Option } from './money-types';
import { SelectField } from '@/components/ui/select-field';

export const NLI_FIELD_IDS: Record<string, string> = {
  reasonCode: 'nli-reason',
  month: 'nli-month',
  amount: 'nli-amount',
};

type Props = {
  editing: boolean;
  value: NonLiableIncomeInput;
  onChange: (value: NonLiableIncomeInput) => void;
  reasons: Option[];
  months: Option[];
  pending: boolean;
  errorFor: (fieldId: string) => string | undefined;
  onSubmit: () => void;
  onCancel: () => void;
};

/** F8: reason, month of the quarter and amount of one income not subject to MDSS. */
export function NonLiableIncomeForm({
  editing,
  value,
  onChange,
  reasons,
  months,
  pending,
  errorFor,
  onSubmit,
  onCancel,
}: Props) {
  const t = useTranslations('wizardMoney');
  const tw = useTranslations('wizard');
  return (
    <form
      noValidate
      className="mt-4 rounded-md border border-line p-3 sm:p-4"
      aria-labelledby="nli-form-title"
      data-testid="non-liable-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h2 id="nli-form-title" className="mb-3 text-lg font-semibold">
        {editing ? t('editIncome') : t('newIncome')}
      </h2>
      <SelectField
        id="nli-reason"
        label={t('reason')}
        emptyLabel={t('chooseReason')}
        options={reasons}
        value={value.reasonCode}
        onChange={(e) => onChange({ ...value, reasonCode: e.target.value })}
        error={errorFor('nli-reason')}
      />
      <SelectField
        id="nli-month"
        label={tw('month')}
        emptyLabel={t('chooseMonth')}
        options={months}
        value={value.month}
        onChange={(e) => onChange({ ...value, month: e.target.value })}
        error={errorFor('nli-month')}
      />
      <Field
        id="nli-amount"
        label={tw('amount')}
        hint={tw('amountHint')}
        inputMode="decimal"
        autoComplete="off"
        value={value.amount}
        onChange={(e) => onChange({ ...value, amount: e.target.value })}
        error={errorFor('nli-amount')}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending} data-testid="save-non-liable">
          {editing ? tw('save') : t('add')}
        </Button>
        <Button variant="secondary" disabled={pending} onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
