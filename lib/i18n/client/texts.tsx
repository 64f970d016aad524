'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { formatMessage, type MessageValues } from './format-message';

// What client components read their texts through (lib/i18n/client-messages.tsx provides it):
// the same `useTranslations(namespace)` / `useLocale()` calls as next-intl's, over the
// namespaces the subtree's provider handed over, without next-intl's client bundle.

type Texts = { locale: string; messages: Record<string, unknown> };

const TextsContext = createContext<Texts | null>(null);

export function TextsProvider({ locale, messages, children }: Texts & { children: ReactNode }) {
  const value = useMemo(() => ({ locale, messages }), [locale, messages]);
  return <TextsContext.Provider value={value}>{children}</TextsContext.Provider>;
}

function useTexts(): Texts {
  const texts = useContext(TextsContext);
  if (!texts) throw new Error('useTranslations: no <ClientMessages> above this component');
  return texts;
}

export function useLocale(): string {
  return useTexts().locale;
}

/** A namespace's texts by key ('a' or 'a.b'), placeholders filled in; `has` as next-intl's. */
export type ClientTranslator = ((key: string, values?: MessageValues) => string) & {
  has: (key: string) => boolean;
};

export function useTranslations(namespace: string): ClientTranslator {
  const { locale, messages } = useTexts();
  // One function per namespace and provider, as next-intl's: a component may list it in deps.
  return useMemo(() => {
    const lookup = (key: string): unknown => {
      let node: unknown = messages[namespace];
      for (const step of key.split('.'))
        node =
          node && typeof node === 'object' ? (node as Record<string, unknown>)[step] : undefined;
      return node;
    };
    const t = (key: string, values?: MessageValues) => {
      const node = lookup(key);
      // As next-intl does: a missing text shows its key rather than breaking the page.
      if (typeof node !== 'string') return `${namespace}.${key}`;
      try {
        return formatMessage(node, values, locale);
      } catch {
        return `${namespace}.${key}`;
      }
    };
    return Object.assign(t, { has: (key: string) => typeof lookup(key) === 'string' });
  }, [locale, messages, namespace]);
}
