'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { shownErrors, type ShownError } from '../field-errors';
import type { ActionResult } from '@/lib/server/actions';

export type { ShownError };

/**
 * Runs a persons-step action that stays on the page: a refusal is kept for the error summary
 * and its field, success is announced and the page re-reads its data. What the user typed lives
 * in the caller's state and is never cleared by a refusal.
 */
export function usePersonsAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // Every field error of the last refusal (the summary lists them all); `error` is the first.
  const [errors, setErrors] = useState<ShownError[]>([]);
  const error = errors[0] ?? null;
  const setError = (next: ShownError | null) => setErrors(next ? [next] : []);
  const [status, setStatus] = useState<string | null>(null);
  function run(
    action: () => Promise<ActionResult>,
    options: {
      fieldId?: (field: string | undefined) => string | undefined;
      onSuccess?: () => void;
    } = {},
  ) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setErrors([]);
        setStatus(result.message ?? null);
        options.onSuccess?.();
        router.refresh();
      } else {
        setStatus(null);
        setErrors(shownErrors(result, options.fieldId));
      }
    });
  }
  return { pending, error, errors, status, run, setError };
}
