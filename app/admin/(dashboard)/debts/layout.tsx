import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** Fines, write-offs and their decisions. Only these namespaces reach the browser. */
export default function AdminDashboardDebtsMessages({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['staffDebts']}>{children}</ClientMessages>;
}
