import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** Checking a receipt: the upload form and its result. Only these namespaces reach the browser. */
export default function PublicVerifyMessages({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['receipt', 'verify']}>{children}</ClientMessages>;
}
