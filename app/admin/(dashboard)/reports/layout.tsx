import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** Reviewing reports. Only these namespaces reach the browser. */
export default function AdminDashboardReportsMessages({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['staffReports']}>{children}</ClientMessages>;
}
