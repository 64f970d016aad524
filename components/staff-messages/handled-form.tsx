'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionRefusal } from '@/lib/server/actions';

type State = ActionRefusal | null;

/** "Baxılıb kimi qeyd et" (issue 14 §7): one button; a refusal is read out where it stands. */
export function HandledForm({
  mark,
}: {
  mark: (state: State, formData: FormData) => Promise<State>;
}) {
  const t = useTranslations('staffMessages');
  const [state, action, pending] = useActionState(mark, null);
  return (
    <form action={action} className="mt-4" data-testid="handled-form">
      {state ? (
        <p id="handled-error" role="alert" className="mb-2 font-semibold text-danger">
          {state.message}
        </p>
      ) : null}
      <Button
        type="submit"
        disabled={pending}
        aria-describedby={state ? 'handled-error' : undefined}
        data-testid="mark-handled"
      >
        {pending ? t('marking') : t('markHandled')}
      </Button>
    </form>
  );
}
