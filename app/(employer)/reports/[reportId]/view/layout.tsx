import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** A report's view: its status and the corrective and sending buttons. Only these namespaces reach the browser. */
export default function EmployerReportsReportidViewMessages({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={['jobs', 'reportStatus', 'sending']}>{children}</ClientMessages>
  );
}
