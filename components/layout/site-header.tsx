import Link from 'next/link';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { HomeIcon } from './home-icon';
import { LanguageSwitch } from './language-switch';

type Props = {
  /** Where the home icon leads: the service home once signed in, the landing page before. */
  homeHref: string;
  /** The user menu (employer, sign-out) once signed in; a sign-in link before. */
  userMenu?: ReactNode;
  /** The messages link with its unread count, for a person who may read them (SPEC E1). */
  messages?: { href: string; unread: number };
};

/** Service name left; language, user menu and the home icon top right (SPEC A5). */
export async function SiteHeader({ homeHref, userMenu, messages }: Props) {
  const t = await getTranslations('header');
  const tm = await getTranslations('correspondence');
  return (
    <header className="bg-brand-700 text-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <div className="min-w-0 flex-1">
          <Link href={homeHref} className="block text-white no-underline hover:text-white">
            <span className="block text-xs uppercase tracking-wide opacity-90">
              {t('fundName')}
            </span>
            <span className="block text-lg font-semibold leading-tight">{t('serviceName')}</span>
          </Link>
        </div>
        <nav
          aria-label={t('userMenu')}
          className="flex min-w-0 max-w-full flex-wrap items-center justify-end gap-2 sm:gap-3"
        >
          <LanguageSwitch />
          {messages ? (
            // A full page load: the count is the layout's, which client navigation keeps.
            <a
              href={messages.href}
              className="inline-flex min-h-11 items-center gap-2 rounded-md px-2 text-white no-underline hover:bg-white/10 hover:text-white"
              data-testid="header-messages"
            >
              <span>{tm('headerLink')}</span>
              {messages.unread > 0 ? (
                <span
                  className="rounded-full bg-white px-2 text-sm font-bold text-brand-700"
                  aria-hidden="true"
                  data-testid="header-unread-badge"
                >
                  {messages.unread}
                </span>
              ) : null}
              <span className="sr-only" data-testid="header-unread-text">
                {tm('unreadCount', { count: messages.unread })}
              </span>
            </a>
          ) : null}
          {userMenu}
          <Link
            href={homeHref}
            className="rounded-md p-1 text-white hover:bg-white/10 hover:text-white"
            aria-label={t('home')}
            title={t('home')}
            data-testid="home-icon"
          >
            <HomeIcon />
          </Link>
        </nav>
      </div>
    </header>
  );
}
