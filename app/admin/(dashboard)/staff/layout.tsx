import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** Staff accounts. Only these namespaces reach the browser. */
export default function AdminDashboardStaffMessages({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['staffAccounts']}>{children}</ClientMessages>;
}
