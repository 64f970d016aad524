'use client';

import * as Dialog from '@/components/ui/dialog';
import { useTranslations } from '@/lib/i18n/client/texts';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import type {
  CardAnswerResult,
  FinishLoginResult,
  StartLoginResult,
} from '@/lib/server/signing/signing-views';
import type { CardCertificate } from './types';

type Props = {
  certificates: CardCertificate[];
  start: (serial: string) => Promise<StartLoginResult>;
  answer: (input: { sessionId: string; serial: string; pin: string }) => Promise<CardAnswerResult>;
  finish: (input: { sessionId: string; jws: string }) => Promise<FinishLoginResult>;
};

type Stage =
  | { kind: 'idle' }
  | { kind: 'choose' }
  | { kind: 'pin'; serial: string; sessionId: string; code: string };

/**
 * SPEC A2: the signing program lists the certificates on the card reader; the holder picks one,
 * presses OK and enters PIN1. The card signs the server's challenge; the server verifies it.
 */
export function EsignLogin({ certificates, start, answer, finish }: Props) {
  const t = useTranslations('login');
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [selected, setSelected] = useState(certificates[0]?.serial ?? '');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const chooseCertificate = () =>
    startTransition(async () => {
      setError(null);
      const result = await start(selected);
      if (!result.ok) {
        setError(result.message);
        setStage({ kind: 'idle' });
        return;
      }
      setPin('');
      setStage({
        kind: 'pin',
        serial: selected,
        sessionId: result.sessionId,
        code: result.verificationCode,
      });
    });

  const submitPin = (stageNow: Extract<Stage, { kind: 'pin' }>) =>
    startTransition(async () => {
      setError(null);
      if (!/^\d{4}$/.test(pin)) {
        setError(t('pinFormat', { digits: 4 }));
        return;
      }
      const signed = await answer({ sessionId: stageNow.sessionId, serial: stageNow.serial, pin });
      if (!signed.ok) {
        setError(signed.message);
        setPin('');
        if (signed.final) setStage({ kind: 'idle' });
        return;
      }
      const finished = await finish({ sessionId: stageNow.sessionId, jws: signed.jws });
      // finish() redirects on success; it only returns on failure.
      setError(finished.message);
      setStage({ kind: 'idle' });
    });

  return (
    <div>
      <ErrorSummary
        title={t('errorSummary')}
        errors={
          error ? [{ message: error, fieldId: stage.kind === 'pin' ? 'pin' : undefined }] : []
        }
      />
      <Dialog.Root
        open={stage.kind !== 'idle'}
        onOpenChange={(open) => !open && setStage({ kind: 'idle' })}
      >
        <Dialog.Trigger asChild>
          <Button onClick={() => setStage({ kind: 'choose' })} data-testid="open-signing-program">
            {t('openSigningProgram')}
          </Button>
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 bg-ink/50" />
          <Dialog.Content className="fixed left-1/2 top-1/2 max-h-[90vh] w-[min(36rem,calc(100vw-1rem))] -translate-x-1/2 -translate-y-1/2 overflow-auto rounded-lg bg-surface p-5 shadow-xl">
            <Dialog.Title className="text-lg font-bold">{t('signingProgram')}</Dialog.Title>
            {stage.kind === 'pin' ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  submitPin(stage);
                }}
              >
                <Dialog.Description className="mt-2">{t('enterPin1')}</Dialog.Description>
                <p className="mt-3">
                  {t('verificationCode')}:{' '}
                  <strong className="text-2xl tracking-widest" data-testid="verification-code">
                    {stage.code}
                  </strong>
                </p>
                <p className="text-sm text-muted">{t('verificationCodeHint')}</p>
                {error ? (
                  <p className="mt-2 font-semibold text-danger" role="alert">
                    {error}
                  </p>
                ) : null}
                <Field
                  id="pin"
                  label={t('pin')}
                  type="password"
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={4}
                  value={pin}
                  onChange={(e) => setPin(e.target.value)}
                  autoFocus
                  className="mt-3"
                />
                <div className="flex gap-3">
                  <Button type="submit" disabled={pending} data-testid="pin-submit">
                    {t('sign')}
                  </Button>
                  <Button variant="secondary" onClick={() => setStage({ kind: 'idle' })}>
                    {t('cancel')}
                  </Button>
                </div>
              </form>
            ) : (
              <div>
                <Dialog.Description className="mt-2 text-sm text-muted">
                  {t('signingProgramHint')}
                </Dialog.Description>
                {certificates.length === 0 ? (
                  <p className="mt-4">{t('noCertificates')}</p>
                ) : (
                  <fieldset className="mt-4">
                    <legend className="font-semibold">{t('chooseCertificate')}</legend>
                    <ul className="mt-2 max-h-72 divide-y divide-line overflow-auto rounded-md border border-line">
                      {certificates.map((c) => (
                        <li key={c.serial}>
                          <label className="flex cursor-pointer items-start gap-3 p-3 hover:bg-brand-50">
                            <input
                              type="radio"
                              name="certificate"
                              value={c.serial}
                              checked={selected === c.serial}
                              onChange={() => setSelected(c.serial)}
                              className="mt-1 h-5 w-5"
                            />
                            <span>
                              <span className="block font-semibold">{c.holder}</span>
                              <span className="block text-sm text-muted">
                                {c.cardNumber} · {t('certificateValidTo', { date: c.validTo })}
                              </span>
                            </span>
                          </label>
                        </li>
                      ))}
                    </ul>
                  </fieldset>
                )}
                <div className="mt-4 flex gap-3">
                  <Button
                    onClick={chooseCertificate}
                    disabled={pending || !selected}
                    data-testid="certificate-ok"
                  >
                    {t('ok')}
                  </Button>
                  <Button variant="secondary" onClick={() => setStage({ kind: 'idle' })}>
                    {t('cancel')}
                  </Button>
                </div>
              </div>
            )}
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </div>
  );
}
