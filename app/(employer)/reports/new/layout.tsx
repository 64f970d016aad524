import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** Starting a report. Only these namespaces reach the browser. */
export default function EmployerReportsNewMessages({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['wizard', 'wizardSteps']}>{children}</ClientMessages>;
}
