import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** Entering, importing and reversing payments. Only these namespaces reach the browser. */
export default function AdminDashboardPaymentsMessages({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['staffPayments']}>{children}</ClientMessages>;
}
