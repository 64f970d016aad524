'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from '@/lib/i18n/client/texts';
import { useId, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import type { ActionRefusal, FieldError } from '@/lib/server/actions';

type Answer = { ok: true; [key: string]: unknown } | ActionRefusal;

function errorsOf(answer: ActionRefusal): FieldError[] {
  return answer.fieldErrors && answer.fieldErrors.length > 0
    ? answer.fieldErrors
    : [{ field: answer.field, message: answer.message }];
}

/** Coded reasons (checkboxes) and the reviewer's text, with errors linked to their fields. */
function ReasonFields(props: {
  prefix: string;
  codes: readonly string[];
  chosen: string[];
  setChosen: (codes: string[]) => void;
  note: string;
  setNote: (note: string) => void;
  errors: FieldError[];
}) {
  const t = useTranslations('staffReports');
  const codesError = props.errors.find((e) => e.field === 'codes')?.message;
  const noteError = props.errors.find((e) => e.field === 'note')?.message;
  const id = (x: string) => `${props.prefix}-${x}`;
  return (
    <>
      <fieldset
        className="mb-4"
        aria-describedby={[id('codes-hint'), codesError ? id('codes-error') : null]
          .filter(Boolean)
          .join(' ')}
      >
        <legend className="font-semibold">{t('reasons')}</legend>
        <p id={id('codes-hint')} className="text-sm text-muted">
          {t('reasonsHint')}
        </p>
        {codesError ? (
          <p id={id('codes-error')} className="mt-1 font-semibold text-danger">
            {codesError}
          </p>
        ) : null}
        {props.codes.map((code, i) => (
          <div key={code} className="mt-2 flex items-center gap-2">
            <input
              type="checkbox"
              id={i === 0 ? id('codes') : id(`code-${code}`)}
              name="codes"
              value={code}
              className="size-5"
              checked={props.chosen.includes(code)}
              onChange={(e) =>
                props.setChosen(
                  e.target.checked
                    ? [...props.chosen, code]
                    : props.chosen.filter((c) => c !== code),
                )
              }
            />
            <label htmlFor={i === 0 ? id('codes') : id(`code-${code}`)}>
              {t(`reasonCode.${code}`)}
            </label>
          </div>
        ))}
      </fieldset>
      <div className="mb-4">
        <label htmlFor={id('note')} className="block font-semibold">
          {t('note')}
        </label>
        <p id={id('note-hint')} className="text-sm text-muted">
          {t('noteHint')}
        </p>
        {noteError ? (
          <p id={id('note-error')} className="mt-1 font-semibold text-danger">
            {noteError}
          </p>
        ) : null}
        <textarea
          id={id('note')}
          name="note"
          rows={3}
          maxLength={2000}
          value={props.note}
          onChange={(e) => props.setNote(e.target.value)}
          aria-describedby={[id('note-hint'), noteError ? id('note-error') : null]
            .filter(Boolean)
            .join(' ')}
          aria-invalid={noteError ? true : undefined}
          className={`mt-1 w-full max-w-xl rounded-md border-2 px-3 py-2 ${noteError ? 'border-danger' : 'border-ink/70'}`}
        />
      </div>
    </>
  );
}

/**
 * The reviewer's decision on one report (issue 14 §9): return an accepted one ('return'), or
 * decide one left Received ('pending': accept, or return with the chosen reasons).
 */
export function ReportDecisionForm(props: {
  mode: 'return' | 'pending';
  reportId: string;
  codes: readonly string[];
  returnAction: (input: { reportId: string; codes: string[]; note: string }) => Promise<Answer>;
  decideAction: (input: {
    reportId: string;
    decision: 'ACCEPT' | 'RETURN';
    codes?: string[];
    note?: string;
  }) => Promise<Answer>;
}) {
  const t = useTranslations('staffReports');
  const router = useRouter();
  const prefix = useId().replace(/:/g, '');
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const run = (call: () => Promise<Answer>, message: (a: Record<string, unknown>) => string) =>
    startTransition(async () => {
      const answer = await call();
      if (!answer.ok) {
        setErrors(errorsOf(answer));
        return;
      }
      setErrors([]);
      setDone(message(answer));
      router.refresh();
    });

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (props.mode === 'return') {
          run(
            () => props.returnAction({ reportId: props.reportId, codes: chosen, note }),
            (a) =>
              t('returned', {
                ledgerRows: Number(a.ledgerRows ?? 0),
                personRows: Number(a.personRows ?? 0),
              }),
          );
        } else {
          run(
            () =>
              props.decideAction({
                reportId: props.reportId,
                decision: 'RETURN',
                codes: chosen,
                note,
              }),
            () => t('decidedRETURNED'),
          );
        }
      }}
      data-testid={`decision-${props.mode}`}
    >
      <ErrorSummary
        title={t('errorTitle')}
        errors={errors.map((e) => ({
          message: e.message,
          fieldId: e.field ? `${prefix}-${e.field}` : undefined,
        }))}
      />
      {done ? (
        <p role="status" className="mb-4 font-semibold" data-testid="decision-done">
          {done}
        </p>
      ) : null}
      {props.mode === 'pending' ? (
        <p className="mb-4">
          <Button
            disabled={pending}
            onClick={() =>
              run(
                () => props.decideAction({ reportId: props.reportId, decision: 'ACCEPT' }),
                (a) => (a.status === 'ACCEPTED' ? t('decidedACCEPTED') : t('decidedRETURNED')),
              )
            }
            data-testid="accept-pending"
          >
            {t('acceptButton')}
          </Button>
        </p>
      ) : null}
      <ReasonFields
        prefix={prefix}
        codes={props.codes}
        chosen={chosen}
        setChosen={setChosen}
        note={note}
        setNote={setNote}
        errors={errors}
      />
      <Button type="submit" variant="danger" disabled={pending} data-testid="return-report">
        {props.mode === 'return' ? t('returnButton') : t('returnPendingButton')}
      </Button>
    </form>
  );
}

