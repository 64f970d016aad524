'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { PersonsResult } from './persons-types';

export type ShownError = { fieldId?: string; message: string };

/**
 * Runs a persons-step action that stays on the page: a refusal is kept for the error summary
 * and its field, success is announced and the page re-reads its data. What the user typed lives
 * in the caller's state and is never cleared by a refusal.
 */
export function usePersonsAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ShownError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  function run(action: () => Promise<PersonsResult>, options: { fieldId?: (field: string | undefined) => string | undefined; onSuccess?: () => void } = {}) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setError(null);
        setStatus(result.message ?? null);
        options.onSuccess?.();
        router.refresh();
      } else {
        setStatus(null);
        setError({ fieldId: options.fieldId?.(result.field), message: result.message });
      }
    });
  }
  return { pending, error, status, run, setError };
}
