import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** Distributing a payment and signing it. Only these namespaces reach the browser. */
export default function EmployerCabinetDistributeMessages({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['distribution', 'sending']}>{children}</ClientMessages>;
}