/** Impose or dismiss one sanction proposal with a reason (issue 14 §10). */
export function SanctionDecisionForm(props: {
  proposalId: string;
  receipt: string;
  decideAction: (input: {
    proposalId: string;
    decision: 'IMPOSE' | 'DISMISS';
    reason: string;
  }) => Promise<Answer>;
}) {
  const t = useTranslations('staffReports');
  const router = useRouter();
  const id = `reason-${props.proposalId}`;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const decide = (decision: 'IMPOSE' | 'DISMISS') =>
    startTransition(async () => {
      const answer = await props.decideAction({ proposalId: props.proposalId, decision, reason });
      if (!answer.ok) {
        setError(answer.message);
        return;
      }
      setError(null);
      setDone(answer.decision === 'IMPOSED' ? t('decidedIMPOSED') : t('decidedDISMISSED'));
      router.refresh();
    });
  if (done) return <p role="status">{done}</p>;
  return (
    <div>
      <label htmlFor={id} className="sr-only">
        {t('reasonFor', { receipt: props.receipt })}
      </label>
      {error ? (
        <p id={`${id}-error`} className="font-semibold text-danger" role="alert">
          {error}
        </p>
      ) : null}
      <input
        id={id}
        value={reason}
        maxLength={1000}
        onChange={(e) => setReason(e.target.value)}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-invalid={error ? true : undefined}
        className={`w-full min-w-48 rounded-md border-2 px-3 py-2 ${error ? 'border-danger' : 'border-ink/70'}`}
        placeholder={t('reason')}
      />
      <div className="mt-2 flex flex-wrap gap-2">
        <Button disabled={pending} onClick={() => decide('IMPOSE')} data-testid="impose">
          {t('impose')}
        </Button>
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() => decide('DISMISS')}
          data-testid="dismiss"
        >
          {t('dismiss')}
        </Button>
      </div>
    </div>
  );
}
