'use client';

import { useLocale, useTranslations } from '@/lib/i18n/client/texts';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { IdentifierField } from '@/components/ui/identifier-field';
import { formatDate } from '@/lib/i18n/format-date';
import type {
  GrantFormInput,
  GrantResult,
  HolderLookupResult,
  HolderView,
} from '@/lib/server/authorities/grant-form';

type Props = {
  services: { value: string; label: string }[];
  lookup: (input: GrantFormInput) => Promise<HolderLookupResult>;
  grant: (input: GrantFormInput) => Promise<GrantResult>;
};

const FIELD_IDS: Record<string, string> = {
  service: 'grant-service-0',
  method: 'grant-method-ESIGN',
  cardNumber: 'grant-card',
  phone: 'grant-phone',
  fin: 'grant-fin',
  validFrom: 'grant-from',
  validTo: 'grant-to',
};

/**
 * SPEC C1–C5 as four short steps: service → type → card/phone + FIN ("Təsdiqlə" shows the
 * person) → duration. Everything typed stays in place when a step is refused.
 */
export function GrantAuthorityForm({ services, lookup, grant }: Props) {
  const t = useTranslations('authorities');
  const tl = useTranslations('login');
  const locale = useLocale();
  const [step, setStep] = useState(1);
  const [form, setForm] = useState<GrantFormInput>({
    service: '',
    method: 'ESIGN',
    cardNumber: '',
    phone: '',
    fin: '',
    indefinite: true,
    validFrom: '',
    validTo: '',
  });
  const [holder, setHolder] = useState<HolderView | null>(null);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const set = (patch: Partial<GrantFormInput>) => {
    setForm((f) => ({ ...f, ...patch }));
    if ('cardNumber' in patch || 'phone' in patch || 'fin' in patch || 'method' in patch)
      setHolder(null);
  };
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  const next = () => {
    setError(null);
    if (step === 1 && !form.service) return setError({ field: 'service', message: t('chooseOne') });
    if (step === 3 && !holder) return confirmHolder();
    setStep((s) => s + 1);
  };
  const confirmHolder = () =>
    startTransition(async () => {
      setError(null);
      const result = await lookup(form);
      if (result.ok) setHolder(result.holder);
      else setError({ field: result.field, message: result.message });
    });
  const save = () =>
    startTransition(async () => {
      setError(null);
      const result = await grant(form);
      setError({ field: result.field, message: result.message });
      if (result.field && ['cardNumber', 'phone', 'fin'].includes(result.field)) setStep(3);
    });

  const steps = [t('stepService'), t('stepMethod'), t('stepHolder'), t('stepDuration')];
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (step < 4) next();
        else save();
      }}
    >
      <p className="text-sm text-muted" aria-live="polite">
        {step} / 4 — {steps[step - 1]}
      </p>
      <ErrorSummary
        title={tl('errorSummary')}
        errors={
          error
            ? [
                {
                  message: error.message,
                  fieldId: error.field ? FIELD_IDS[error.field] : undefined,
                },
              ]
            : []
        }
      />
      {step === 1 ? (
        <fieldset>
          <legend className="text-lg font-semibold">{t('stepService')}</legend>
          {fieldError('service') ? (
            <p className="font-semibold text-danger">{fieldError('service')}</p>
          ) : null}
          {services.map((s, i) => (
            <label key={s.value} className="mt-2 flex items-center gap-3">
              <input
                id={`grant-service-${i}`}
                type="radio"
                name="service"
                value={s.value}
                checked={form.service === s.value}
                onChange={() => set({ service: s.value })}
                className="h-5 w-5"
              />
              {s.label}
            </label>
          ))}
        </fieldset>
      ) : null}
      {step === 2 ? (
        <fieldset>
          <legend className="text-lg font-semibold">{t('stepMethod')}</legend>
          {(['ESIGN', 'ASAN'] as const).map((m) => (
            <label key={m} className="mt-2 flex items-center gap-3">
              <input
                id={`grant-method-${m}`}
                type="radio"
                name="method"
                value={m}
                checked={form.method === m}
                onChange={() => set({ method: m })}
                className="h-5 w-5"
              />
              {t(`method${m}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
      {step === 3 ? (
        <div>
          <h2 className="mb-3 text-lg font-semibold">{t('stepHolder')}</h2>
          {form.method === 'ESIGN' ? (
            <IdentifierField
              id="grant-card"
              label={t('cardNumber')}
              value={form.cardNumber}
              onChange={(e) => set({ cardNumber: e.target.value })}
              error={fieldError('cardNumber')}
            />
          ) : (
            <Field
              id="grant-phone"
              label={t('phone')}
              hint={tl('phoneHint')}
              type="tel"
              value={form.phone}
              onChange={(e) => set({ phone: e.target.value })}
              error={fieldError('phone')}
            />
          )}
          <IdentifierField
            id="grant-fin"
            label={t('fin')}
            hint={t('finHint')}
            value={form.fin}
            onChange={(e) => set({ fin: e.target.value })}
            error={fieldError('fin')}
          />
          <Button
            variant="secondary"
            onClick={confirmHolder}
            disabled={pending}
            data-testid="confirm-holder"
          >
            {t('confirmHolder')}
          </Button>
          {holder ? (
            <dl
              className="mt-4 rounded-md border-2 border-success bg-success-50 p-4"
              data-testid="holder-found"
              aria-live="polite"
            >
              <dt className="text-sm">{t('holderFound')}</dt>
              <dd className="text-lg font-semibold">{holder.fullName}</dd>
              <dd>
                {t('fin')}: {holder.fin} · {t('birthDate')}: {formatDate(holder.birthDate, locale)}
              </dd>
              <dd>
                {t('certificateUntil', { date: formatDate(holder.certificateNotAfter, locale) })}
              </dd>
            </dl>
          ) : null}
        </div>
      ) : null}
      {step === 4 ? (
        <fieldset>
          <legend className="text-lg font-semibold">{t('stepDuration')}</legend>
          <label className="mt-2 flex items-center gap-3">
            <input
              type="radio"
              name="duration"
              checked={form.indefinite}
              onChange={() => set({ indefinite: true })}
              className="h-5 w-5"
            />
            {t('durationIndefinite')}
          </label>
          <label className="mt-2 flex items-center gap-3">
            <input
              type="radio"
              name="duration"
              checked={!form.indefinite}
              onChange={() => set({ indefinite: false })}
              className="h-5 w-5"
              data-testid="duration-interval"
            />
            {t('durationInterval')}
          </label>
          {!form.indefinite ? (
            <div className="mt-4 grid gap-x-4 sm:grid-cols-2">
              <Field
                id="grant-from"
                type="date"
                label={t('validFrom')}
                value={form.validFrom}
                onChange={(e) => set({ validFrom: e.target.value })}
                error={fieldError('validFrom')}
              />
              <Field
                id="grant-to"
                type="date"
                label={t('validTo')}
                value={form.validTo}
                onChange={(e) => set({ validTo: e.target.value })}
                error={fieldError('validTo')}
              />
            </div>
          ) : null}
        </fieldset>
      ) : null}
      <div className="mt-6 flex gap-3">
        {step > 1 ? (
          <Button variant="secondary" onClick={() => setStep((s) => s - 1)}>
            {t('back')}
          </Button>
        ) : null}
        <Button
          type="submit"
          disabled={pending || (step === 3 && !holder)}
          data-testid="grant-next"
        >
          {step < 4 ? t('next') : t('save')}
        </Button>
      </div>
    </form>
  );
}
