import type { ReactNode } from 'react';
import { getLocale, getMessages } from 'next-intl/server';
import { TextsProvider } from './client/texts';
import { pickNamespaces } from './pick-namespaces';

/**
 * The message provider of a client subtree: it hands the browser only the namespaces its client
 * components read with useTranslations, not the whole catalogue (issue 15 §1 — the catalogue
 * was 75 % of /login's HTML). The one way the app provides messages: a layout (or page) wraps
 * all of its output in it. A nested provider replaces the one above it, so list every
 * namespace the subtree's client components read; tests/unit/i18n/client-messages.test.ts
 * follows the imports of every route and fails when one is missing. Server components read
 * the full catalogue through next-intl's getTranslations and need nothing here; client
 * components read these through lib/i18n/client/texts.tsx, not next-intl's client bundle.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly string[];
  children: ReactNode;
}) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <TextsProvider locale={locale} messages={pickNamespaces(messages, namespaces)}>
      {children}
    </TextsProvider>
  );
}
