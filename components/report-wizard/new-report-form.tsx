'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import type { ActionRefusal } from './types';

type Props = {
  years: number[];
  activityCodes: { code: string; name: string }[];
  create: (input: { reportType: string; year: number; quarter: number; activityCode: string }) => Promise<ActionRefusal>;
};

const FIELD_IDS: Record<string, string> = { reportType: 'type-INITIAL', year: 'report-year', quarter: 'report-quarter', activityCode: 'report-activity' };

/** SPEC F1–F3 on one page: type, year and quarter, activity code; "DAVAM ET" makes the draft. */
export function NewReportForm({ years, activityCodes, create }: Props) {
  const t = useTranslations('wizard');
  const ts = useTranslations('wizardSteps');
  const [form, setForm] = useState({ reportType: 'INITIAL', year: years[0] ?? 2026, quarter: 1, activityCode: activityCodes[0]?.code ?? '' });
  const [error, setError] = useState<ActionRefusal | null>(null);
  const [pending, startTransition] = useTransition();
  const select = 'mt-1 block w-full max-w-sm rounded-md border-2 border-ink/70 bg-surface px-3 py-2';
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => setError(await create(form)));
      }}
    >
      <ErrorSummary title={t('errorSummary')} errors={error ? [{ message: error.message, fieldId: error.field ? FIELD_IDS[error.field] : undefined }] : []} />
      {error?.link ? (
        <p className="mb-4">
          <Link href={error.link.href} data-testid="existing-report-link">{error.link.label}</Link>
        </p>
      ) : null}
      <fieldset className="mb-6">
        <legend className="font-semibold">{ts('F1')}</legend>
        {(['INITIAL', 'CORRECTIVE'] as const).map((type) => (
          <label key={type} className="mt-2 flex items-center gap-3">
            <input id={`type-${type}`} type="radio" name="reportType" value={type} checked={form.reportType === type} onChange={() => setForm({ ...form, reportType: type })} className="h-5 w-5" />
            {t(`type${type}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="mb-6">
        <legend className="font-semibold">{ts('F2')}</legend>
        <div className="flex flex-wrap gap-4">
          <label className="block">
            {t('year')}
            <select id="report-year" value={form.year} onChange={(e) => setForm({ ...form, year: Number(e.target.value) })} className={select}>
              {years.map((y) => (
                <option key={y} value={y}>{y}</option>
              ))}
            </select>
          </label>
          <label className="block">
            {t('quarter')}
            <select id="report-quarter" value={form.quarter} onChange={(e) => setForm({ ...form, quarter: Number(e.target.value) })} className={select}>
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>{t('quarterN', { n: q })}</option>
              ))}
            </select>
          </label>
        </div>
      </fieldset>
      <label className="mb-6 block">
        <span className="font-semibold">{ts('F3')}</span>
        <select id="report-activity" value={form.activityCode} onChange={(e) => setForm({ ...form, activityCode: e.target.value })} className={select}>
          {activityCodes.map((a) => (
            <option key={a.code} value={a.code}>{a.code} — {a.name}</option>
          ))}
        </select>
      </label>
      <Button type="submit" disabled={pending} data-testid="create-report">{t('create')}</Button>
    </form>
  );
}
