import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** The registry: deleting drafts and sending a quarter. Only these namespaces reach the browser. */
export default function EmployerReportsRegistryMessages({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={['jobs', 'registry', 'reportStatus', 'sending']}>
      {children}
    </ClientMessages>
  );
}
