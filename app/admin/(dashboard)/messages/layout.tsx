import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** Answering employers' messages. Only these namespaces reach the browser. */
export default function AdminDashboardMessagesMessages({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={['correspondence', 'staffMessages']}>{children}</ClientMessages>
  );
}
