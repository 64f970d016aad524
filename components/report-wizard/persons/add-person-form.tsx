'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { IdentifierField } from '@/components/ui/identifier-field';
import type { ActionResult } from '@/lib/server/actions';
import type { PersonInput } from '@/lib/server/reports/wizard-inputs';
import type { IncomeTexts, MonthColumn } from './persons-types';
import { StatusNote } from './status-note';
import { usePersonsAction } from './use-persons-action';

const EMPTY: IncomeTexts = ['', '', ''];

/** Maps a use-case field ('fin', 'incomes.1') to the input it belongs to. */
export const personFieldId = (prefix: string) => (field: string | undefined) =>
  field === 'fin'
    ? `${prefix}-fin`
    : field?.startsWith('incomes.')
      ? `${prefix}-income-${field.split('.')[1]}`
      : undefined;

/** F20 "Əlavə et": FIN and the income of each month; the registry gives the name. */
export function AddPersonForm({
  months,
  add,
}: {
  months: MonthColumn[];
  add: (input: PersonInput) => Promise<ActionResult>;
}) {
  const t = useTranslations('wizardPersons');
  const tw = useTranslations('wizard');
  const [fin, setFin] = useState('');
  const [incomes, setIncomes] = useState<IncomeTexts>(EMPTY);
  const { pending, errors, status, run } = usePersonsAction();
  const errorAt = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <form
      noValidate
      aria-labelledby="add-person-title"
      className="rounded-md border border-line p-4"
      data-testid="add-person-form"
      onSubmit={(e) => {
        e.preventDefault();
        run(() => add({ fin, incomes }), {
          fieldId: personFieldId('person'),
          onSuccess: () => {
            setFin('');
            setIncomes(EMPTY);
          },
        });
      }}
    >
      <h2 id="add-person-title" className="mb-3 text-lg font-semibold">
        {t('addTitle')}
      </h2>
      <ErrorSummary title={tw('errorSummary')} errors={errors} />
      <StatusNote text={status} testId="person-added" />
      <IdentifierField
        id="person-fin"
        label={t('fin')}
        hint={t('finHint')}
        value={fin}
        onChange={(e) => setFin(e.target.value)}
        error={errorAt('person-fin')}
      />
      <fieldset>
        <legend className="font-semibold">{t('incomesLegend')}</legend>
        <p className="mb-2 text-sm text-muted">{t('incomesHint')}</p>
        <div className="grid gap-x-4 sm:grid-cols-3">
          {months.map((m, i) => (
            <Field
              key={m.month}
              id={`person-income-${i}`}
              label={m.label}
              inputMode="decimal"
              value={incomes[i] ?? ''}
              onChange={(e) =>
                setIncomes((v) => v.map((x, k) => (k === i ? e.target.value : x)) as IncomeTexts)
              }
              error={errorAt(`person-income-${i}`)}
              autoComplete="off"
            />
          ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={pending} data-testid="add-person">
        {t('add')}
      </Button>
    </form>
  );
}
