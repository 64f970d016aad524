import { getTranslations } from 'next-intl/server';
import { MessageList } from '@/components/messages/message-list';
import { MessagesNav } from '@/components/messages/messages-nav';
import { loadMessageList, loadMessagesFrame } from '@/lib/server/messages/messages-page';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations('correspondence');
  return { title: `${t('inbox')} — ${t('title')}` };
}

/** "İsmarıclar" (SPEC E1): the fund's messages to the employer, unread ones marked. */
export default async function InboxPage({ searchParams }: Props) {
  const { scope, unread, locale } = await loadMessagesFrame();
  const list = await loadMessageList(scope, 'inbox', (await searchParams).page);
  const t = await getTranslations('correspondence');
  return (
    <div className="mx-auto max-w-3xl">
      <MessagesNav current="inbox" unread={unread} />
      <h2 className="mb-3 text-xl font-semibold">{t('inbox')}</h2>
      <MessageList list={list} baseHref="/cabinet/messages" locale={locale} />
    </div>
  );
}
