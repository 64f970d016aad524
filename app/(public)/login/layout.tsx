import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** The login page: the card and Asan İmza forms. Only these namespaces reach the browser. */
export default function PublicLoginMessages({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['login']}>{children}</ClientMessages>;
}
