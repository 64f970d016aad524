'use client';

import { useEffect, useRef } from 'react';

type Props = {
  title: string;
  errors: { message: string; fieldId?: string }[];
};

/**
 * GOV.UK error summary: at the top, focused when it appears, each entry linking to its field,
 * with the same words as the inline message.
 */
export function ErrorSummary({ title, errors }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="mb-6 rounded-md border-2 border-danger bg-danger-50 p-4"
      data-testid="error-summary"
    >
      <h2 id="error-summary-title" className="font-semibold text-danger">
        {title}
      </h2>
      <ul className="mt-2 list-disc pl-5">
        {errors.map((e) => (
          <li key={`${e.fieldId ?? ''}${e.message}`}>
            {e.fieldId ? <a href={`#${e.fieldId}`}>{e.message}</a> : e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
