import { getTranslations } from 'next-intl/server';
import { MessageForm } from '@/components/messages/message-form';
import { MessagesNav } from '@/components/messages/messages-nav';
import { ThreadView } from '@/components/messages/thread-view';
import { formatDateTime } from '@/lib/i18n/format-date';
import { loadInScope } from '@/lib/server/access';
import { hasLineControlCharacters } from '@/lib/server/control-characters';
import { getMessageThread } from '@/lib/server/messages/get-message-thread';
import { loadMessagesFrame } from '@/lib/server/messages/messages-page';
import { notFound } from 'next/navigation';
import { sendMessageAction } from '../actions';

type Props = {
  params: Promise<{ messageId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations('correspondence');
  return { title: `${t('thread')} — ${t('title')}` };
}

/**
 * A thread, oldest first, each reply under the message it answers, with its files; opening it
 * marks the fund's messages read. The reply form answers the thread's last message.
 */
export default async function ThreadPage({ params, searchParams }: Props) {
  const { messageId } = await params;
  if (hasLineControlCharacters(messageId)) notFound();
  const frame = await loadMessagesFrame();
  const { scope, locale } = frame;
  const thread = await loadInScope(scope, 'getMessageThread', (db) =>
    getMessageThread(db, scope, { messageId }),
  );
  // The count the frame read may include messages this very opening just marked read.
  const newlyRead = thread.messages.filter((m) => m.fromFund && m.readAt === null).length;
  const unread = Math.max(0, frame.unread - newlyRead);
  const t = await getTranslations('correspondence');
  const last = thread.messages[thread.messages.length - 1]!;
  const sent = (await searchParams).sent === '1';
  return (
    <div className="mx-auto max-w-3xl">
      <MessagesNav current={null} unread={unread} />
      {sent ? (
        <p
          role="status"
          className="mb-4 rounded-md border-l-4 border-success bg-success-50 p-3"
          data-testid="message-sent-flash"
        >
          {t('sentFlash')}
        </p>
      ) : null}
      <h2 className="mb-3 break-words text-xl font-semibold" data-testid="thread-subject">
        {thread.subject}
      </h2>
      <ThreadView
        messages={thread.messages}
        label={t('thread')}
        fromLine={(m) =>
          t('messageFrom', {
            who: m.fromFund ? t('fromFund') : t('fromEmployer'),
            date: formatDateTime(m.createdAt, locale),
          })
        }
        attachmentHref={(id) => `/cabinet/messages/attachments/${id}`}
        attachmentsHeading="h3"
        unreadLabel={t('unread')}
      />
      <p className="mt-4">
        <a href={last.fromFund ? '/cabinet/messages' : '/cabinet/messages/sent'}>
          {last.fromFund ? t('backToInbox') : t('backToSent')}
        </a>
      </p>
      <section
        className="mt-6 rounded-lg bg-surface p-4 shadow-sm sm:p-6"
        aria-labelledby="reply-title"
      >
        <h2 id="reply-title" className="text-xl font-semibold">
          {t('replyTitle')}
        </h2>
        <MessageForm send={sendMessageAction} parentId={last.id} idPrefix="reply" />
      </section>
    </div>
  );
}
