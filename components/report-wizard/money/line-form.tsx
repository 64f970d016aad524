'use client';

import Link from 'next/link';
import { useTranslations } from '@/lib/i18n/client/texts';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { errorAt, shownErrors, type ShownError } from '../field-errors';
import type { ActionResult } from '@/lib/server/actions';

type Values = { accrued: string; paid: string };

type Props = {
  initial: Values;
  /** F15: the accrued amount is the fund's (formatted), shown but not typed. */
  accruedFixed?: { label: string; text: string };
  save: (values: Values) => Promise<ActionResult>;
  backHref: string | null;
};

const FIELD_IDS: Record<string, string> = { accrued: 'line-accrued', paid: 'line-paid' };

/** F13–F16: accrued and paid of one report line; "Növbəti" saves and moves on. */
export function LineForm({ initial, accruedFixed, save, backHref }: Props) {
  const t = useTranslations('wizardMoney');
  const tw = useTranslations('wizard');
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<ShownError[]>([]);
  const [pending, startTransition] = useTransition();
  return (
    <form
      id="step-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await save(values);
          if (!result.ok)
            setErrors(shownErrors(result, (field) => (field ? FIELD_IDS[field] : undefined)));
        });
      }}
    >
      <ErrorSummary title={tw('errorSummary')} errors={errors} />
      {accruedFixed ? (
        <dl className="mb-4">
          <dt className="font-semibold">{accruedFixed.label}</dt>
          <dd className="mt-1 text-lg tabular-nums" data-testid="line-accrued-fixed">
            {accruedFixed.text}
          </dd>
        </dl>
      ) : (
        <Field
          id="line-accrued"
          label={t('accrued')}
          hint={tw('amountHint')}
          inputMode="decimal"
          autoComplete="off"
          value={values.accrued}
          onChange={(e) => setValues({ ...values, accrued: e.target.value })}
          error={errorAt(errors, 'line-accrued')}
        />
      )}
      <Field
        id="line-paid"
        label={t('paid')}
        hint={tw('amountHint')}
        inputMode="decimal"
        autoComplete="off"
        value={values.paid}
        onChange={(e) => setValues({ ...values, paid: e.target.value })}
        error={errorAt(errors, 'line-paid')}
      />
      <div className="mt-8 flex flex-wrap gap-3 border-t border-line pt-4">
        {backHref ? (
          <Link
            href={backHref}
            className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-600 px-4 py-2 font-semibold no-underline"
          >
            {tw('back')}
          </Link>
        ) : null}
        <Button type="submit" disabled={pending} data-testid="step-forward">
          {tw('next')}
        </Button>
      </div>
    </form>
  );
}
