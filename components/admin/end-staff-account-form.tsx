'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/server/actions';

type Props = {
  staffId: string;
  name: string;
  end: (input: { staffId: string; reason: string }) => Promise<ActionResult>;
};

/** "Hesabı bitir" of one account, with the basis required (issue 14 §1). */
export function EndStaffAccountForm({ staffId, name, end }: Props) {
  const t = useTranslations('staffAccounts');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const id = `end-reason-${staffId}`;
  return (
    <details>
      <summary className="cursor-pointer font-semibold text-brand-700">{t('end')}</summary>
      <form
        noValidate
        className="mt-2"
        onSubmit={(e) => {
          e.preventDefault();
          startTransition(async () => {
            const result = await end({ staffId, reason });
            setError(result.ok ? null : result.message);
          });
        }}
      >
        <label htmlFor={id} className="block text-sm font-semibold">
          {t('endReason', { name })}
        </label>
        {error ? (
          <p id={`${id}-error`} className="text-sm font-semibold text-danger">
            {error}
          </p>
        ) : null}
        <input
          id={id}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="mt-1 w-full rounded-md border-2 border-ink/70 px-2 py-1"
        />
        <Button type="submit" variant="danger" disabled={pending} className="mt-2">
          {t('endConfirm')}
        </Button>
      </form>
    </details>
  );
}
