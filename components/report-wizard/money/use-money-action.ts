'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '../types';

export type ShownError = { fieldId?: string; message: string };

/**
 * Runs one of the money step actions that stay on the page (add, remove, edit): a refusal is
 * kept for the error summary and the field, success announces itself and re-reads the page.
 * What the user typed lives in the caller's state and is never cleared by a refusal.
 */
export function useMoneyAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ShownError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  function run(
    action: () => Promise<ActionResult>,
    options: {
      success: string;
      fieldId?: (field: string | undefined) => string | undefined;
      onSuccess?: () => void;
    },
  ) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setError(null);
        setStatus(options.success);
        options.onSuccess?.();
        router.refresh();
      } else {
        setStatus(null);
        setError({ fieldId: options.fieldId?.(result.field), message: result.message });
      }
    });
  }
  return { pending, error, status, run };
}
