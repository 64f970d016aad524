import { getTranslations } from 'next-intl/server';
import type { ThreadMessageView } from '@/lib/server/messages/message-views';

type Props = {
  messages: ThreadMessageView[];
  /** The list's accessible name. */
  label: string;
  /** The line above each message: who wrote it and when, in the reader's words. */
  fromLine: (message: ThreadMessageView) => string;
  /** Where an attachment downloads from: each side has its own guarded route. */
  attachmentHref: (attachmentId: string) => string;
  /** The heading level under the page's subject heading (h2 on the cabinet, h1 on the staff page). */
  attachmentsHeading: 'h2' | 'h3';
  /** Set on the employer's side: the fund's messages not yet read are marked. */
  unreadLabel?: string;
};

/**
 * A thread, oldest first, each reply indented under the message it answers, with its files —
 * the one markup of the cabinet's thread (SPEC E1) and the fund's (issue 14 §7).
 */
export async function ThreadView({
  messages,
  label,
  fromLine,
  attachmentHref,
  attachmentsHeading: Heading,
  unreadLabel,
}: Props) {
  const t = await getTranslations('correspondence');
  return (
    <ol className="mt-4 space-y-3" aria-label={label} data-testid="thread">
      {messages.map((m) => (
        <li
          key={m.id}
          id={`message-${m.id}`}
          className={`rounded-lg bg-surface p-4 shadow-sm ${m.parentId ? 'ml-4 sm:ml-8' : ''} ${m.fromFund ? 'border-l-4 border-brand-600' : ''}`}
          data-testid="thread-message"
        >
          <p className="text-sm text-muted">
            {fromLine(m)}
            {unreadLabel && m.fromFund && m.readAt === null ? (
              <strong className="ml-2 text-brand-700">{unreadLabel}</strong>
            ) : null}
          </p>
          <p className="mt-2 whitespace-pre-line break-words">{m.body}</p>
          {m.attachments.length > 0 ? (
            <div className="mt-3">
              <Heading className="text-sm font-semibold">{t('attachments')}</Heading>
              <ul className="mt-1 space-y-1">
                {m.attachments.map((a) => (
                  <li key={a.id}>
                    <a
                      href={attachmentHref(a.id)}
                      className="break-all"
                      data-testid="attachment-link"
                    >
                      {t('download', {
                        name: a.fileName,
                        size: t('sizeKb', { size: Math.max(1, Math.round(a.sizeBytes / 1024)) }),
                      })}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
