'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { IdentifierField } from '@/components/ui/identifier-field';
import { formatDate } from '@/lib/i18n/format-date';
import type { ActionResult } from '@/lib/server/actions';
import { StatusNote } from './status-note';
import { usePersonsAction } from './use-persons-action';

type Value = {
  fin: string;
  entryId: string;
  period: 'days' | 'dates';
  days: string;
  fromDate: string;
  toDate: string;
};
const EMPTY: Value = { fin: '', entryId: '', period: 'days', days: '', fromDate: '', toDate: '' };
const FIELD_IDS: Record<string, string> = {
  fin: 'sen-fin',
  entryId: 'sen-entry',
  days: 'sen-days',
  fromDate: 'sen-from',
  toDate: 'sen-to',
};

/** F24 "Əlavə et": a person of the report, the list entry, and the days or from–to in the quarter. */
export function SeniorityForm({
  entries,
  quarter,
  add,
}: {
  entries: { value: string; label: string }[];
  quarter: { from: string; to: string };
  add: (v: Value) => Promise<ActionResult>;
}) {
  const t = useTranslations('wizardPersons');
  const tw = useTranslations('wizard');
  const [value, setValue] = useState<Value>(EMPTY);
  const { pending, error, status, run } = usePersonsAction();
  const errorAt = (id: string) => (error?.fieldId === id ? error.message : undefined);
  const set = (patch: Partial<Value>) => setValue((v) => ({ ...v, ...patch }));
  return (
    <form
      noValidate
      aria-labelledby="sen-title"
      className="mb-6 rounded-md border border-line p-4"
      data-testid="seniority-form"
      onSubmit={(e) => {
        e.preventDefault();
        run(() => add(value), {
          fieldId: (f) => (f ? FIELD_IDS[f] : undefined),
          onSuccess: () => setValue(EMPTY),
        });
      }}
    >
      <h2 id="sen-title" className="mb-3 text-lg font-semibold">
        {t('seniorityAddTitle')}
      </h2>
      <ErrorSummary
        title={tw('errorSummary')}
        errors={error ? [{ message: error.message, fieldId: error.fieldId }] : []}
      />
      <StatusNote text={status} testId="seniority-status" />
      <IdentifierField
        id="sen-fin"
        label={t('fin')}
        hint={t('seniorityFinHint')}
        value={value.fin}
        onChange={(e) => set({ fin: e.target.value })}
        error={errorAt('sen-fin')}
      />
      <div className="mb-4">
        <label htmlFor="sen-entry" className="block font-semibold">
          {t('seniorityEntry')}
        </label>
        {errorAt('sen-entry') ? (
          <p id="sen-entry-error" className="mt-1 font-semibold text-danger">
            {errorAt('sen-entry')}
          </p>
        ) : null}
        <select
          id="sen-entry"
          value={value.entryId}
          onChange={(e) => set({ entryId: e.target.value })}
          aria-invalid={errorAt('sen-entry') ? true : undefined}
          aria-describedby={errorAt('sen-entry') ? 'sen-entry-error' : undefined}
          className={`mt-1 block min-h-11 w-full max-w-xl rounded-md border-2 bg-surface px-3 py-2 ${errorAt('sen-entry') ? 'border-danger' : 'border-ink/70'}`}
        >
          <option value="">{t('chooseEntry')}</option>
          {entries.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="mb-4">
        <legend className="font-semibold">{t('seniorityPeriod')}</legend>
        <p className="text-sm text-muted">
          {t('seniorityPeriodHint', { from: formatDate(quarter.from), to: formatDate(quarter.to) })}
        </p>
        {(['days', 'dates'] as const).map((p) => (
          <label key={p} className="mt-1 flex min-h-11 items-center gap-2">
            <input
              type="radio"
              name="sen-period"
              checked={value.period === p}
              onChange={() => set({ period: p })}
              className="h-5 w-5"
              data-testid={`sen-period-${p}`}
            />
            {t(p === 'days' ? 'byDays' : 'byDates')}
          </label>
        ))}
      </fieldset>
      {value.period === 'days' ? (
        <Field
          id="sen-days"
          label={t('days')}
          inputMode="numeric"
          value={value.days}
          onChange={(e) => set({ days: e.target.value })}
          error={errorAt('sen-days')}
          autoComplete="off"
        />
      ) : (
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field
            id="sen-from"
            type="date"
            label={t('fromDate')}
            min={quarter.from}
            max={quarter.to}
            value={value.fromDate}
            onChange={(e) => set({ fromDate: e.target.value })}
            error={errorAt('sen-from')}
          />
          <Field
            id="sen-to"
            type="date"
            label={t('toDate')}
            min={quarter.from}
            max={quarter.to}
            value={value.toDate}
            onChange={(e) => set({ toDate: e.target.value })}
            error={errorAt('sen-to')}
          />
        </div>
      )}
      <Button type="submit" disabled={pending} data-testid="add-seniority">
        {t('add')}
      </Button>
    </form>
  );
}
