'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import type { ActionResult } from '@/lib/server/actions';
import { StatusNote } from './status-note';
import { usePersonsAction } from './use-persons-action';

export type ReviewWarning = {
  key: string;
  text: string;
  href: string | null;
  stepLabel: string;
  reason: string | null;
};

/** Check answers: each warning needs a reason before the draft can be marked ready. */
export function ReviewWarnings({
  warnings,
  confirm,
}: {
  warnings: ReviewWarning[];
  confirm: (list: { key: string; reason: string }[]) => Promise<ActionResult>;
}) {
  const t = useTranslations('wizardPersons');
  const tw = useTranslations('wizard');
  const open = warnings.filter((w) => w.reason === null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const { pending, error, status, run } = usePersonsAction();
  const fieldOf = (field: string | undefined) => {
    const index = Number(field?.split('.')[1]);
    const key = Number.isInteger(index) ? open[index]?.key : undefined;
    return key ? `reason-${key}` : undefined;
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        run(() => confirm(open.map((w) => ({ key: w.key, reason: reasons[w.key] ?? '' }))), {
          fieldId: fieldOf,
        });
      }}
      data-testid="review-warnings"
    >
      <ErrorSummary
        title={tw('errorSummary')}
        errors={error ? [{ message: error.message, fieldId: error.fieldId }] : []}
      />
      <StatusNote text={status} testId="warnings-status" />
      <ul className="space-y-4">
        {warnings.map((w) => {
          const id = `reason-${w.key}`;
          const message = error?.fieldId === id ? error.message : undefined;
          return (
            <li
              key={w.key}
              className="rounded-md border-l-4 border-warning bg-warning-50 p-3"
              data-testid="review-warning"
            >
              <p className="font-semibold">{w.text}</p>
              {w.href ? (
                <a href={w.href} className="inline-flex min-h-11 items-center">
                  {t('fixAt', { step: w.stepLabel })}
                </a>
              ) : null}
              {w.reason !== null ? (
                <p className="mt-1" data-testid="warning-confirmed">
                  {t('confirmedWith', { reason: w.reason })}
                </p>
              ) : (
                <div className="mt-2">
                  <label htmlFor={id} className="block font-semibold">
                    {t('reason')}
                  </label>
                  {message ? (
                    <p id={`${id}-error`} className="mt-1 font-semibold text-danger">
                      {message}
                    </p>
                  ) : null}
                  <textarea
                    id={id}
                    rows={2}
                    maxLength={500}
                    value={reasons[w.key] ?? ''}
                    onChange={(e) => setReasons((r) => ({ ...r, [w.key]: e.target.value }))}
                    aria-invalid={message ? true : undefined}
                    aria-describedby={message ? `${id}-error` : undefined}
                    className={`mt-1 w-full max-w-xl rounded-md border-2 px-3 py-2 ${message ? 'border-danger' : 'border-ink/70'}`}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {open.length > 0 ? (
        <Button type="submit" disabled={pending} className="mt-4" data-testid="confirm-warnings">
          {t('confirmWarnings')}
        </Button>
      ) : null}
    </form>
  );
}
