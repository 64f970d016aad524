'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import type { ActionResult } from './types';

type Props = {
  months: { month: string; label: string; value: string }[];
  kind: 'money' | 'count';
  submitLabel: string;
  save: (values: { month: string; value: string }[]) => Promise<ActionResult>;
};

/**
 * One value per month of the quarter (F7 labour payments, F18 headcount). Values travel as
 * typed; the server parses them exactly and answers per field, and nothing typed is lost.
 */
export function MonthValuesForm({ months, kind, submitLabel, save }: Props) {
  const t = useTranslations('wizard');
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(months.map((m) => [m.month, m.value])));
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const fieldId = (month: string) => `value-${month}`;
  return (
    <form
      id="step-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await save(months.map((m) => ({ month: m.month, value: values[m.month] ?? '' })));
          if (!result.ok) setError({ field: result.field, message: result.message });
        });
      }}
    >
      <ErrorSummary
        title={t('errorSummary')}
        errors={error ? [{ message: error.message, fieldId: error.field ? fieldId(error.field.split('.').pop() ?? '') : undefined }] : []}
      />
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
            error={error?.field?.endsWith(m.month) ? error.message : undefined}
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
