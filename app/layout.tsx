import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { SimulatorsBanner } from '@/components/layout/simulators-banner';
import { StyleNonce } from '@/components/layout/style-nonce';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { simulatorsEnabled } from '@/lib/server/simulators/enabled';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('meta');
  return {
    title: { default: t('title'), template: `%s — ${t('title')}` },
    description: t('description'),
    manifest: '/manifest.webmanifest',
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('header');
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <StyleNonce />
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-surface focus:p-2"
        >
          {t('skipToContent')}
        </a>
        {simulatorsEnabled() ? <SimulatorsBanner /> : null}
        {/* app/error.tsx is the only client component at this level; each segment below
            provides what its own client components read (lib/i18n/client-messages.tsx). */}
        <ClientMessages namespaces={['error']}>{children}</ClientMessages>
      </body>
    </html>
  );
}
