'use client';

import * as Dialog from '@/components/ui/dialog';
import { useTranslations } from '@/lib/i18n/client/texts';
import { useEffect, useRef, useState, useTransition, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { formatCountdown, pinDigits, secondsUntil } from './format';
import type { CardAnswerResult, SigningStatusAnswer } from '@/lib/server/signing/signing-views';
import type { CancelResult, SigningSession } from '@/lib/server/submissions/sending-views';

const POLL_MS = 1000;

type Props = {
  /** Open while a session is given. */
  session: SigningSession | null;
  /** What is being signed (report or quarter), shown above the code. */
  children?: ReactNode;
  simulatorsOn: boolean;
  answerCard: (input: { sessionId: string; pin: string }) => Promise<CardAnswerResult>;
  cancel: (sessionId: string) => Promise<CancelResult>;
  /** The device signed: the card's JWS, or null for Asan İmza (the server holds the answer). */
  onSigned: (jws: string | null) => void;
  /** The session ended without a signature (wrong PIN blocked, timeout, cancelled): why. */
  onEnded: (message: string) => void;
};

/**
 * The signature of a send (issue 6 §4), with the method the person signed in with: the card
 * program asks for PIN2 and shows the verification code; Asan İmza shows the code and waits for
 * the phone, polling the session every second until it answers or the 2 minutes run out.
 */
export function SigningDialog(props: Props) {
  const { session } = props;
  const close = useRef<() => void>(() => undefined);
  return (
    <Dialog.Root open={session !== null} onOpenChange={(open) => (open ? null : close.current())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-ink/50" />
        <Dialog.Content
          className="fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[min(36rem,calc(100vw-1rem))] -translate-x-1/2 -translate-y-1/2 overflow-auto rounded-lg bg-surface p-5 shadow-xl"
          data-testid="signing-dialog"
        >
          {session ? (
            <SigningBody key={session.sessionId} {...props} session={session} closeRef={close} />
          ) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** One session's content; keyed by the session, so a new session starts with a clean PIN and error. */
function SigningBody({
  session,
  children,
  simulatorsOn,
  answerCard,
  cancel,
  onSigned,
  onEnded,
  closeRef,
}: Props & { session: SigningSession; closeRef: { current: () => void } }) {
  const t = useTranslations('sending');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [secondsLeft, setSecondsLeft] = useState(() => secondsUntil(session.expiresAt, Date.now()));
  const [pending, startTransition] = useTransition();
  const ended = useRef(false);

  useEffect(() => {
    const timer = setInterval(
      () => setSecondsLeft(secondsUntil(session.expiresAt, Date.now())),
      1000,
    );
    return () => clearInterval(timer);
  }, [session]);

  useEffect(() => {
    if (session.method !== 'ASAN') return;
    let stopped = false;
    const poll = async () => {
      const response = await fetch(`/api/signing-sessions/${session.sessionId}`, {
        cache: 'no-store',
      }).catch(() => null);
      if (stopped || !response) return;
      const status = (await response.json().catch(() => null)) as SigningStatusAnswer | null;
      if (stopped || !status || status.status === 'PENDING' || ended.current) return;
      stopped = true;
      ended.current = true;
      if (status.status === 'OK') onSigned(null);
      else onEnded(status.message ?? status.status);
    };
    const timer = setInterval(() => void poll(), POLL_MS);
    void poll();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [session, onSigned, onEnded]);

  const close = () => {
    if (ended.current) return;
    ended.current = true;
    startTransition(async () => {
      const result = await cancel(session.sessionId);
      onEnded(result.message);
    });
  };
  useEffect(() => {
    closeRef.current = close;
  });

  const submitPin = () => {
    if (!/^\d{5}$/.test(pin)) {
      setError(t('pinFormat'));
      return;
    }
    startTransition(async () => {
      setError(null);
      const answer = await answerCard({ sessionId: session.sessionId, pin });
      if (answer.ok) {
        ended.current = true;
        onSigned(answer.jws);
        return;
      }
      setPin('');
      if (answer.final) {
        ended.current = true;
        onEnded(answer.message);
      } else setError(answer.message);
    });
  };

  return (
    <>
      <Dialog.Title className="text-lg font-bold">
        {session.method === 'ESIGN' ? t('cardProgram') : t('asanTitle')}
      </Dialog.Title>
      <Dialog.Description className="mt-2">
        {session.method === 'ESIGN' ? t('cardIntro') : t('asanIntro')}
      </Dialog.Description>
      {children ? <div className="mt-3">{children}</div> : null}
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted">{t('signer')}</dt>
        <dd>{session.signer.name}</dd>
        <dt className="text-muted">{t('certificate')}</dt>
        <dd className="break-all">{session.signer.certificateSerial}</dd>
      </dl>
      <p className="mt-3">
        {t('verificationCode')}:{' '}
        <strong className="text-3xl tracking-widest" data-testid="signing-code">
          {session.verificationCode}
        </strong>
      </p>
      <p className="text-sm text-muted">{t('verificationCodeHint')}</p>
      <p className="mt-1 text-sm" data-testid="signing-countdown">
        {secondsLeft > 0 ? t('timeLeft', { time: formatCountdown(secondsLeft) }) : t('timeUp')}
      </p>
      {error ? (
        <p className="mt-2 font-semibold text-danger" role="alert" data-testid="signing-error">
          {error}
        </p>
      ) : null}
      {session.method === 'ESIGN' ? (
        <form
          className="mt-3"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submitPin();
          }}
        >
          <Field
            id="pin2"
            label={t('pin2')}
            hint={t('pin2Hint')}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={5}
            value={pin}
            onChange={(e) => setPin(pinDigits(e.target.value, 5))}
            autoFocus
            data-testid="pin2"
          />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={pending} data-testid="pin2-submit">
              {t('sign')}
            </Button>
            <Button
              variant="secondary"
              onClick={close}
              disabled={pending}
              data-testid="signing-cancel"
            >
              {t('cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="mt-3" aria-live="polite">
          <p className="font-semibold">{t('confirmOnPhone')}</p>
          {simulatorsOn ? (
            <p className="mt-2">
              <a
                href={
                  session.phone
                    ? `/simulator/phone?phone=${encodeURIComponent(session.phone)}`
                    : '/simulator/phone'
                }
                target="_blank"
                rel="noreferrer"
                data-testid="open-phone"
              >
                {t('openPhone')}
              </a>
            </p>
          ) : null}
          <div className="mt-4">
            <Button
              variant="secondary"
              onClick={close}
              disabled={pending}
              data-testid="signing-cancel"
            >
              {t('cancel')}
            </Button>
          </div>
        </div>
      )}
    </>
  );
}
