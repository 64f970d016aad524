'use client';

import { startTransition, useActionState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import type { ActionRefusal } from '@/lib/server/actions';

type State = ActionRefusal | null;

/** One field of a reference form; texts come translated from the page. */
export type ReferenceFieldSpec = {
  name: string;
  label: string;
  hint?: string;
  type?: 'text' | 'date' | 'select' | 'textarea';
  options?: readonly { value: string; label: string }[];
  defaultValue?: string;
  inputMode?: 'decimal' | 'numeric';
};

type Props = {
  action: (state: State, formData: FormData) => Promise<State>;
  idPrefix: string;
  title: string;
  fields: readonly ReferenceFieldSpec[];
  hidden?: Readonly<Record<string, string>>;
  submitLabel: string;
  errorSummaryTitle: string;
  emptyChoice: string;
  variant?: 'primary' | 'danger';
};

/**
 * An administrator's reference-data form (issue 14 §11): labelled fields, each refusal at its
 * field (aria-describedby) and listed in the summary. Posts without JavaScript too; React keeps
 * what was typed when the server refuses.
 */
export function ReferenceForm({
  action: send,
  idPrefix,
  title,
  fields,
  hidden = {},
  submitLabel,
  errorSummaryTitle,
  emptyChoice,
  variant = 'primary',
}: Props) {
  const [state, action, pending] = useActionState(send, null);
  const errors =
    state === null || state.ok !== false
      ? []
      : (state.fieldErrors ?? [{ field: state.field, message: state.message }]);
  const idOf = (name: string) => `${idPrefix}-${name}`;
  const errorOf = (name: string) => errors.find((e) => e.field === name)?.message;
  const known = new Set(fields.map((f) => f.name));
  const summary = errors.map((e) => ({
    message: e.message,
    fieldId: e.field && known.has(e.field) ? idOf(e.field) : undefined,
  }));
  const headingId = `${idPrefix}-title`;
  // Sent by hand so React does not reset the form: a refused change keeps what was typed.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  }
  return (
    <section aria-labelledby={headingId} className="mt-8 max-w-2xl">
      <h2 id={headingId} className="text-xl font-bold">
        {title}
      </h2>
      <form
        action={action}
        onSubmit={submit}
        noValidate
        className="mt-3"
        data-testid={`${idPrefix}-form`}
      >
        <ErrorSummary title={errorSummaryTitle} errors={summary} />
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {fields.map((f) => {
          const id = idOf(f.name);
          const error = errorOf(f.name);
          if (f.type === 'select') {
            return (
              <SelectField
                key={f.name}
                id={id}
                name={f.name}
                label={f.label}
                options={f.options ?? []}
                emptyLabel={emptyChoice}
                error={error}
                defaultValue={f.defaultValue ?? ''}
              />
            );
          }
          if (f.type === 'textarea') {
            const describedBy = [f.hint ? `${id}-hint` : null, error ? `${id}-error` : null]
              .filter(Boolean)
              .join(' ');
            return (
              <div key={f.name} className="mb-4">
                <label htmlFor={id} className="block font-semibold">
                  {f.label}
                </label>
                {f.hint ? (
                  <p id={`${id}-hint`} className="text-sm text-muted">
                    {f.hint}
                  </p>
                ) : null}
                {error ? (
                  <p id={`${id}-error`} className="mt-1 font-semibold text-danger">
                    {error}
                  </p>
                ) : null}
                <textarea
                  id={id}
                  name={f.name}
                  rows={3}
                  maxLength={1000}
                  defaultValue={f.defaultValue}
                  aria-describedby={describedBy || undefined}
                  aria-invalid={error ? true : undefined}
                  className={`mt-1 block w-full max-w-xl rounded-md border-2 px-3 py-2 ${error ? 'border-danger' : 'border-ink/70'}`}
                />
              </div>
            );
          }
          return (
            <Field
              key={f.name}
              id={id}
              name={f.name}
              label={f.label}
              hint={f.hint}
              error={error}
              defaultValue={f.defaultValue}
              autoComplete="off"
              inputMode={f.inputMode}
            />
          );
        })}
        <Button type="submit" variant={variant} disabled={pending}>
          {submitLabel}
        </Button>
      </form>
    </section>
  );
}
