import { getTranslations } from 'next-intl/server';
import { MessageList } from '@/components/messages/message-list';
import { MessagesNav } from '@/components/messages/messages-nav';
import { loadMessageList, loadMessagesFrame } from '@/lib/server/messages/messages-page';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations('correspondence');
  return { title: `${t('sent')} — ${t('title')}` };
}

/** The employer's messages to the fund, with whether the fund has read each. */
export default async function SentPage({ searchParams }: Props) {
  const { scope, unread, locale } = await loadMessagesFrame();
  const query = await searchParams;
  const list = await loadMessageList(scope, 'sent', query.page);
  const t = await getTranslations('correspondence');
  return (
    <div className="mx-auto max-w-3xl">
      <MessagesNav current="sent" unread={unread} />
      {query.sent === '1' ? (
        <p
          role="status"
          className="mb-4 rounded-md border-l-4 border-success bg-success-50 p-3"
          data-testid="message-sent-flash"
        >
          {t('sentFlash')}
        </p>
      ) : null}
      <h2 className="mb-3 text-xl font-semibold">{t('sent')}</h2>
      <MessageList list={list} baseHref="/cabinet/messages/sent" locale={locale} />
    </div>
  );
}
