'use client';

import { useEffect, useRef, useState } from 'react';
import { Button } from './button';

type Props = {
  /** The button's word ("Sil") and its name for a screen reader ("… sil"). */
  label: string;
  ariaLabel: string;
  /** The question asked in place, naming what goes ("… silinsin?"). */
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  /** A refusal of the last attempt, shown above the question. */
  error?: string | null;
  /** `testId` on the button, `${testId}-confirm` and `${testId}-cancel` on the answers. */
  testId?: string;
  variant?: 'danger' | 'secondary';
  className?: string;
};

/**
 * "Sil" that asks first, in place (no browser dialog): the question takes the focus so it is
 * read out, "Ləğv et" gives the focus back to the button, and nothing is deleted until the
 * person confirms. One pattern for every row of a draft (persons, payments, incomes).
 */
export function ConfirmDelete({
  label,
  ariaLabel,
  question,
  confirmLabel,
  cancelLabel,
  onConfirm,
  pending = false,
  error = null,
  testId,
  variant = 'danger',
  className,
}: Props) {
  const [asking, setAsking] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (asking) questionRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      triggerRef.current?.focus();
    }
  }, [asking]);
  if (!asking) {
    return (
      <Button
        ref={triggerRef}
        variant={variant}
        className={className}
        disabled={pending}
        onClick={() => setAsking(true)}
        aria-label={ariaLabel}
        data-testid={testId}
      >
        {label}
      </Button>
    );
  }
  return (
    // A minimum width so that in a narrow table cell the question reads as a sentence.
    <div
      role="group"
      aria-label={ariaLabel}
      className="min-w-64 whitespace-normal text-left"
      data-testid={testId ? `${testId}-ask` : undefined}
    >
      {error ? (
        <p role="alert" className="mb-2 font-semibold text-danger">
          {error}
        </p>
      ) : null}
      <p ref={questionRef} tabIndex={-1} className="mb-2">
        {question}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="danger"
          className={className}
          disabled={pending}
          onClick={onConfirm}
          data-testid={testId ? `${testId}-confirm` : undefined}
        >
          {confirmLabel}
        </Button>
        <Button
          variant="secondary"
          className={className}
          disabled={pending}
          onClick={() => {
            returnFocus.current = true;
            setAsking(false);
          }}
          data-testid={testId ? `${testId}-cancel` : undefined}
        >
          {cancelLabel}
        </Button>
      </div>
    </div>
  );
}
