import type { ReactNode } from 'react';
import { IdleWarning } from '@/components/layout/idle-warning';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { UserMenu } from '@/components/layout/user-menu';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { SESSION_IDLE_SECONDS } from '@/lib/domain/session-policy';
import { requirePrincipal, sessionEmployerName } from '@/lib/server/access';
import { headerUnreadCount } from '@/lib/server/messages/header-unread-count';
import { keepSessionAliveAction, signOutAction, signOutEverywhereAction } from '../sign-out-action';

/** The signed-in area's frame. Only for display: each page calls the guard itself. */
export default async function EmployerLayout({ children }: { children: ReactNode }) {
  const principal = await requirePrincipal();
  const [employerName, unread] = await Promise.all([
    sessionEmployerName(principal),
    headerUnreadCount(principal),
  ]);
  return (
    <ClientMessages namespaces={['header', 'idle']}>
      <SiteHeader
        homeHref={principal.employerId ? '/home' : '/employers'}
        messages={unread === null ? undefined : { href: '/cabinet/messages', unread }}
        userMenu={
          <UserMenu
            personName={`${principal.name} ${principal.surname}`}
            employerName={employerName}
            signOut={signOutAction}
            signOutEverywhere={signOutEverywhereAction}
          />
        }
      />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
      <SiteFooter />
      <IdleWarning
        idleSeconds={SESSION_IDLE_SECONDS}
        warnSeconds={120}
        signOut={signOutAction}
        keepAlive={keepSessionAliveAction}
      />
    </ClientMessages>
  );
}
