'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { errorAt, shownErrors, type ShownError } from './field-errors';
import type { ActionResult } from '@/lib/server/actions';
import type { MonthValueInput } from '@/lib/server/reports/wizard-inputs';

type Props = {
  months: { month: string; label: string; value: string }[];
  kind: 'money' | 'count';
  submitLabel: string;
  save: (values: MonthValueInput[]) => Promise<ActionResult>;
};

/**
 * One value per month of the quarter (F7 labour payments, F18 headcount). Values travel as
 * typed; the server parses them exactly and answers per field, and nothing typed is lost.
 */
export function MonthValuesForm({ months, kind, submitLabel, save }: Props) {
  const t = useTranslations('wizard');
  const [values, setValues] = useState<Record<string, string>>(
    Object.fromEntries(months.map((m) => [m.month, m.value])),
  );
  const [errors, setErrors] = useState<ShownError[]>([]);
  const [pending, startTransition] = useTransition();
  const fieldId = (month: string) => `value-${month}`;
  return (
    <form
      id="step-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await save(
            months.map((m) => ({ month: m.month, value: values[m.month] ?? '' })),
          );
          // A field is 'labourPayments.2026-07' / 'headcount.2026-07': the month names the input.
          if (!result.ok)
            setErrors(
              shownErrors(result, (field) =>
                field ? fieldId(field.split('.').pop() ?? '') : undefined,
              ),
            );
        });
      }}
    >
      <ErrorSummary title={t('errorSummary')} errors={errors} />
      <div className="grid gap-x-6 sm:grid-cols-3">
        {months.map((m) => (
          <Field
            key={m.month}
            id={fieldId(m.month)}
            label={m.label}
            hint={kind === 'money' ? t('amountHint') : undefined}
            inputMode={kind === 'money' ? 'decimal' : 'numeric'}
            value={values[m.month] ?? ''}
            onChange={(e) => setValues((v) => ({ ...v, [m.month]: e.target.value }))}
            error={errorAt(errors, fieldId(m.month))}
            autoComplete="off"
          />
        ))}
      </div>
      <Button type="submit" disabled={pending} data-testid="step-forward">
        {submitLabel}
      </Button>
    </form>
  );
}
