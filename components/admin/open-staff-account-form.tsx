'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import type { ActionResult } from '@/lib/server/actions';

type Input = {
  fin: string;
  role: string;
  localBodyCode: string;
  activeFrom: string;
  reason: string;
};

type Props = {
  roles: { value: string; label: string }[];
  bodies: { value: string; label: string }[];
  today: string;
  open: (input: Input) => Promise<ActionResult>;
};

const IDS: Record<keyof Input, string> = {
  fin: 'staff-fin',
  role: 'staff-role-select',
  localBodyCode: 'staff-body-select',
  activeFrom: 'staff-from',
  reason: 'staff-reason',
};

/** Opens a staff account (issue 14 §1); every refusal at its field, what was typed kept. */
export function OpenStaffAccountForm({ roles, bodies, today, open }: Props) {
  const t = useTranslations('staffAccounts');
  const [form, setForm] = useState<Input>({
    fin: '',
    role: '',
    localBodyCode: '',
    activeFrom: today,
    reason: '',
  });
  const [errors, setErrors] = useState<{ field?: string; message: string }[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const error = (field: keyof Input) => errors.find((e) => e.field === field)?.message;
  const set = (patch: Partial<Input>) => setForm((f) => ({ ...f, ...patch }));

  return (
    <form
      noValidate
      className="max-w-xl"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          setDone(null);
          const result = await open(form);
          if (result.ok) {
            setErrors([]);
            setDone(result.message ?? null);
            setForm({ fin: '', role: '', localBodyCode: '', activeFrom: today, reason: '' });
          } else {
            setErrors(result.fieldErrors ?? [{ field: result.field, message: result.message }]);
          }
        });
      }}
    >
      <ErrorSummary
        title={t('errorSummary')}
        errors={errors.map((e) => ({
          message: e.message,
          fieldId: e.field ? IDS[e.field as keyof Input] : undefined,
        }))}
      />
      {done ? (
        <p
          role="status"
          className="mb-4 font-semibold text-success"
          data-testid="staff-account-done"
        >
          {done}
        </p>
      ) : null}
      <Field
        id={IDS.fin}
        label={t('fin')}
        hint={t('finHint')}
        value={form.fin}
        error={error('fin')}
        autoComplete="off"
        onChange={(e) => set({ fin: e.target.value })}
      />
      <SelectField
        id={IDS.role}
        label={t('role')}
        options={roles}
        emptyLabel={t('choose')}
        value={form.role}
        error={error('role')}
        onChange={(e) => set({ role: e.target.value })}
      />
      <SelectField
        id={IDS.localBodyCode}
        label={t('localBody')}
        options={bodies}
        emptyLabel={t('noBody')}
        value={form.localBodyCode}
        error={error('localBodyCode')}
        onChange={(e) => set({ localBodyCode: e.target.value })}
      />
      <Field
        id={IDS.activeFrom}
        label={t('activeFrom')}
        type="date"
        value={form.activeFrom}
        error={error('activeFrom')}
        onChange={(e) => set({ activeFrom: e.target.value })}
      />
      <Field
        id={IDS.reason}
        label={t('reason')}
        hint={t('reasonHint')}
        value={form.reason}
        error={error('reason')}
        onChange={(e) => set({ reason: e.target.value })}
      />
      <Button type="submit" disabled={pending} data-testid="staff-account-open">
        {t('open')}
      </Button>
    </form>
  );
}
