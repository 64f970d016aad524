import { getTranslations } from 'next-intl/server';
import { MessageForm } from '@/components/messages/message-form';
import { MessagesNav } from '@/components/messages/messages-nav';
import { loadMessagesFrame } from '@/lib/server/messages/messages-page';
import { sendMessageAction } from '../actions';

export async function generateMetadata() {
  const t = await getTranslations('correspondence');
  return { title: `${t('new')} — ${t('title')}` };
}

/** A new message to the fund: subject, text and files. */
export default async function NewMessagePage() {
  const { unread } = await loadMessagesFrame();
  const t = await getTranslations('correspondence');
  return (
    <div className="mx-auto max-w-3xl">
      <MessagesNav current="new" unread={unread} />
      <section className="rounded-lg bg-surface p-4 shadow-sm sm:p-6" aria-labelledby="new-title">
        <h2 id="new-title" className="text-xl font-semibold">
          {t('new')}
        </h2>
        <MessageForm send={sendMessageAction} idPrefix="new-message" />
      </section>
    </div>
  );
}
