import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { StaffMenu } from '@/components/admin/staff-menu';
import { StaffNav } from '@/components/admin/staff-nav';
import { IdleWarning } from '@/components/layout/idle-warning';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { SESSION_IDLE_SECONDS_BY_KIND } from '@/lib/domain/session-policy';
import { requireStaff } from '@/lib/server/access';
import { keepStaffSessionAliveAction, staffSignOutAction } from '../staff-session-actions';

/** The staff dashboard's frame (issue 14). Only for display: each page calls the guard itself. */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaff();
  const t = await getTranslations('staff');
  return (
    <ClientMessages namespaces={['idle']}>
      <SiteHeader
        homeHref="/admin"
        userMenu={
          <StaffMenu
            name={staff.displayName}
            roleLabel={t(`role.${staff.role}`)}
            bodyLabel={staff.localBodyName ?? t('centralOffice')}
            signOut={staffSignOutAction}
          />
        }
      />
      <StaffNav role={staff.role} />
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-8">
        {children}
      </main>
      <SiteFooter />
      <IdleWarning
        idleSeconds={SESSION_IDLE_SECONDS_BY_KIND.STAFF}
        warnSeconds={120}
        signOut={staffSignOutAction}
        keepAlive={keepStaffSessionAliveAction}
        loginHref="/admin/login"
      />
    </ClientMessages>
  );
}
