'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from '@/lib/i18n/client/texts';
import { useCallback, useState, useTransition } from 'react';
import { SigningDialog } from '@/components/sending/signing-dialog';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { formatAmount, parseAmount, type Locale } from '@/lib/domain/money-format';
import type { FieldError } from '@/lib/server/actions';
import type { CardAnswerResult } from '@/lib/server/signing/signing-views';
import type { CancelResult, SigningSession } from '@/lib/server/submissions/sending-views';
import type {
  CompleteDistributionAnswer,
  StartDistributionAnswer,
} from '@/app/(employer)/cabinet/distribute/types';

export type DistributionFormTarget = {
  target: string;
  label: string;
  detail: string;
  proposed: string;
};

type DistributionRequest = {
  paymentId: string;
  sub: string | null;
  kind: 'CLASSIFICATION' | 'SUB_EMPLOYER';
  amount: string;
  lines: { target: string; amount: string }[];
};

export type DistributionActions = {
  start: (input: DistributionRequest) => Promise<StartDistributionAnswer>;
  answerCard: (input: { sessionId: string; pin: string }) => Promise<CardAnswerResult>;
  complete: (input: {
    paymentId: string;
    sub: string | null;
    sessionId: string;
    jws?: string | null;
  }) => Promise<CompleteDistributionAnswer>;
  cancel: (input: { sessionId: string; sub: string | null }) => Promise<CancelResult>;
};

type Props = {
  paymentId: string;
  sub: string | null;
  kind: 'CLASSIFICATION' | 'SUB_EMPLOYER';
  reference: string;
  defaultAmount: string;
  targets: DistributionFormTarget[];
  locale: Locale;
  simulatorsOn: boolean;
  actions: DistributionActions;
  /** Where "back" and a finished distribution lead (view 17 with the kept query). */
  paymentsHref: string;
};

/**
 * The distribution of one payment (SPEC E3–E4): what is split and each part, checked by the
 * server with a message at each field, then signed with PIN2 (card) or Asan İmza in the same
 * dialog as a report. What was typed stays on a refusal; the running total is shown as typed.
 */
export function DistributionForm(props: Props) {
  const t = useTranslations('distribution');
  const router = useRouter();
  const [amount, setAmount] = useState(props.defaultAmount);
  const [parts, setParts] = useState(props.targets.map((x) => x.proposed));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [session, setSession] = useState<SigningSession | null>(null);
  const [pending, startTransition] = useTransition();
  const { start, complete, cancel, answerCard } = props.actions;

  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  // What the parts add up to as typed (the server checks again); unreadable parts count 0.
  const partsTotal = parts.reduce((sum, text) => {
    if (text.trim() === '') return sum;
    const parsed = parseAmount(text);
    return parsed.ok ? sum + parsed.value : sum;
  }, 0);

  const submit = () =>
    startTransition(async () => {
      setErrors([]);
      setNotice(null);
      const result = await start({
        paymentId: props.paymentId,
        sub: props.sub,
        kind: props.kind,
        amount,
        lines: props.targets.map((x, i) => ({ target: x.target, amount: parts[i] ?? '' })),
      });
      if (result.ok) setSession(result.session);
      else if (result.fieldErrors?.length || result.field)
        setErrors(result.fieldErrors ?? [result]);
      else setNotice(result.message);
    });

  const onSigned = useCallback(
    (jws: string | null) => {
      if (!session) return;
      const sessionId = session.sessionId;
      setSession(null);
      startTransition(async () => {
        const result = await complete({
          paymentId: props.paymentId,
          sub: props.sub,
          sessionId,
          jws,
        });
        if (result.ok) {
          setDone(result.message);
          router.refresh();
        } else if (result.fieldErrors?.length || result.field)
          setErrors(result.fieldErrors ?? [result]);
        else setNotice(result.message);
      });
    },
    [session, complete, props.paymentId, props.sub, router],
  );
  const onEnded = useCallback((message: string) => {
    setSession(null);
    setNotice(message);
  }, []);

  if (done) {
    return (
      <div
        role="status"
        className="rounded-md border-l-4 border-success bg-surface p-4"
        data-testid="distribution-done"
      >
        <p className="font-semibold">{done}</p>
        <p className="mt-2">
          <a href={props.paymentsHref}>{t('backToPayments')}</a>
        </p>
      </div>
    );
  }

  const summary = errors.map((e) => ({
    message: e.message,
    fieldId: e.field === 'parts' ? 'part-0' : e.field,
  }));
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      data-testid="distribution-form"
    >
      <ErrorSummary title={t('errorSummary')} errors={summary} />
      {notice ? (
        <p
          role="alert"
          className="mb-3 rounded-md border-2 border-danger bg-danger-50 p-3 text-danger"
          data-testid="distribution-notice"
        >
          {notice}
        </p>
      ) : null}
      <Field
        id="amount"
        name="amount"
        label={t('amountToSplit')}
        hint={t('amountHint')}
        inputMode="decimal"
        autoComplete="off"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        error={errorOf('amount')}
      />
      <fieldset className="mt-4" aria-describedby={errorOf('parts') ? 'parts-error' : undefined}>
        <legend className="font-semibold">{t('partsLegend')}</legend>
        {errorOf('parts') ? (
          <p id="parts-error" className="mt-1 font-semibold text-danger" data-testid="parts-error">
            {errorOf('parts')}
          </p>
        ) : null}
        {props.targets.map((target, i) => (
          <div key={target.target} className="mt-3">
            <Field
              id={`part-${i}`}
              name={`part-${i}`}
              label={t('partAmount', { label: target.label })}
              hint={target.detail}
              inputMode="decimal"
              autoComplete="off"
              value={parts[i] ?? ''}
              onChange={(e) => setParts((old) => old.map((v, j) => (j === i ? e.target.value : v)))}
              error={errorOf(`part-${i}`)}
              data-testid={`part-${target.target}`}
            />
          </div>
        ))}
        <p className="mt-3 text-sm" aria-live="polite" data-testid="parts-total">
          {t('partsTotal', { total: formatAmount(partsTotal, props.locale) })}
        </p>
      </fieldset>
      <div className="mt-6 flex flex-wrap gap-3">
        <Button type="submit" disabled={pending} data-testid="distribution-confirm">
          {t('confirm')}
        </Button>
        <a href={props.paymentsHref} className="inline-flex min-h-11 items-center">
          {t('backToPayments')}
        </a>
      </div>
      <SigningDialog
        session={session}
        simulatorsOn={props.simulatorsOn}
        answerCard={answerCard}
        cancel={(sessionId) => cancel({ sessionId, sub: props.sub })}
        onSigned={onSigned}
        onEnded={onEnded}
      >
        <p>{t('signingWhat', { amount: amount, reference: props.reference })}</p>
      </SigningDialog>
    </form>
  );
}
