import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { ClientMessages } from '@/lib/i18n/client-messages';

export default function StaffLoginLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={['login']}>
      <SiteHeader homeHref="/admin/login" />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
      <SiteFooter />
    </ClientMessages>
  );
}
