import type { SelectHTMLAttributes } from 'react';

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  label: string;
  options: readonly { value: string; label: string }[];
  /** The empty first choice: "Seçin" in a form, "Hamısı" (no filter) in a search. */
  emptyLabel: string;
  error?: string;
};

/** A labelled select with an empty first choice and an inline error wired through aria-describedby (like Field). */
export function SelectField({
  id,
  label,
  options,
  emptyLabel,
  error,
  className,
  ...select
}: Props) {
  return (
    <div className={`mb-4 ${className ?? ''}`}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {error ? (
        <p id={`${id}-error`} className="mt-1 font-semibold text-danger">
          {error}
        </p>
      ) : null}
      <select
        id={id}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-invalid={error ? true : undefined}
        className={`mt-1 block min-h-11 w-full max-w-md rounded-md border-2 bg-surface px-3 py-2 ${error ? 'border-danger' : 'border-ink/70'}`}
        {...select}
      >
        <option value="">{emptyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
