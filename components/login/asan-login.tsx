'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { useEffect, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { IdentifierField } from '@/components/ui/identifier-field';
import type {
  CancelLoginResult,
  FinishLoginResult,
  SigningStatusAnswer,
  StartLoginResult,
} from '@/lib/server/signing/signing-views';

type Props = {
  simulatorsOn: boolean;
  start: (input: { phone: string; userId: string }) => Promise<StartLoginResult>;
  finish: (input: { sessionId: string }) => Promise<FinishLoginResult>;
  cancel: (sessionId: string) => Promise<CancelLoginResult>;
};

type Waiting = { sessionId: string; code: string; expiresAt: number; phone: string };

const POLL_MS = 1500;

/**
 * SPEC A3: phone + User ID → "DAXİL OL" → the verification code on screen while the page waits
 * (up to 2 minutes) for the holder to confirm it on the phone with PIN1.
 */
export function AsanLogin({ simulatorsOn, start, finish, cancel }: Props) {
  const t = useTranslations('login');
  const [phone, setPhone] = useState('');
  const [userId, setUserId] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ phone?: string; userId?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [waiting, setWaiting] = useState<Waiting | null>(null);
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    if (!waiting) return;
    let stopped = false;
    const tick = async () => {
      setSecondsLeft(Math.max(0, Math.round((waiting.expiresAt - Date.now()) / 1000)));
      const response = await fetch(`/api/signing-sessions/${waiting.sessionId}`, {
        cache: 'no-store',
      }).catch(() => null);
      if (stopped || !response?.ok) return;
      const status = (await response.json()) as SigningStatusAnswer;
      if (status.status === 'PENDING') return;
      stopped = true;
      if (status.status === 'OK') {
        const finished = await finish({ sessionId: waiting.sessionId });
        setError(finished.message);
      } else {
        setError(status.message ?? status.status);
      }
      setWaiting(null);
    };
    const timer = setInterval(() => void tick(), POLL_MS);
    void tick();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [waiting, finish]);

  const submit = () =>
    startTransition(async () => {
      setError(null);
      const errors: { phone?: string; userId?: string } = {};
      if (!phone.trim()) errors.phone = t('phoneRequired');
      if (!userId.trim()) errors.userId = t('userIdRequired');
      else if (!/^\d{6}$/.test(userId.trim())) errors.userId = t('userIdFormat');
      setFieldErrors(errors);
      if (errors.phone || errors.userId) return;
      const result = await start({ phone, userId });
      if (!result.ok) {
        if (result.field === 'phone' || result.field === 'userId')
          setFieldErrors({ [result.field]: result.message });
        else setError(result.message);
        return;
      }
      setWaiting({
        sessionId: result.sessionId,
        code: result.verificationCode,
        expiresAt: Date.parse(result.expiresAt),
        phone,
      });
    });

  const stopWaiting = (sessionId: string) =>
    startTransition(async () => {
      setWaiting(null);
      const result = await cancel(sessionId);
      setError(result.ok ? null : result.message);
    });

  const summary = [
    ...(fieldErrors.phone ? [{ message: fieldErrors.phone, fieldId: 'asan-phone' }] : []),
    ...(fieldErrors.userId ? [{ message: fieldErrors.userId, fieldId: 'asan-user-id' }] : []),
    ...(error ? [{ message: error }] : []),
  ];

  if (waiting) {
    return (
      <section aria-live="polite" data-testid="asan-waiting">
        <p className="text-lg">{t('waitingForPhone')}</p>
        <p className="mt-3">
          {t('verificationCode')}:{' '}
          <strong className="text-3xl tracking-widest" data-testid="verification-code">
            {waiting.code}
          </strong>
        </p>
        <p className="text-sm text-muted">{t('verificationCodeHint')}</p>
        <p className="mt-2" aria-live="off">
          {t('timeLeft', { seconds: secondsLeft })}
        </p>
        {simulatorsOn ? (
          <p className="mt-4">
            <a
              href={`/simulator/phone?phone=${encodeURIComponent(waiting.phone)}`}
              target="_blank"
              rel="noreferrer"
            >
              {t('openPhoneSimulator')}
            </a>
          </p>
        ) : null}
        <Button
          variant="secondary"
          className="mt-4"
          disabled={pending}
          onClick={() => stopWaiting(waiting.sessionId)}
          data-testid="asan-cancel"
        >
          {t('cancel')}
        </Button>
      </section>
    );
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <ErrorSummary title={t('errorSummary')} errors={summary} />
      <Field
        id="asan-phone"
        name="phone"
        label={t('phone')}
        hint={t('phoneHint')}
        type="tel"
        autoComplete="tel"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        error={fieldErrors.phone}
      />
      <IdentifierField
        id="asan-user-id"
        name="userId"
        label={t('userId')}
        hint={t('userIdHint')}
        inputMode="numeric"
        value={userId}
        onChange={(e) => setUserId(e.target.value)}
        error={fieldErrors.userId}
      />
      <Button type="submit" disabled={pending} data-testid="asan-submit">
        {t('submitAsan')}
      </Button>
    </form>
  );
}
