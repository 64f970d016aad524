import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export type MessagesTab = 'inbox' | 'sent' | 'new';

const TABS: readonly { id: MessagesTab; href: string }[] = [
  { id: 'inbox', href: '/cabinet/messages' },
  { id: 'sent', href: '/cabinet/messages/sent' },
  { id: 'new', href: '/cabinet/messages/new' },
];

/**
 * The section's title and tabs. Plain links (full page loads): the header's unread count is
 * part of the layout, which a client-side navigation would keep as it was.
 */
export async function MessagesNav({
  current,
  unread,
}: {
  current: MessagesTab | null;
  unread: number;
}) {
  const t = await getTranslations('correspondence');
  return (
    <header className="mb-6">
      <p className="text-sm text-muted">
        <Link href="/cabinet">{(await getTranslations('cabinet'))('title')}</Link>
      </p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-sm text-muted" data-testid="messages-unread">
        {t('unreadCount', { count: unread })}
      </p>
      <nav aria-label={t('tabs')} className="mt-4">
        <ul className="flex flex-wrap gap-2">
          {TABS.map((tab) => (
            <li key={tab.id}>
              <a
                href={tab.href}
                aria-current={tab.id === current ? 'page' : undefined}
                data-testid={`messages-tab-${tab.id}`}
                className={`inline-flex min-h-11 items-center rounded-md border-2 px-4 py-2 font-semibold no-underline ${tab.id === current ? 'border-brand-600 bg-brand-600 text-white hover:text-white' : 'border-brand-600 bg-surface text-brand-700 hover:bg-brand-50'}`}
              >
                {t(tab.id)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
