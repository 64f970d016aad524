'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import Link from 'next/link';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import type { ActionRefusal } from '@/lib/server/actions';
import type { CreateReportInput } from '@/lib/server/reports/create-report';

type Period = { year: number; quarter: number };

type Props = {
  years: number[];
  activityCodes: { code: string; name: string }[];
  /** Per activity code, the quarter to start on: the earliest ended one not filed. */
  defaultPeriods: Record<string, Period>;
  create: (input: CreateReportInput) => Promise<ActionRefusal>;
};

const FIELD_IDS: Record<string, string> = {
  reportType: 'type-INITIAL',
  year: 'report-year',
  quarter: 'report-quarter',
  activityCode: 'report-activity',
};

const SELECT = 'mt-1 block w-full max-w-sm rounded-md border-2 bg-surface px-3 py-2';

/** SPEC F1–F3 on one page: type, year and quarter, activity code; "DAVAM ET" makes the draft. */
export function NewReportForm({ years, activityCodes, defaultPeriods, create }: Props) {
  const t = useTranslations('wizard');
  const ts = useTranslations('wizardSteps');
  const firstCode = activityCodes[0]?.code ?? '';
  const start = defaultPeriods[firstCode] ?? { year: years[0] ?? 2026, quarter: 1 };
  const [form, setForm] = useState({ reportType: 'INITIAL', ...start, activityCode: firstCode });
  // The period follows the activity code's default until the person picks one.
  const [periodChosen, setPeriodChosen] = useState(false);
  const [error, setError] = useState<ActionRefusal | null>(null);
  const [pending, startTransition] = useTransition();
  const errorField = error?.field === 'year' ? 'quarter' : error?.field;
  const inline = (field: string) =>
    errorField === field && error ? (
      <p id={`${field}-error`} className="mt-1 font-semibold text-danger">
        {error.message}
      </p>
    ) : null;
  const invalid = (field: string) =>
    errorField === field
      ? { 'aria-invalid': true as const, 'aria-describedby': `${field}-error` }
      : {};
  const border = (field: string) => (errorField === field ? 'border-danger' : 'border-ink/70');
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => setError(await create(form)));
      }}
    >
      <ErrorSummary
        title={t('errorSummary')}
        errors={
          error
            ? [
                {
                  message: error.message,
                  fieldId: error.field ? FIELD_IDS[error.field] : undefined,
                },
              ]
            : []
        }
      />
      {error?.link ? (
        <p className="mb-4">
          <Link href={error.link.href} data-testid="existing-report-link">
            {error.link.label}
          </Link>
        </p>
      ) : null}
      <fieldset className="mb-6">
        <legend className="font-semibold">{ts('F1')}</legend>
        {inline('reportType')}
        {(['INITIAL', 'CORRECTIVE'] as const).map((type) => (
          <label key={type} className="mt-2 flex items-center gap-3">
            <input
              id={`type-${type}`}
              type="radio"
              name="reportType"
              value={type}
              checked={form.reportType === type}
              onChange={() => setForm({ ...form, reportType: type })}
              className="h-5 w-5"
            />
            {t(`type${type}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="mb-6" aria-describedby="period-hint">
        <legend className="font-semibold">{ts('F2')}</legend>
        <p id="period-hint" className="text-sm text-muted">
          {t('periodDefaultHint')}
        </p>
        {inline('quarter')}
        <div className="flex flex-wrap gap-4">
          <label className="block">
            {t('year')}
            <select
              id="report-year"
              value={form.year}
              onChange={(e) => {
                setPeriodChosen(true);
                setForm({ ...form, year: Number(e.target.value) });
              }}
              className={`${SELECT} ${border('quarter')}`}
              {...invalid('quarter')}
            >
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label className="block">
            {t('quarter')}
            <select
              id="report-quarter"
              value={form.quarter}
              onChange={(e) => {
                setPeriodChosen(true);
                setForm({ ...form, quarter: Number(e.target.value) });
              }}
              className={`${SELECT} ${border('quarter')}`}
              {...invalid('quarter')}
            >
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  {t('quarterN', { n: q })}
                </option>
              ))}
            </select>
          </label>
        </div>
      </fieldset>
      <label className="mb-6 block">
        <span className="font-semibold">{ts('F3')}</span>
        {inline('activityCode')}
        <select
          id="report-activity"
          value={form.activityCode}
          onChange={(e) => {
            const activityCode = e.target.value;
            const period = periodChosen ? null : defaultPeriods[activityCode];
            setForm({ ...form, activityCode, ...(period ?? {}) });
          }}
          className={`${SELECT} ${border('activityCode')}`}
          {...invalid('activityCode')}
        >
          {activityCodes.map((a) => (
            <option key={a.code} value={a.code}>
              {a.code} — {a.name}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" disabled={pending} data-testid="create-report">
        {t('create')}
      </Button>
    </form>
  );
}
