'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from '@/lib/i18n/client/texts';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { CreateTokenState } from '@/lib/server/api/create-api-token';

type Props = { create: (state: CreateTokenState, formData: FormData) => Promise<CreateTokenState> };

/** Issue 5 §9: name → the new token, shown this once with a copy button and a warning. */
export function CreateTokenForm({ create }: Props) {
  const t = useTranslations('apiTokens');
  const [state, action, pending] = useActionState(create, null);
  const [copied, setCopied] = useState(false);
  if (state?.ok) {
    return (
      <section
        className="mt-6 rounded-lg border-2 border-success bg-success-50 p-4"
        data-testid="token-created"
        aria-live="polite"
      >
        <h2 className="text-lg font-bold">{t('createdTitle', { name: state.name })}</h2>
        <p className="mt-2 font-semibold" role="alert">
          {t('createdWarning')}
        </p>
        <label htmlFor="new-token" className="mt-3 block font-semibold">
          {t('tokenLabel')}
        </label>
        <div className="mt-1 flex flex-wrap gap-2">
          <input
            id="new-token"
            readOnly
            value={state.token}
            onFocus={(e) => e.currentTarget.select()}
            className="w-full max-w-xl rounded-md border-2 border-ink/70 px-3 py-2 font-mono text-sm"
            data-testid="token-value"
          />
          <Button
            variant="secondary"
            onClick={() =>
              void navigator.clipboard.writeText(state.token).then(() => setCopied(true))
            }
            data-testid="token-copy"
          >
            {copied ? t('copied') : t('copy')}
          </Button>
        </div>
      </section>
    );
  }
  const error = state?.ok === false ? state.message : undefined;
  return (
    <form action={action} className="mt-6 rounded-lg bg-surface p-4 shadow-sm" noValidate>
      <h2 className="mb-3 text-lg font-bold">{t('createTitle')}</h2>
      <Field
        id="token-name"
        name="name"
        label={t('nameLabel')}
        hint={t('nameHint')}
        error={error}
        maxLength={100}
        defaultValue={state?.ok === false ? (state.name ?? '') : ''}
        autoComplete="off"
      />
      <Button type="submit" disabled={pending} data-testid="token-create">
        {t('create')}
      </Button>
    </form>
  );
}
