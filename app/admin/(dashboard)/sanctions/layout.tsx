import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** Sanction proposals. Only these namespaces reach the browser. */
export default function AdminDashboardSanctionsMessages({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['staffReports']}>{children}</ClientMessages>;
}
