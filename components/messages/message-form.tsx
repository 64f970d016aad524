'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { MESSAGE_LIMITS } from '@/lib/domain/correspondence/message-rules';
import type { ActionRefusal } from '@/lib/server/actions';

type State = ActionRefusal | null;

type Props = {
  send: (state: State, formData: FormData) => Promise<State>;
  /** A reply: the message it answers; the subject is the thread's. */
  parentId?: string;
  idPrefix: string;
};

const MB = 1024 * 1024;
/** The transport's limit (next.config.mjs bodySizeLimit): past it the server can only refuse. */
const BODY_LIMIT = 21 * MB;

/**
 * A new message or a reply (SPEC E1): subject (new threads only), text and up to five PDF, PNG
 * or JPEG files. Posts without JavaScript too; with it the text typed stays when refused.
 */
export function MessageForm({ send, parentId, idPrefix }: Props) {
  const t = useTranslations('correspondence');
  const [state, action, pending] = useActionState(send, null);
  const [tooLarge, setTooLarge] = useState(false);
  const ids = {
    subject: `${idPrefix}-subject`,
    body: `${idPrefix}-body`,
    attachments: `${idPrefix}-attachments`,
  };
  const errors =
    state === null
      ? []
      : (state.fieldErrors ?? [{ field: state.field, message: state.message }]).map((e) => ({
          field: e.field,
          message: e.message,
        }));
  if (tooLarge)
    errors.push({
      field: 'attachments',
      message: t('attachmentsHint', {
        maxMb: MESSAGE_LIMITS.attachmentBytesMax / MB,
        max: MESSAGE_LIMITS.attachmentsMax,
        totalMb: MESSAGE_LIMITS.attachmentsTotalBytesMax / MB,
      }),
    });
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const summary = errors.map((e) => ({
    message: e.message,
    fieldId: e.field && e.field in ids ? ids[e.field as keyof typeof ids] : undefined,
  }));

  // Sent by hand so React does not reset the form: a refused message keeps what was typed.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    // A file input left empty sends a nameless, empty file: no attachment, so not sent at all.
    const chosen = data
      .getAll('attachments')
      .filter((f) => typeof f !== 'string' && !(f.size === 0 && f.name === ''));
    data.delete('attachments');
    for (const file of chosen) data.append('attachments', file);
    const size = data
      .getAll('attachments')
      .reduce((sum, f) => sum + (typeof f === 'string' ? 0 : f.size), 0);
    const over = size > BODY_LIMIT - MB;
    setTooLarge(over);
    if (!over) startTransition(() => action(data));
  }

  return (
    <form
      action={action}
      onSubmit={submit}
      noValidate
      encType="multipart/form-data"
      className="mt-4"
      data-testid={`${idPrefix}-form`}
    >
      <ErrorSummary title={t('errorSummary')} errors={summary} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      {parentId ? null : (
        <Field
          id={ids.subject}
          name="subject"
          label={t('subject')}
          hint={t('subjectHint', { max: MESSAGE_LIMITS.subjectMax })}
          error={errorOf('subject')}
          maxLength={MESSAGE_LIMITS.subjectMax}
          autoComplete="off"
          className="max-w-xl"
        />
      )}
      <div className="mb-4">
        <label htmlFor={ids.body} className="block font-semibold">
          {t('body')}
        </label>
        <p id={`${ids.body}-hint`} className="text-sm text-muted">
          {t('bodyHint', { max: MESSAGE_LIMITS.bodyMax })}
        </p>
        {errorOf('body') ? (
          <p id={`${ids.body}-error`} className="mt-1 font-semibold text-danger">
            {errorOf('body')}
          </p>
        ) : null}
        <textarea
          id={ids.body}
          name="body"
          rows={6}
          maxLength={MESSAGE_LIMITS.bodyMax}
          aria-describedby={`${ids.body}-hint${errorOf('body') ? ` ${ids.body}-error` : ''}`}
          aria-invalid={errorOf('body') ? true : undefined}
          className={`mt-1 block w-full max-w-xl rounded-md border-2 px-3 py-2 ${errorOf('body') ? 'border-danger' : 'border-ink/70'}`}
        />
      </div>
      <div className="mb-4">
        <label htmlFor={ids.attachments} className="block font-semibold">
          {t('attachmentsLabel')}
        </label>
        <p id={`${ids.attachments}-hint`} className="text-sm text-muted">
          {t('attachmentsHint', {
            maxMb: MESSAGE_LIMITS.attachmentBytesMax / MB,
            max: MESSAGE_LIMITS.attachmentsMax,
            totalMb: MESSAGE_LIMITS.attachmentsTotalBytesMax / MB,
          })}
        </p>
        {errorOf('attachments') ? (
          <p id={`${ids.attachments}-error`} className="mt-1 font-semibold text-danger">
            {errorOf('attachments')}
          </p>
        ) : null}
        <input
          id={ids.attachments}
          name="attachments"
          type="file"
          multiple
          accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
          aria-describedby={`${ids.attachments}-hint${errorOf('attachments') ? ` ${ids.attachments}-error` : ''}`}
          aria-invalid={errorOf('attachments') ? true : undefined}
          className="mt-1 block w-full max-w-full"
        />
      </div>
      <Button type="submit" disabled={pending} data-testid={`${idPrefix}-send`}>
        {pending ? t('sending') : t('send')}
      </Button>
    </form>
  );
}
