'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { PhoneAnswerResult } from '@/lib/server/signing/signing-views';

type PhoneRequest = {
  sessionId: string;
  purpose: 'LOGIN' | 'SIGN';
  serviceName: string;
  verificationCode: string;
  expiresAt: string;
};

type Props = {
  initialPhone: string;
  answer: (input: {
    sessionId: string;
    phone: string;
    pin?: string;
    cancel?: boolean;
  }) => Promise<PhoneAnswerResult>;
};

/** Shows the request sent to the phone (service, code) and asks for PIN1 or PIN2. */
export function PhoneSimulator({ initialPhone, answer }: Props) {
  const t = useTranslations('phone');
  const tl = useTranslations('login');
  const [phone, setPhone] = useState(initialPhone);
  const [watching, setWatching] = useState(initialPhone);
  const [requests, setRequests] = useState<PhoneRequest[]>([]);
  const [pins, setPins] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const refresh = useCallback(async () => {
    if (!watching) return;
    const response = await fetch(
      `/api/simulator/phone-requests?phone=${encodeURIComponent(watching)}`,
      { cache: 'no-store' },
    ).catch(() => null);
    if (response?.ok)
      setRequests(((await response.json()) as { requests: PhoneRequest[] }).requests);
  }, [watching]);

  useEffect(() => {
    const first = setTimeout(() => void refresh(), 0);
    const timer = setInterval(() => void refresh(), 1500);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [refresh]);

  const respond = (request: PhoneRequest, cancel: boolean) =>
    startTransition(async () => {
      const result = await answer({
        sessionId: request.sessionId,
        phone: watching,
        pin: pins[request.sessionId],
        cancel,
      });
      setNotice(result.ok ? (cancel ? t('cancelled') : t('done')) : result.message);
      setPins((p) => ({ ...p, [request.sessionId]: '' }));
      await refresh();
    });

  return (
    <div className="mt-6">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setWatching(phone);
        }}
        className="flex flex-wrap items-end gap-3"
      >
        <Field
          id="sim-phone"
          label={t('phone')}
          type="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          className="mb-0"
        />
        <Button type="submit" variant="secondary">
          {t('show')}
        </Button>
      </form>
      {notice ? (
        <p role="status" className="mt-4 font-semibold" data-testid="phone-notice">
          {notice}
        </p>
      ) : null}
      {watching && requests.length === 0 ? <p className="mt-6">{t('none')}</p> : null}
      <ul className="mt-6 space-y-4">
        {requests.map((r) => (
          <li
            key={r.sessionId}
            className="rounded-lg border-2 border-ink bg-surface p-4"
            data-testid="phone-request"
          >
            <p className="text-sm text-muted">{t('service')}</p>
            <p className="font-semibold">{r.serviceName}</p>
            <p className="mt-2">{r.purpose === 'LOGIN' ? t('purposeLogin') : t('purposeSign')}</p>
            <p className="mt-2">
              {t('code')}:{' '}
              <strong className="text-2xl tracking-widest" data-testid="phone-code">
                {r.verificationCode}
              </strong>
            </p>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                respond(r, false);
              }}
              className="mt-3"
            >
              <Field
                id={`pin-${r.sessionId}`}
                label={r.purpose === 'LOGIN' ? tl('enterPin1') : tl('enterPin2')}
                type="password"
                inputMode="numeric"
                autoComplete="off"
                maxLength={r.purpose === 'LOGIN' ? 4 : 5}
                value={pins[r.sessionId] ?? ''}
                onChange={(e) => setPins((p) => ({ ...p, [r.sessionId]: e.target.value }))}
              />
              <div className="flex gap-3">
                <Button type="submit" disabled={pending} data-testid="phone-confirm">
                  {t('confirm')}
                </Button>
                <Button
                  variant="secondary"
                  disabled={pending}
                  onClick={() => respond(r, true)}
                  data-testid="phone-cancel"
                >
                  {t('cancel')}
                </Button>
              </div>
            </form>
          </li>
        ))}
      </ul>
    </div>
  );
}
