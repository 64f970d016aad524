'use client';

import { useEffect, useRef, type MouseEvent } from 'react';

type Props = {
  title: string;
  errors: { message: string; fieldId?: string }[];
};

/** A link of the summary puts the focus in its field (a bare #id only scrolls there). */
function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const field = document.getElementById(fieldId);
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.scrollIntoView({ block: 'center' });
}

/**
 * GOV.UK error summary: at the top, focused when it appears, listing every error (not only the
 * first), each entry linking to its field, with the same words as the inline message.
 */
export function ErrorSummary({ title, errors }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  // Focus follows what the summary says, not the array's identity: callers often build the
  // list while rendering, and typing in a field must not pull the focus back up here.
  const content = errors.map((e) => `${e.fieldId ?? ''}\u0000${e.message}`).join('\u0001');
  useEffect(() => {
    if (content !== '') ref.current?.focus();
  }, [content]);
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
        {errors.map((e, i) => (
          <li key={`${i}-${e.fieldId ?? ''}`}>
            {e.fieldId ? (
              <a href={`#${e.fieldId}`} onClick={(event) => focusField(event, e.fieldId ?? '')}>
                {e.message}
              </a>
            ) : (
              e.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
