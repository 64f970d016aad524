'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { shownErrors, type ShownError } from '../field-errors';
import type { ActionResult } from '@/lib/server/actions';

export type { ShownError };

/**
 * Runs one of the money step actions that stay on the page (add, remove, edit): every refusal
 * is kept for the error summary and its field, success announces itself and re-reads the page.
 * What the user typed lives in the caller's state and is never cleared by a refusal.
 */
export function useMoneyAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<ShownError[]>([]);
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
        setErrors([]);
        setStatus(options.success);
        options.onSuccess?.();
        router.refresh();
      } else {
        setStatus(null);
        setErrors(shownErrors(result, options.fieldId));
      }
    });
  }
  return { pending, errors, status, run };
}
