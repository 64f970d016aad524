'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/server/actions';
import { usePersonsAction } from './use-persons-action';

export type PersonRowData = {
  fin: string;
  surname: string;
  name: string;
  patronymic: string;
  /** Per month: as shown (formatted) and as typed back. */
  incomes: { shown: string; typed: string; label: string }[];
  totalShown: string;
  detailHref: string;
};

const NUM = 'p-2 text-right whitespace-nowrap tabular-nums align-top';

/** One insured person in the F20 list: incomes edited in place, removal confirmed in place. */
export function PersonRow({
  person,
  update,
  remove,
}: {
  person: PersonRowData;
  update: (fin: string, values: string[]) => Promise<ActionResult>;
  remove: (fin: string) => Promise<ActionResult>;
}) {
  const t = useTranslations('wizardPersons');
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm'>('view');
  const [values, setValues] = useState(person.incomes.map((i) => i.typed));
  const { pending, error, run } = usePersonsAction();
  const who = `${person.surname} ${person.name} (${person.fin})`;
  const fieldIndex = error?.fieldId ? Number(error.fieldId) : -1;
  return (
    <tr className="border-b border-line" data-testid="person-row" data-fin={person.fin}>
      <th scope="row" className="p-2 text-left font-mono font-normal align-top">
        <a
          href={person.detailHref}
          className="inline-flex min-h-11 items-center"
          aria-label={t('detailOf', { who })}
          data-testid="person-detail-link"
        >
          {person.fin}
        </a>
      </th>
      <td className="p-2 align-top">{person.surname}</td>
      <td className="p-2 align-top">{person.name}</td>
      <td className="p-2 align-top">{person.patronymic}</td>
      {person.incomes.map((income, i) => (
        <td key={income.label} className={NUM}>
          {mode === 'edit' ? (
            <>
              <label htmlFor={`edit-${person.fin}-${i}`} className="sr-only">
                {t('incomeOf', { month: income.label, who })}
              </label>
              <input
                id={`edit-${person.fin}-${i}`}
                inputMode="decimal"
                autoComplete="off"
                value={values[i] ?? ''}
                onChange={(e) => setValues((v) => v.map((x, k) => (k === i ? e.target.value : x)))}
                aria-invalid={fieldIndex === i ? true : undefined}
                aria-describedby={fieldIndex === i ? `edit-${person.fin}-error` : undefined}
                className={`min-h-11 w-28 rounded-md border-2 px-2 text-right ${fieldIndex === i ? 'border-danger' : 'border-ink/70'}`}
              />
            </>
          ) : (
            income.shown
          )}
        </td>
      ))}
      <td className={NUM}>{person.totalShown}</td>
      <td className="p-2 align-top">
        {error ? (
          <p
            id={`edit-${person.fin}-error`}
            role="alert"
            className="mb-2 font-semibold text-danger"
          >
            {error.message}
          </p>
        ) : null}
        <div className="flex flex-col gap-2">
          {mode === 'view' ? (
            <>
              <Button
                variant="secondary"
                className="px-3 text-sm"
                onClick={() => setMode('edit')}
                aria-label={t('editOf', { who })}
                data-testid="edit-person"
              >
                {t('edit')}
              </Button>
              <Button
                variant="danger"
                className="px-3 text-sm"
                onClick={() => setMode('confirm')}
                aria-label={t('deleteOf', { who })}
                data-testid="delete-person"
              >
                {t('delete')}
              </Button>
            </>
          ) : null}
          {mode === 'edit' ? (
            <>
              <Button
                disabled={pending}
                data-testid="save-person"
                onClick={() =>
                  run(() => update(person.fin, values), {
                    fieldId: (f) => (f?.startsWith('incomes.') ? f.split('.')[1] : undefined),
                    onSuccess: () => setMode('view'),
                  })
                }
              >
                {t('save')}
              </Button>
              <Button variant="secondary" disabled={pending} onClick={() => setMode('view')}>
                {t('cancel')}
              </Button>
            </>
          ) : null}
          {mode === 'confirm' ? (
            <div role="group" aria-label={t('deleteOf', { who })}>
              <p className="mb-2">{t('deleteConfirm', { who })}</p>
              <div className="flex flex-wrap gap-2">
                <Button
                  variant="danger"
                  disabled={pending}
                  data-testid="confirm-delete-person"
                  onClick={() => run(() => remove(person.fin))}
                >
                  {t('deleteYes')}
                </Button>
                <Button variant="secondary" disabled={pending} onClick={() => setMode('view')}>
                  {t('cancel')}
                </Button>
              </div>
            </div>
          ) : null}
        </div>
      </td>
    </tr>
  );
}
