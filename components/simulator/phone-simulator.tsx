'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { useCallback, useEffect, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { PhoneAnswerResult, PhoneRequestView } from '@/lib/server/signing/signing-views';

type Props = {
  initialPhone: string;
  answer: (input: {
    phone: string;
    code: string;
    pin?: string;
    cancel?: boolean;
  }) => Promise<PhoneAnswerResult>;
};

/** One request on the screen (a code is unique among a phone's pending requests, its deadline too). */
const requestKey = (r: PhoneRequestView) => `${r.code}-${Date.parse(r.expiresAt)}`;

/**
 * Shows the request sent to the phone (service, code) and asks for PIN1 or PIN2. It answers by
 * the code on its screen: the phone never holds a session id (issue 12 §3).
 */
export function PhoneSimulator({ initialPhone, answer }: Props) {
  const t = useTranslations('phone');
  const tl = useTranslations('login');
  const [phone, setPhone] = useState(initialPhone);
  const [watching, setWatching] = useState(initialPhone);
  const [requests, setRequests] = useState<PhoneRequestView[]>([]);
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
      setRequests(((await response.json()) as { requests: PhoneRequestView[] }).requests);
  }, [watching]);

  useEffect(() => {
    const first = setTimeout(() => void refresh(), 0);
    const timer = setInterval(() => void refresh(), 1500);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [refresh]);

  const respond = (request: PhoneRequestView, cancel: boolean) =>
    startTransition(async () => {
      const key = requestKey(request);
      const result = await answer({ phone: watching, code: request.code, pin: pins[key], cancel });
      setNotice(result.ok ? (cancel ? t('cancelled') : t('done')) : result.message);
      setPins((p) => ({ ...p, [key]: '' }));
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
            key={requestKey(r)}
            className="rounded-lg border-2 border-ink bg-surface p-4"
            data-testid="phone-request"
          >
            <p className="text-sm text-muted">{t('service')}</p>
            <p className="font-semibold">{r.service}</p>
            <p className="mt-2">{r.purpose === 'LOGIN' ? t('purposeLogin') : t('purposeSign')}</p>
            <p className="mt-2">
              {t('code')}:{' '}
              <strong className="text-2xl tracking-widest" data-testid="phone-code">
                {r.code}
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
                id={`pin-${requestKey(r)}`}
                label={r.purpose === 'LOGIN' ? tl('enterPin1') : tl('enterPin2')}
                type="password"
                inputMode="numeric"
                autoComplete="off"
                maxLength={r.purpose === 'LOGIN' ? 4 : 5}
                value={pins[requestKey(r)] ?? ''}
                onChange={(e) => setPins((p) => ({ ...p, [requestKey(r)]: e.target.value }))}
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
